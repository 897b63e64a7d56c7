"""Every page with runnable code, as an executed notebook and a script.

A page has runnable code when it has an inline ``python`` fence that is
not skipped, or a fence that includes a snippet (``--8<--``). Its
Markdown becomes notebook cells (jupytext's Markdown reader) after these
rewrites, which make the page's code one program a reader can run:

* ``{{ chNN/snippet.value }}`` placeholders get the values the page gets;
* admonitions and tabs (``!!! note "Title"``, ``=== "Tab"``) become a
  bold title and their body, un-indented, so their fences are cells;
* an inline ``python`` fence is a code cell; one marked
  ``<!--pytest.mark.skip…-->`` is shown as Markdown code, not run; a
  ``text`` fence after ``<!--pytest-codeblocks:expected-output-->`` is
  dropped (the cell's own output replaces it);
* the page's first include of a snippet becomes a code cell holding the
  whole program (book helpers it imports inlined, see scripts/inline.py);
  later includes of the same snippet are shown as Markdown code (the
  ``file:section`` text, dedented, as pymdownx.snippets shows it);
* every other fence (``sh``, ``text``, ``py title=…``) stays Markdown;
* ``\\( … \\)`` and ``\\[ … \\]`` math become ``$ … $`` and
  ``$$ … $$``, which notebook viewers typeset.

The notebook is executed like every download (scripts/notebooks.py); the
``.py`` is the same notebook in jupytext's percent format. Both are cached
as ``cache.Entry("pages", <page>, …)``, keyed by the page, the snippets
it includes or quotes values from, and what they import.
"""

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from scripts import cache, inline, notebooks, pages
from scripts.paths import DOCS, ROOT, rel
from scripts.snippet import SnippetError

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})(?P<info>.*)$")
INCLUDE = re.compile(
    r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>\w+))?"\s*$')
MARK = re.compile(r"^\s*<!--\s*pytest[-.](?P<mark>.*?)-->\s*$")
CONTAINER = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?|===)\s*(?P<kind>[\w-]*)'
    r'(?:\s*"(?P<title>[^"]*)")?\s*$')
INLINE_MATH = re.compile(r"\\\((.+?)\\\)")
DISPLAY_MATH = re.compile(r"\\\[(.+?)\\\]", re.S)
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):\w+\]\s*$")
REGION = "<!-- #region -->\n{}\n<!-- #endregion -->"


@dataclass
class Fence:
    start: int          # index of the opening line
    end: int            # index of the closing line
    info: str
    code: str           # dedented body
    marks: list


def _flatten_containers(lines: list[str]) -> list[str]:
    """``!!! note "T"`` + indented body -> ``**T**`` + the body."""
    changed = True
    while changed:
        changed, out, i = False, [], 0
        while i < len(lines):
            match = CONTAINER.match(lines[i])
            if not match:
                out.append(lines[i])
                i += 1
                continue
            changed = True
            indent = match["indent"]
            title = match["title"] or (match["kind"] or "").capitalize()
            out += [f"{indent}**{title}**", ""] if title else []
            i += 1
            body_indent = indent + "    "
            while i < len(lines) and (not lines[i].strip()
                                      or lines[i].startswith(body_indent)):
                line = lines[i]
                out.append(indent + line[len(body_indent):]
                           if line.strip() else "")
                i += 1
        lines = out
    return lines


def _fences(lines: list[str]) -> list[Fence]:
    found, i = [], 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        indent, ticks = match["indent"], match["ticks"]
        close = re.compile(rf"^{re.escape(indent)}{ticks}\s*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        marks, k = [], i - 1
        while k >= 0 and (not lines[k].strip() or MARK.match(lines[k])):
            if MARK.match(lines[k]):
                marks.append(MARK.match(lines[k])["mark"])
            k -= 1
        body = "\n".join(line[len(indent):] if line.startswith(indent)
                         else line for line in lines[i + 1:j])
        found.append(Fence(i, j, match["info"].strip(), body, marks))
        i = j + 1
    return found


def _skipped(fence: Fence) -> bool:
    return any(m.startswith("mark.skip") for m in fence.marks)


def _includes(fence: Fence) -> list[re.Match] | None:
    rows = [line for line in fence.code.splitlines() if line.strip()]
    matches = [INCLUDE.match(line) for line in rows]
    return matches if rows and all(matches) else None


def is_runnable(fence: Fence) -> bool:
    return not _skipped(fence) and (
        fence.info == "python" or bool(_includes(fence)))


def section_text(path: Path, section: str | None) -> str:
    """What pymdownx.snippets shows for ``file:section`` (dedented)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if section:
        start = next((i for i, line in enumerate(lines)
                      if line.strip() == f"# --8<-- [start:{section}]"),
                     None)
        if start is None:
            raise SnippetError(f"{rel(path)}: no section '{section}'")
        end = next(i for i in range(start, len(lines))
                   if lines[i].strip() == f"# --8<-- [end:{section}]")
        lines = lines[start + 1:end]
    kept = [line for line in lines if not SECTION_MARKER.match(line)]
    return textwrap.dedent("\n".join(kept)).strip("\n")


def program_text(path: Path) -> str:
    """A snippet as one self-contained program, without section markers."""
    try:
        source = inline.standalone_file(path)
    except inline.InlineError as exc:
        raise SnippetError(str(exc)) from exc
    kept = [line for line in source.splitlines()
            if not SECTION_MARKER.match(line)]
    return "\n".join(kept).strip("\n")


def _code_cell(code: str) -> str:
    return f"```python\n{code}\n```"


def _shown(code: str, info: str = "python") -> str:
    return REGION.format(f"```{info}\n{code}\n```")


def _math(text: str) -> str:
    text = DISPLAY_MATH.sub(lambda m: f"$${m[1]}$$", text)
    return INLINE_MATH.sub(lambda m: f"${m[1]}$", text)


@dataclass
class Page:
    """A documentation page and what its code depends on."""

    path: Path                     # docs/…/NN-slug.md
    docs: Path = DOCS
    root: Path = ROOT              # where include paths start

    @property
    def src_uri(self) -> str:
        return self.path.relative_to(self.docs).as_posix()

    @property
    def id(self) -> str:
        return self.src_uri.removesuffix(".md")

    @property
    def stem(self) -> str:
        return self.path.stem

    def markdown(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def fences(self) -> list[Fence]:
        return _fences(_flatten_containers(self.markdown().splitlines()))

    def has_code(self) -> bool:
        return any(is_runnable(f) for f in self.fences())

    def snippet_files(self) -> list[Path]:
        """Snippets the page includes or quotes values from."""
        text = self.markdown()
        found = set()
        for line in text.splitlines():
            match = INCLUDE.match(line)
            if match and match["path"].startswith("snippets/"):
                found.add(self.root / match["path"])
        for match in pages.VALUE.finditer(text):
            found.add(self.root / "snippets" / f"{match['id']}.py")
        return sorted(p for p in found if p.exists())

    def entry(self) -> cache.Entry:
        return cache.Entry("pages", self.id, cache.key(
            "pages", [self.path, *self.snippet_files()]))

    def outputs(self) -> tuple[Path, Path]:
        folder = self.entry().dir
        return folder / f"{self.stem}.ipynb", folder / f"{self.stem}.py"


def notebook_markdown(page: Page, results_of) -> str:
    """The page rewritten for jupytext's Markdown reader (module doc)."""
    text = pages.inject_values(page.markdown(), page.src_uri, results_of)
    lines = _flatten_containers(text.splitlines())
    out, last, seen = [], 0, set()
    fences = _fences(lines)
    for fence in fences:
        prose = [line for line in lines[last:fence.start]
                 if not MARK.match(line)]
        out.append(_math("\n".join(prose)))
        last = fence.end + 1
        includes = _includes(fence)
        if "expected-output" in " ".join(fence.marks) and \
                fence.info == "text":
            continue
        if _skipped(fence) and not includes:
            out.append(_shown(fence.code, fence.info.split()[0]
                              if fence.info else ""))
        elif includes and not _skipped(fence):
            for match in includes:
                path = page.root / match["path"]
                if path in seen:
                    out.append(_shown(section_text(path, match["section"])))
                else:
                    seen.add(path)
                    out.append(_code_cell(program_text(path)))
        elif fence.info == "python":
            out.append(_code_cell(inline.standalone(
                fence.code, f"{rel(page.path)}:{fence.start + 1}").strip()))
        else:
            out.append(_shown(fence.code, fence.info))
    out.append(_math("\n".join(lines[last:])))
    return "\n\n".join(part.strip("\n") for part in out if part.strip())


def to_notebook(page: Page, results_of) -> nbformat.NotebookNode:
    return jupytext.reads(notebook_markdown(page, results_of), fmt="md")


def pages_with_code(docs: Path = DOCS) -> list[Page]:
    return [page for page in (Page(p, docs) for p in
                              sorted(docs.rglob("*.md")))
            if page.has_code()]


def ensure_page(page: Page, results_of) -> tuple[Path, Path]:
    """Build (or reuse) the executed notebook and script of a page."""
    entry = page.entry()
    if not entry.exists():
        with entry.write(source=rel(page.path)) as (work, _):
            nb = to_notebook(page, results_of)
            notebooks.execute(nb, rel(page.path))
            nbformat.write(nb, work / f"{page.stem}.ipynb")
            (work / f"{page.stem}.py").write_text(
                jupytext.writes(nb, fmt="py:percent"), encoding="utf-8")
    return page.outputs()
