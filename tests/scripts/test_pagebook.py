"""A page with code becomes a notebook and a script: prose as Markdown,
code as cells, the first include of a snippet as the whole program."""

import subprocess
import sys
import textwrap

import jupytext
import pytest

from scripts import notebooks, pagebook, paths, runner
from scripts.snippet import find, parse

SNIPPET = textwrap.dedent('''\
    """Print a sum.

    Section: 9-1 Test
    """
    from snippets.common.data import quadratic_table


    # --8<-- [start:total]
    def total():
        x, y = quadratic_table()
        return round(float(y.sum()), 1)
    # --8<-- [end:total]


    def main():
        print("total", total())
        return {"total": total()}


    if __name__ == "__main__":
        main()
    ''')

PAGE = textwrap.dedent('''\
    # 9-1 A test page

    Inline math \\(a + b\\) and a value: {{ ch09/s01_sum.total:.1f }}.

    ```python
    print(1 + 2)
    ```

    <!--pytest-codeblocks:expected-output-->
    ```text
    3
    ```

    ```py title="snippets/ch09/s01_sum.py"
    --8<-- "snippets/ch09/s01_sum.py:total"
    ```

    !!! note "Then and now"

        The old way:

        ```python
        print("inside a note")
        ```

    <!--pytest.mark.skip(reason="needs a GPU")-->
    ```python
    raise SystemExit("never run")
    ```

    Again, the same function:

    ```py title="snippets/ch09/s01_sum.py"
    --8<-- "snippets/ch09/s01_sum.py:total"
    ```

    ```sh
    pip install tensorflow
    ```
    ''')


@pytest.fixture
def page(tmp_path, monkeypatch):
    """A fixture page including a fixture snippet of the real book."""
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    snippet = tmp_path / "snippets" / "ch09" / "s01_sum.py"
    snippet.parent.mkdir(parents=True)
    snippet.write_text(SNIPPET, encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "ch09").mkdir(parents=True)
    (docs / "ch09" / "01-test.md").write_text(PAGE, encoding="utf-8")
    (docs / "ch09" / "02-prose.md").write_text("# Only prose\n\n```text\n"
                                               "x\n```\n")
    return pagebook.Page(docs / "ch09" / "01-test.md", docs, tmp_path)


def results_of(snippet_id):
    assert snippet_id == "ch09/s01_sum"
    return {"total": 1234.5}


def test_only_pages_with_runnable_code_are_chosen(page):
    assert [p.id for p in pagebook.pages_with_code(page.docs)] == [
        "ch09/01-test"]
    assert page.snippet_files() == [
        page.root / "snippets" / "ch09" / "s01_sum.py"]


def test_the_page_becomes_cells(page):
    nb = pagebook.to_notebook(page, results_of)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert code[0] == "print(1 + 2)"
    assert code[1].startswith('"""Print a sum.') and "def main()" in code[1]
    assert "def quadratic_table" in code[1], "book helper inlined"
    assert "snippets.common" not in code[1] and "--8<--" not in code[1]
    assert code[2] == 'print("inside a note")', "admonition code runs"
    assert len(code) == 3, "skipped, repeated and sh fences are not run"
    assert "$a + b$" in prose and "1234.5" in prose and "{{" not in prose
    assert "**Then and now**" in prose
    assert 'raise SystemExit("never run")' in prose
    assert "```python\ndef total():" in prose, "second include shown"
    assert "pip install tensorflow" in prose
    assert "pytest" not in prose and "\n3\n" not in prose


def test_a_generated_page_is_executed_and_cached(page):
    ipynb, script = pagebook.ensure_page(page, results_of)
    assert page.entry().exists() and ipynb.parent == page.entry().dir
    nb = jupytext.read(ipynb)
    outputs = ["".join(o.get("text", "") for o in c.outputs)
               for c in nb.cells if c.cell_type == "code"]
    assert outputs == ["3\n", "total 2152.0\n", "inside a note\n"]
    assert script.read_text().count("# %%") >= 6


def test_a_real_pages_script_runs_on_its_own(tmp_path):
    """The .py download of 1-7 runs in an empty folder with only the pip
    packages: the book's own packages cannot be imported there."""
    page = pagebook.Page(paths.DOCS / "ch01-tensorflow" /
                         "07-quadratic-tape.md")
    snippets = [parse(p) for p in page.snippet_files()]
    runner.ensure_runs(snippets)
    _, script = pagebook.ensure_page(
        page, lambda snippet_id: runner.results(find(snippet_id)))
    work = tmp_path / "empty"
    work.mkdir()
    copy = work / script.name
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    env = notebooks.reader_env(notebooks.blocker_dir(tmp_path / "guard"))
    env["MPLBACKEND"] = "Agg"
    done = subprocess.run([sys.executable, copy.name], cwd=work, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "w1 = 1.95, w2 = 3.00, b = 4.97" in done.stdout
    check = subprocess.run([sys.executable, "-c", "import snippets"],
                           cwd=work, env=env, capture_output=True, text=True)
    assert "No module named 'snippets'" in check.stderr, (
        "the test would prove nothing if the book were importable")
