"""Run snippets as programs and keep what they make in the cache.

``run_in_process(snippet)`` imports the snippet and calls its ``main()``
with no arguments, in an empty working directory, with Matplotlib's
``show`` switched off. The figures ``main()`` leaves open are saved as
SVG under the header's ``Figure:`` names, in the order they were
created; a file it writes itself under a header name (a Graphviz model
diagram) is kept as written. The entry (``cache.Entry("runs", id, key)``)
holds those figures, ``results.json`` (the scalar fields of what
``main()`` returned) and, in ``entry.json``, ``seconds``: the cold run
time, import included.

Command line (what the generation step runs in one child process)::

    python -m scripts.runner [--force] [ch01/s07_quadratic_tape ...]
"""

import argparse
import dataclasses
import importlib
import importlib.util
import json
import numbers
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from scripts import cache, paths  # noqa: E402
from scripts.paths import ROOT, SNIPPETS, rel  # noqa: E402
from scripts.snippet import (Snippet, SnippetError, discover,  # noqa: E402
                             find)

ERROR_PREFIX = "BOOK-ERROR: "
# The same code gives the same SVG bytes: fixed ids, text as paths.
SVG_RC = {"svg.hashsalt": "tf-keras-runnable-book", "svg.fonttype": "path",
          "figure.facecolor": "white"}


def entry(snippet: Snippet) -> cache.Entry:
    """The cache entry of a snippet's run (its key: see scripts/cache)."""
    return cache.Entry("runs", snippet.id, cache.key("runs", [snippet.path]))


def results(snippet: Snippet) -> dict:
    """The values a snippet's cached run returned (for page injection);
    cache.NotGenerated when it has not been generated."""
    folder = entry(snippet).require(f"the run of {rel(snippet.path)}")
    return json.loads((folder / "results.json").read_text())


def result_values(result) -> dict:
    """The JSON scalars of what ``main()`` returned, for page injection."""
    if dataclasses.is_dataclass(result):
        result = dataclasses.asdict(result)
    if not isinstance(result, dict):
        return {}
    values = {}
    for name, value in result.items():
        if isinstance(value, (bool, str)):
            values[name] = value
        elif isinstance(value, numbers.Integral):
            values[name] = int(value)
        elif isinstance(value, numbers.Real):
            values[name] = float(value)
    return values


def error_location(exc: BaseException, snippet: Snippet) -> str:
    """file:line of the deepest traceback frame inside the snippets."""
    location = f"{rel(snippet.path)}:1"
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve().is_relative_to(snippet.root):
            location = f"{rel(Path(frame.filename))}:{frame.lineno}"
    return location


def load_module(snippet: Snippet):
    """Import the snippet's module (tests replace this)."""
    if snippet.root == SNIPPETS:
        return importlib.import_module(snippet.module)
    name = "book_fixture_" + snippet.id.replace("/", "_")
    spec = importlib.util.spec_from_file_location(name, snippet.path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _call_main(module, work: Path):
    """Call ``main()`` in `work` as working directory, with Matplotlib's
    ``show`` switched off; return what it returned and the figures it
    left open, in the order created."""
    matplotlib.rcParams.update(SVG_RC)
    plt.close("all")
    show, plt.show = plt.show, lambda *args, **kwargs: None
    cwd = os.getcwd()
    os.chdir(work)
    try:
        result = module.main()
    finally:
        os.chdir(cwd)
        plt.show = show
    return result, [plt.figure(n) for n in plt.get_fignums()]


def _save_figures(snippet: Snippet, work: Path, open_figures) -> None:
    to_draw = [name for name in snippet.figures
               if not (work / name).exists()]
    if open_figures and len(open_figures) != len(to_draw):
        raise SnippetError(
            f"{rel(snippet.path)}:1: header names {len(to_draw)} "
            f"figure(s) to draw but main() drew {len(open_figures)}")
    for fig, name in zip(open_figures, to_draw):
        fig.savefig(work / name, format="svg", metadata={"Date": None},
                    bbox_inches="tight")
    missing = [name for name in snippet.figures if not (work / name).exists()]
    if missing:
        raise SnippetError(
            f"{rel(snippet.path)}:1: header names figure(s) "
            f"{', '.join(missing)} but main() did not draw them")


def run_in_process(snippet: Snippet):
    """Import the snippet, run ``main()`` and write its cache entry.

    Returns what ``main()`` returned. Raises SnippetError naming the file
    and line when the snippet raises, or draws other figures than its
    header names; nothing is cached then.
    """
    with entry(snippet).write() as (work, meta):
        start = time.perf_counter()
        try:
            try:
                module = load_module(snippet)
                result, open_figures = _call_main(module, work)
            except Exception as exc:
                raise SnippetError(
                    f"{error_location(exc, snippet)}: "
                    f"{type(exc).__name__}: {exc}") from exc
            meta["seconds"] = round(time.perf_counter() - start, 3)
            _save_figures(snippet, work, open_figures)
        finally:
            plt.close("all")
        meta["chapter"] = snippet.chapter
        meta["figures"] = snippet.figures
        (work / "results.json").write_text(
            json.dumps(result_values(result), indent=1, sort_keys=True))
    return result


def child_env() -> dict:
    """Environment for a run: headless plots, quiet TF, offline datasets."""
    from snippets.common.datasets import prepare_keras_home

    env = dict(os.environ)
    env.update(MPLBACKEND="Agg", PYTHONHASHSEED="0",
               TF_CPP_MIN_LOG_LEVEL="3",
               KERAS_HOME=str(prepare_keras_home()),
               BOOK_CACHE_DIR=str(paths.CACHE))
    return env


def stale(snippets: list[Snippet]) -> list[Snippet]:
    return [s for s in snippets if not entry(s).exists()]


def ensure_runs(snippets: list[Snippet], force: bool = False) -> list[str]:
    """Run, in one child process, every snippet whose entry is stale.

    Returns the ids that ran; raises SnippetError with the failing
    snippets' file:line messages.
    """
    todo = snippets if force else stale(snippets)
    if not todo:
        return []
    cmd = [sys.executable, "-m", "scripts.runner", "--force",
           *[str(s.path) for s in todo]]
    proc = subprocess.run(cmd, cwd=ROOT, env=child_env(),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        errors = [line[len(ERROR_PREFIX):] for line in
                  proc.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
        detail = "\n".join(errors) or proc.stderr[-3000:]
        raise SnippetError(f"snippet run failed:\n{detail}")
    return [s.id for s in todo]


def _from_argument(arg: str) -> Snippet:
    """A snippet id (``ch01/s07_x``) or a path to a snippet file."""
    from scripts.snippet import parse

    path = Path(arg)
    if path.suffix == ".py":
        path = path.resolve()
        root = SNIPPETS if path.is_relative_to(SNIPPETS) else (
            path.parent.parent)
        return parse(path, root)
    return find(arg)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snippets", nargs="*",
                        help="ids (ch01/s07_quadratic_tape) or files")
    parser.add_argument("--force", action="store_true",
                        help="rerun even when the cache entry exists")
    args = parser.parse_args(argv)
    try:
        chosen = ([_from_argument(a) for a in args.snippets]
                  if args.snippets else discover())
    except SnippetError as exc:
        print(ERROR_PREFIX + str(exc), file=sys.stderr)
        return 1
    # Run from a shell too, the datasets come from the offline mirror.
    from snippets.common.datasets import prepare_keras_home
    prepare_keras_home()
    failed = 0
    for snippet in chosen if args.force else stale(chosen):
        print(f"running {rel(snippet.path)}", file=sys.stderr)
        try:
            run_in_process(snippet)
        except SnippetError as exc:
            failed += 1
            traceback.print_exc()
            print(ERROR_PREFIX + str(exc), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
