"""Every inline ``python`` block runs as a reader would paste it.

A reader copies a block into a fresh Python, in an empty folder of their
own, with only the pip packages installed: the book's own ``snippets``
and ``scripts`` packages do not exist there. This test does the same for
every page of the book. It takes the blocks pytest-codeblocks runs (its
own parser, so ``cont`` joins blocks and skip marks are honoured) and
runs them in one fresh interpreter per page:

* ``python -I`` (no PYTHONPATH, no user site, no script folder on
  sys.path), in an empty temporary folder outside the repository;
* ``snippets`` and ``scripts`` blocked by a meta-path finder that raises
  ModuleNotFoundError (the editable install would otherwise make them
  importable from anywhere);
* ``KERAS_HOME`` pointing at the prepared dataset cache, so
  ``keras.datasets.*.load_data()`` and ``keras.utils.get_file`` find
  their files without a network, as they would after a first download;
* each block in fresh globals (``__name__ == "__main__"``), its printed
  output compared with the page's pinned output, if it has one.
"""

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest
from pytest_codeblocks.main import extract_from_file

from scripts.paths import DOCS, ROOT
from snippets.common.datasets import prepare_keras_home

BOOK_PACKAGES = ("snippets", "scripts")
PAGE_TIMEOUT_S = 900

# Run by the reader's interpreter: block the book's packages, then exec
# each block in fresh globals and report what happened as JSON lines.
DRIVER = textwrap.dedent('''
    import contextlib, importlib.abc, io, json, sys, time, traceback

    BLOCKED = set(sys.argv[2].split(","))


    class BookPackagesAreNotInstalled(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in BLOCKED:
                raise ModuleNotFoundError(
                    f"No module named {name!r}", name=name)
            return None


    sys.meta_path.insert(0, BookPackagesAreNotInstalled())
    for name in list(sys.modules):
        if name.partition(".")[0] in BLOCKED:
            del sys.modules[name]
    blocks = json.load(open(sys.argv[1], encoding="utf-8"))
    for block in blocks:
        out, start, error = io.StringIO(), time.perf_counter(), None
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(block["code"], block["where"], "exec"),
                     {"__name__": "__main__"})
        except BaseException:
            error = traceback.format_exc(limit=-3)
        try:
            import matplotlib.pyplot
            matplotlib.pyplot.close("all")
        except Exception:
            pass
        print(json.dumps({"where": block["where"], "error": error,
                          "output": out.getvalue(),
                          "seconds": time.perf_counter() - start}),
              flush=True)
''')


def _skipped(block) -> bool:
    """Whether pytest would skip the block, by its marks."""
    for mark in block.marks:
        decorator = eval(mark, {"sys": sys, "pytest": pytest})
        if decorator.name == "skip":
            return True
        if decorator.name == "skipif" and any(decorator.args):
            return True
    return False


def page_blocks(page):
    """The page's inline python blocks that pytest-codeblocks runs."""
    where = page.relative_to(ROOT).as_posix()
    return [{"where": f"{where}:{b.lineno}", "code": b.code,
             "expected": b.expected_output,
             "ignore_whitespace": b.expected_output_ignore_whitespace}
            for b in extract_from_file(page)
            if b.syntax == "python" and not _skipped(b)]


PAGES = [p for p in sorted(DOCS.rglob("*.md")) if page_blocks(p)]


def run_as_pasted(blocks, tmp_path, blocked=BOOK_PACKAGES):
    """Run `blocks` in one fresh interpreter as a reader would; return
    one report per block: where, error (a traceback or None), output,
    seconds."""
    tools, reader = tmp_path / "driver", tmp_path / "reader"
    tools.mkdir(parents=True)
    reader.mkdir()  # the reader's empty working folder
    (tools / "driver.py").write_text(DRIVER, encoding="utf-8")
    (tools / "blocks.json").write_text(json.dumps(blocks), "utf-8")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PYTHON")}
    env.update(KERAS_HOME=str(prepare_keras_home()), MPLBACKEND="Agg",
               TF_CPP_MIN_LOG_LEVEL="3")
    done = subprocess.run(
        [sys.executable, "-I", str(tools / "driver.py"),
         str(tools / "blocks.json"), ",".join(blocked)],
        cwd=reader, env=env, capture_output=True, text=True,
        timeout=PAGE_TIMEOUT_S)
    reports = [json.loads(line) for line in done.stdout.splitlines()
               if line.startswith("{")]
    if len(reports) != len(blocks):
        pytest.fail(f"the interpreter stopped after {len(reports)} of "
                    f"{len(blocks)} blocks (exit {done.returncode}):\n"
                    + done.stderr[-3000:])
    return reports


def problems(blocks, reports) -> list[str]:
    found = []
    for block, report in zip(blocks, reports):
        if report["error"]:
            last = report["error"].strip().splitlines()[-1]
            found.append(f"{block['where']}: {last}\n{report['error']}")
            continue
        expected, got = block["expected"], report["output"]
        if expected is None:
            continue
        if block["ignore_whitespace"]:
            expected, got = ("".join(s.split()) for s in (expected, got))
        if expected != got:
            found.append(f"{block['where']}: printed\n{report['output']}"
                         f"instead of the page's\n{block['expected']}")
    return found


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix()
                                             for p in PAGES])
def test_every_block_runs_as_pasted(page, tmp_path):
    blocks = page_blocks(page)
    start = time.perf_counter()
    reports = run_as_pasted(blocks, tmp_path)
    print(f"{page.relative_to(DOCS)}: {len(blocks)} block(s) in "
          f"{time.perf_counter() - start:.1f} s")
    found = problems(blocks, reports)
    assert not found, (f"{len(found)} of {len(blocks)} block(s) fail when "
                       "pasted outside the book:\n\n" + "\n\n".join(found))


def test_the_book_packages_are_blocked_and_the_rest_is_not(tmp_path):
    blocks = [
        {"where": "a", "code": "import snippets.common.datasets\n",
         "expected": None, "ignore_whitespace": False},
        {"where": "b", "code": "from scripts import figures\n",
         "expected": None, "ignore_whitespace": False},
        {"where": "c", "code": "import os\n"
                               "print(os.listdir('.'), os.path.exists(os."
                               "environ['KERAS_HOME'] + '/datasets/mnist."
                               "npz'))\n",
         "expected": "[] True\n", "ignore_whitespace": False},
        {"where": "d", "code": "x = 1\n",
         "expected": None, "ignore_whitespace": False},
        {"where": "e", "code": "print('x' in globals(), __name__)\n",
         "expected": "False __main__\n", "ignore_whitespace": False},
    ]
    reports = run_as_pasted(blocks, tmp_path)
    for report in reports[:2]:
        assert "ModuleNotFoundError: No module named" in report["error"]
    # outside the repository, in an empty folder, with the dataset cache
    assert problems(blocks[2:], reports[2:]) == []
    assert not str(tmp_path).startswith(str(ROOT))
    # ... and the blocker is what keeps the editable install out of reach
    unblocked = run_as_pasted(blocks[:1], tmp_path / "unblocked",
                              blocked=("nothing",))
    assert unblocked[0]["error"] is None
