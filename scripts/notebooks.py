"""Execute notebooks as a reader would, and build the practice notebooks.

``execute()`` runs a notebook with nbclient in an empty temporary folder,
where the book's own packages (``snippets``, ``scripts``) cannot be
imported (a ``sitecustomize`` on the kernel's PYTHONPATH blocks them)
and KERAS_HOME points at the prepared dataset cache. A notebook that
ran there runs on a reader's machine with only the pip packages.

A practice snippet (header ``Practice:``) is a jupytext percent-format
source (``# %%`` code cells, ``# %% [markdown]`` prose). Its notebook is
``jupytext.reads(source, "py:percent")``, executed; its ``.py`` download
is the same percent source. The file's docstring header, a code cell of
its own in that reading, becomes one line of prose under the title
(executed, the cell only printed itself back). Section markers
(``# --8<-- [start:x]``) are dropped from both; imports of book code, if
any, are inlined (scripts/inline.py). Both are cached as
``cache.Entry("practice", …)``.
"""

import ast
import re
import tempfile
import textwrap
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from scripts import cache, inline
from scripts.paths import rel
from scripts.snippet import Snippet, SnippetError

SECTION_MARKER = re.compile(
    r"^[ \t]*# --8<-- \[(start|end):\w+\][ \t]*\n", re.M)
# TensorFlow's C++ runtime logs to stderr at start-up (CUDA probing and
# the like); those lines say nothing about the program itself.
RUNTIME_LOG = re.compile(
    r"^([IWEF]\d{4} [\d:.]+ +\d+ \S+:\d+\]|WARNING: All log messages "
    r"before absl::InitializeLog\(\)|\s*$)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colours in kernel tracebacks
BLOCKER = textwrap.dedent('''\
    """Downloads run without the book: its own packages are not there."""
    import sys


    class _NoBookCode:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {blocked!r}:
                raise ModuleNotFoundError(
                    f"No module named {{name!r}}: a download of the book "
                    "must run with only the pip packages", name=name)
            return None


    sys.meta_path.insert(0, _NoBookCode())
    ''').format(blocked=set(cache.BOOK_PACKAGES))


class NotebookError(SnippetError):
    """A notebook failed to execute; the message names its source."""


def blocker_dir(folder: Path) -> Path:
    """Write the import blocker into `folder`; put it on PYTHONPATH."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    return folder


def reader_env(guard: Path) -> dict:
    """A reader's environment: no book packages, offline datasets."""
    from scripts.runner import child_env

    env = child_env()
    env.pop("BOOK_CACHE_DIR", None)
    env["PYTHONPATH"] = str(guard)
    # Figures a program shows (plt.show()) appear in the notebook.
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    return env


def drop_runtime_logs(nb: nbformat.NotebookNode) -> None:
    """Remove stderr outputs made only of TensorFlow's C++ log lines."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [
            out for out in cell.outputs
            if not (out.output_type == "stream" and out.name == "stderr"
                    and all(RUNTIME_LOG.match(line)
                            for line in out.text.splitlines()))]


def execute(nb: nbformat.NotebookNode, where: str) -> None:
    """Run every cell as a reader would; NotebookError naming `where`."""
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    with tempfile.TemporaryDirectory(prefix="book-nb-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        env = reader_env(blocker_dir(Path(tmp) / "guard"))
        client = NotebookClient(nb, timeout=900, kernel_name="python3",
                                allow_errors=False,
                                resources={"metadata": {"path": str(work)}})
        try:
            client.execute(env=env)
        except CellExecutionError as exc:
            plain = ANSI.sub("", str(exc))
            raise NotebookError(
                f"{where}: its notebook failed:\n{plain}") from exc
    drop_runtime_logs(nb)


def practice_source(snippet: Snippet) -> str:
    """The practice file as readers get it: percent format, no markers,
    no imports of book code."""
    try:
        source = inline.standalone_file(snippet.path)
    except inline.InlineError as exc:
        raise SnippetError(str(exc)) from exc
    return SECTION_MARKER.sub("", source)


def _is_docstring(cell: nbformat.NotebookNode) -> bool:
    """A code cell made of one string literal and nothing else."""
    if cell.cell_type != "code":
        return False
    body = ast.parse(cell.source).body
    return (len(body) == 1 and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str))


def practice_notebook(snippet: Snippet) -> nbformat.NotebookNode:
    """The practice file's cells, as jupytext reads its percent source,
    with its docstring header turned into a line under the title."""
    nb = jupytext.reads(practice_source(snippet), fmt="py:percent")
    if nb.cells and _is_docstring(nb.cells[0]):
        del nb.cells[0]
        title = next((i for i, cell in enumerate(nb.cells)
                      if cell.cell_type == "markdown"), -1)
        nb.cells.insert(title + 1, nbformat.v4.new_markdown_cell(
            f"*From the course's practice file `{snippet.practice}`; "
            f"book section {snippet.fields['Section']}.*"))
    return nb


def practice_entry(snippet: Snippet) -> cache.Entry:
    # This module builds the notebook: a change to it remakes the entry.
    return cache.Entry("practice", snippet.id,
                       cache.key("practice", [snippet.path, Path(__file__)]))


def practice_outputs(snippet: Snippet) -> tuple[Path, Path]:
    """Cached (.ipynb, .py) of a practice snippet (they may not exist)."""
    folder = practice_entry(snippet).dir
    name = snippet.path.stem
    return folder / f"{name}.ipynb", folder / f"{name}.py"


def ensure_practice(snippet: Snippet) -> tuple[Path, Path]:
    """Build (or reuse) the executed notebook and script of a snippet."""
    entry = practice_entry(snippet)
    if not entry.exists():
        with entry.write(source=rel(snippet.path)) as (work, _):
            nb = practice_notebook(snippet)
            execute(nb, rel(snippet.path))
            name = snippet.path.stem
            nbformat.write(nb, work / f"{name}.ipynb")
            (work / f"{name}.py").write_text(practice_source(snippet),
                                             encoding="utf-8")
    return practice_outputs(snippet)
