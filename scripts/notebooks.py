"""Turn practice-file snippets into executed notebooks and plain scripts.

A snippet whose header has ``Practice: <file name>`` is one of the course's
practice files. Its download copies must run anywhere, so the helper
modules it imports from ``snippets.common`` are inlined. The notebook is
executed with nbclient (errors fail the build) and cached next to the
snippet's runs, keyed by the snippet's hash and this module's source.
"""

import ast
import hashlib
import re
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from scripts.figures import Snippet, SnippetError, child_env
from scripts.paths import CACHE, ROOT, rel

NOTEBOOKS = CACHE / "notebooks"
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):\w+\]\s*$")
# TensorFlow's C++ runtime logs to stderr at start-up (CUDA probing and
# the like); those lines say nothing about the practice file itself.
RUNTIME_LOG = re.compile(
    r"^([IWEF]\d{4} [\d:.]+ +\d+ \S+:\d+\]|WARNING: All log messages "
    r"before absl::InitializeLog\(\)|\s*$)")
MAIN_GUARD = re.compile(
    r'\nif __name__ == "__main__":\n    main\(\)\n*\Z')


def _strip_docstring(source: str) -> tuple[str, str]:
    """Split a module's source into (docstring, code after it)."""
    tree = ast.parse(source)
    doc = ast.get_docstring(tree) or ""
    if doc:
        end = tree.body[0].end_lineno
        source = "\n".join(source.splitlines()[end:])
    return doc, source.strip("\n") + "\n"


def standalone_source(snippet: Snippet) -> tuple[str, str]:
    """(docstring, code) with ``snippets.common`` imports inlined."""
    doc, code = _strip_docstring(snippet.path.read_text(encoding="utf-8"))
    out = []
    for line in code.splitlines():
        if SECTION_MARKER.match(line):
            continue
        match = re.match(r"from (snippets\.[\w.]+) import ", line)
        if not match:
            out.append(line)
            continue
        module = match.group(1)
        if not module.startswith("snippets.common."):
            raise SnippetError(
                f"{rel(snippet.path)}: practice files may import only "
                f"snippets.common helpers, not {module}")
        helper = ROOT.joinpath(*module.split(".")).with_suffix(".py")
        _, helper_code = _strip_docstring(helper.read_text(encoding="utf-8"))
        out.append(f"# --- inlined from the book's {rel(helper)} ---")
        out.extend(helper_code.rstrip("\n").splitlines())
        out.append(f"# --- end of {rel(helper)} ---")
    return doc, "\n".join(out) + "\n"


def to_script(snippet: Snippet) -> str:
    """The practice file as one self-contained .py."""
    doc, code = standalone_source(snippet)
    return f'"""{doc}\n"""\n{code}'


def to_notebook(snippet: Snippet) -> nbformat.NotebookNode:
    """Markdown intro, the program, and a last cell that calls main()."""
    doc, code = standalone_source(snippet)
    summary = doc.splitlines()[0]
    intro = (f"# Practice file {snippet.practice}\n\n{summary}\n\n"
             f"Section {snippet.fields.get('Section', '')}. Made from "
             f"`{rel(snippet.path)}`; the book's helper code it uses is "
             "inlined so the notebook runs on its own.")
    cells = [nbformat.v4.new_markdown_cell(intro)]
    body = MAIN_GUARD.sub("\n", code)
    for chunk in re.split(r"^# %%.*$", body, flags=re.M):
        if chunk.strip():
            cells.append(nbformat.v4.new_code_cell(chunk.strip("\n")))
    if body != code:
        cells.append(nbformat.v4.new_code_cell("result = main()"))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    return nb


def notebook_dir(snippet: Snippet) -> Path:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(snippet.hash.encode())
    return NOTEBOOKS / snippet.id / digest.hexdigest()[:16]


def outputs(snippet: Snippet) -> tuple[Path, Path]:
    """Cached (.ipynb, .py) paths of a practice snippet."""
    folder = notebook_dir(snippet)
    name = snippet.path.stem
    return folder / f"{name}.ipynb", folder / f"{name}.py"


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


def execute(nb: nbformat.NotebookNode, snippet: Snippet, cwd: Path) -> None:
    """Run every cell; raise SnippetError naming the snippet on failure."""
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            allow_errors=False,
                            resources={"metadata": {"path": str(cwd)}})
    env = child_env()
    # Figures a practice file shows (plt.show()) appear in the notebook.
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        client.execute(env=env)
    except CellExecutionError as exc:
        raise SnippetError(
            f"{rel(snippet.path)}: its notebook failed:\n{exc}") from exc


def ensure_notebook(snippet: Snippet) -> tuple[Path, Path]:
    """Build (or reuse) the executed notebook and script of a snippet."""
    ipynb, script = outputs(snippet)
    if ipynb.exists() and script.exists():
        return ipynb, script
    work = ipynb.parent.with_name(ipynb.parent.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    nb = to_notebook(snippet)
    execute(nb, snippet, work)
    drop_runtime_logs(nb)
    nbformat.write(nb, work / ipynb.name)
    (work / script.name).write_text(to_script(snippet), encoding="utf-8")
    for old in ipynb.parent.parent.iterdir():
        if old != work:
            shutil.rmtree(old, ignore_errors=True)
    work.rename(ipynb.parent)
    return ipynb, script
