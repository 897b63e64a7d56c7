"""Run snippet modules and cache what they make: figures and result values.

Every ``snippets/chNN/sNN_*.py`` is a program with a header (see
``parse_header``) and a ``main(out_dir)``. A run writes the figures the
header names plus ``results.json`` (the scalar fields of what ``main()``
returned) into ``CACHE/runs/<snippet id>/<hash>/``. The hash covers the
snippet, every snippet module it imports and ``requirements.txt``, so a
warm build reruns nothing.

Command line (what the build runs in a child process)::

    python -m scripts.figures [--force] [ch01/s07_plot_tape ...]
"""

import argparse
import ast
import dataclasses
import functools
import hashlib
import importlib
import inspect
import json
import numbers
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from scripts.paths import CACHE, REQUIREMENTS, ROOT, SNIPPETS, rel

RUNS = CACHE / "runs"
HEADER_FIELDS = ("Section", "Practice", "Figure")
RUNNER_VERSION = "1"  # bump to invalidate every cached run
ERROR_PREFIX = "BOOK-ERROR: "
# The same code gives the same SVG bytes: fixed ids, text as paths.
SVG_RC = {"svg.hashsalt": "tf-keras-runnable-book", "svg.fonttype": "path",
          "figure.facecolor": "white"}


class SnippetError(RuntimeError):
    """A snippet failed; the message starts with file:line."""


@dataclass(frozen=True)
class Snippet:
    """One snippet module and the fields of its docstring header."""

    path: Path
    summary: str
    fields: dict

    @property
    def id(self) -> str:
        return self.path.relative_to(SNIPPETS).with_suffix("").as_posix()

    @property
    def module(self) -> str:
        return "snippets." + self.id.replace("/", ".")

    @property
    def chapter(self) -> str:
        return self.path.parent.name

    @property
    def figures(self) -> list[str]:
        value = self.fields.get("Figure", "")
        return [name.strip() for name in value.split(",") if name.strip()]

    @property
    def practice(self) -> str | None:
        return self.fields.get("Practice")

    @functools.cached_property
    def hash(self) -> str:
        """content_hash(), computed once per discovered snippet."""
        return content_hash(self)

    @property
    def run_dir(self) -> Path:
        return RUNS / self.id / self.hash


def parse_header(path: Path) -> Snippet:
    """Read the docstring: a summary line, then ``Field: value`` lines."""
    source = path.read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(source, filename=str(path)))
    if not doc:
        raise SnippetError(f"{rel(path)}:1: snippet has no docstring header")
    lines = doc.splitlines()
    fields, key = {}, None
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep and name in HEADER_FIELDS:
            key = name
            fields[key] = value.strip()
        elif key and line[:1].isspace() and line.strip():
            # an indented line continues the field above (long Figure:)
            fields[key] += " " + line.strip()
        else:
            key = None
    return Snippet(path, lines[0], fields)


def discover() -> list[Snippet]:
    """Every chapter snippet, in file order."""
    return [parse_header(p) for p in sorted([*SNIPPETS.glob("ch*/s*.py"), *SNIPPETS.glob("part*/s*.py")])]


def find(snippet_id: str) -> Snippet:
    path = SNIPPETS / f"{snippet_id}.py"
    if not path.exists():
        raise SnippetError(f"no snippet {rel(path)}")
    return parse_header(path)


def _module_file(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def local_imports(path: Path, seen: set[Path] | None = None) -> set[Path]:
    """Files of the ``snippets`` package that `path` imports, recursively."""
    seen = set() if seen is None else seen
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [
                f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            if name.split(".")[0] != "snippets":
                continue
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                found = _module_file(".".join(parts[:i]))
                if found and found not in seen:
                    seen.add(found)
                    local_imports(found, seen)
    return seen


def content_hash(snippet: Snippet) -> str:
    """Hash of the snippet, what it imports, and the pinned requirements."""
    digest = hashlib.sha256(RUNNER_VERSION.encode())
    files = sorted({snippet.path, *local_imports(snippet.path), REQUIREMENTS})
    for path in files:
        digest.update(rel(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def is_cached(snippet: Snippet) -> bool:
    return (snippet.run_dir / "results.json").exists()


def result_values(result) -> dict:
    """The JSON scalars of what ``main()`` returned, for page injection."""
    if dataclasses.is_dataclass(result):
        result = dataclasses.asdict(result)
    if not isinstance(result, dict):
        return {}
    values = {}
    for key, value in result.items():
        if isinstance(value, (bool, str)):
            values[key] = value
        elif isinstance(value, numbers.Number):
            values[key] = float(value) if isinstance(
                value, numbers.Real) and not isinstance(
                value, numbers.Integral) else int(value)
    return values


def error_location(exc: BaseException, snippet: Snippet) -> str:
    """file:line of the deepest traceback frame inside ``snippets/``."""
    location = f"{rel(snippet.path)}:1"
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve().is_relative_to(SNIPPETS):
            location = f"{rel(Path(frame.filename))}:{frame.lineno}"
    return location


def load_module(snippet: Snippet):
    """Import the snippet's module (tests replace this)."""
    return importlib.import_module(snippet.module)


def _call_main(module, work: Path):
    """Call ``main()`` in `work` as working directory, with Matplotlib's
    ``show`` switched off; return what it returned and the figures it
    left open, in the order drawn.

    A snippet written before this contract still takes ``main(out_dir)``
    and saves its own figures there; it is called that way until every
    snippet follows the new one.
    """
    matplotlib.rcParams.update(SVG_RC)
    plt.close("all")
    show, plt.show = plt.show, lambda *args, **kwargs: None
    cwd = os.getcwd()
    os.chdir(work)
    try:
        if inspect.signature(module.main).parameters:
            return module.main(work), []
        result = module.main()
    finally:
        os.chdir(cwd)
        plt.show = show
    return result, [plt.figure(n) for n in plt.get_fignums()]


def run_in_process(snippet: Snippet):
    """Import the snippet, run ``main()`` and fill its cache dir.

    The header's ``Figure:`` names are the snippet's figures. A name the
    snippet wrote itself into its working directory (a Graphviz model
    diagram, say) is kept as written; the other names go, in order, to
    the Matplotlib figures ``main()`` left open, saved as SVG. Returns
    what ``main()`` returned. Raises SnippetError naming the file and
    line when the snippet raises or draws other figures than it names.
    """
    final = snippet.run_dir
    work = final.with_name(final.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        module = load_module(snippet)
        result, open_figures = _call_main(module, work)
    except Exception as exc:
        plt.close("all")
        shutil.rmtree(work, ignore_errors=True)
        raise SnippetError(
            f"{error_location(exc, snippet)}: {type(exc).__name__}: {exc}"
        ) from exc
    to_draw = [name for name in snippet.figures
               if not (work / name).exists()]
    if open_figures and len(open_figures) != len(to_draw):
        plt.close("all")
        shutil.rmtree(work, ignore_errors=True)
        raise SnippetError(
            f"{rel(snippet.path)}:1: header names {len(to_draw)} "
            f"figure(s) to draw but main() drew {len(open_figures)}")
    for fig, name in zip(open_figures, to_draw):
        fig.savefig(work / name, format="svg", metadata={"Date": None},
                    bbox_inches="tight")
    plt.close("all")
    missing = [name for name in snippet.figures if not (work / name).exists()]
    if missing:
        shutil.rmtree(work, ignore_errors=True)
        raise SnippetError(
            f"{rel(snippet.path)}:1: header names figure(s) "
            f"{', '.join(missing)} but main() did not draw them")
    (work / "results.json").write_text(
        json.dumps(result_values(result), indent=1, sort_keys=True))
    for old in final.parent.iterdir():
        if old != work:
            shutil.rmtree(old, ignore_errors=True)
    work.rename(final)
    return result


def child_env() -> dict:
    """Environment for a run: headless plots, quiet TF, offline datasets."""
    from snippets.common.datasets import prepare_keras_home

    env = dict(os.environ)
    env.update(MPLBACKEND="Agg", PYTHONHASHSEED="0",
               TF_CPP_MIN_LOG_LEVEL="3",
               KERAS_HOME=str(prepare_keras_home()))
    return env


def ensure_runs(snippets: list[Snippet], force: bool = False) -> None:
    """Run, in one child process, every snippet whose cache is stale."""
    stale = [s for s in snippets if force or not is_cached(s)]
    if not stale:
        return
    cmd = [sys.executable, "-m", "scripts.figures", *[s.id for s in stale]]
    proc = subprocess.run(cmd, cwd=ROOT, env=child_env(),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        errors = [line[len(ERROR_PREFIX):] for line in
                  proc.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
        detail = "\n".join(errors) or proc.stderr[-3000:]
        raise SnippetError(f"snippet run failed:\n{detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="e.g. ch01/s07_plot_tape")
    parser.add_argument("--force", action="store_true",
                        help="rerun even when the cache is warm")
    args = parser.parse_args(argv)
    snippets = [find(i) for i in args.ids] if args.ids else discover()
    if args.force or not args.ids:
        stale = [s for s in snippets if args.force or not is_cached(s)]
    else:
        stale = snippets
    failed = 0
    for snippet in stale:
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
