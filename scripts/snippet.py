"""The snippet model: discovery, the docstring header and its rules.

Every ``snippets/<chapter>/sNN_*.py`` is a program a reader could have
written. Its docstring starts with a one-line summary, then header lines::

    Section: 1-7 Estimating a quadratic's coefficients
    Practice: 1-1.이차방정식(tensorflow_1).py      (practice files only)
    Figure: s07_quadratic_tape_fit.svg, s07_quadratic_tape_loss.svg

The rules are checked when a snippet is discovered, so a build, a
generation run and a test all stop at the same broken header with
``snippets/…py:<line>: <what is wrong>``.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.paths import SNIPPETS, rel

HEADER_FIELDS = ("Section", "Practice", "Figure")
SECTION = re.compile(r"(?P<part>\d+|II)-(?P<num>\d+) \S.*")
MAIN_GUARD = 'if __name__ == "__main__":\n    main()'
MAX_LINE = 79


class SnippetError(RuntimeError):
    """A snippet is broken or failed; the message starts with file:line."""


@dataclass(frozen=True)
class Snippet:
    """One snippet module and the fields of its docstring header."""

    path: Path
    summary: str
    fields: dict
    root: Path = field(default=SNIPPETS, compare=False)

    @property
    def id(self) -> str:
        """``ch01/s07_quadratic_tape``: chapter folder and file stem."""
        return self.path.relative_to(self.root).with_suffix("").as_posix()

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


def _main_function(tree: ast.Module) -> ast.FunctionDef | None:
    return next((node for node in tree.body
                 if isinstance(node, ast.FunctionDef)
                 and node.name == "main"), None)


def check(path: Path, source: str, tree: ast.Module, fields: dict,
          field_lines: dict) -> None:
    """Raise SnippetError at the first header or program rule broken."""
    where = rel(path)

    def fail(line: int, message: str):
        raise SnippetError(f"{where}:{line}: {message}")

    section = SECTION.fullmatch(fields.get("Section", ""))
    if not section:
        fail(field_lines.get("Section", 1),
             "header needs 'Section: <N-M> <title>' (e.g. 'Section: 1-7 "
             "Estimating a quadratic's coefficients')")
    prefix = f"s{int(section['num']):02d}_"
    if not path.stem.startswith(prefix):
        fail(1, f"file name must start with {prefix} (its Section is "
                f"{section['part']}-{section['num']})")
    main = _main_function(tree)
    if main is None:
        fail(1, "no main(): a snippet is a program with a main()")
    if main.args.args:
        fail(main.lineno, "main() takes no arguments (the runner collects "
                          "the figures it leaves open)")
    figure_prefix = path.stem
    for name in [n.strip() for n in fields.get("Figure", "").split(",")
                 if n.strip()]:
        if not (name.startswith(figure_prefix) and name.endswith(".svg")):
            fail(field_lines["Figure"],
                 f"figure {name} must be named {figure_prefix}….svg")
    practice = fields.get("Practice")
    if practice is not None and not practice.endswith(".py"):
        fail(field_lines["Practice"], "Practice: names the course's .py "
                                      "file")
    if not source.rstrip().endswith(MAIN_GUARD):
        fail(len(source.rstrip().splitlines()),
             "must end with the __main__ guard calling main()")
    for lineno, line in enumerate(source.splitlines(), start=1):
        if len(line) > MAX_LINE:
            fail(lineno, f"line over {MAX_LINE} characters")


def parse(path: Path, root: Path = SNIPPETS) -> Snippet:
    """Read and check one snippet's header; raise SnippetError if bad."""
    path = Path(path)
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise SnippetError(f"{rel(path)}:{exc.lineno}: {exc.msg}") from exc
    doc = ast.get_docstring(tree)
    if not doc:
        raise SnippetError(f"{rel(path)}:1: snippet has no docstring header")
    first = tree.body[0].lineno  # the docstring's opening line
    lines = doc.splitlines()
    fields, field_lines, key = {}, {}, None
    for offset, line in enumerate(lines[1:], start=1):
        name, sep, value = line.partition(":")
        if sep and name in HEADER_FIELDS:
            key = name
            fields[key] = value.strip()
            field_lines[key] = first + offset
        elif key and line[:1].isspace() and line.strip():
            # an indented line continues the field above (long Figure:)
            fields[key] += " " + line.strip()
        else:
            key = None
    check(path, source, tree, fields, field_lines)
    return Snippet(path, lines[0], fields, root)


def discover(root: Path = SNIPPETS) -> list[Snippet]:
    """Every chapter snippet (``ch*/s*.py``, ``part*/s*.py``), checked."""
    paths = sorted([*root.glob("ch*/s*.py"), *root.glob("part*/s*.py")])
    return [parse(p, root) for p in paths]


def find(snippet_id: str, root: Path = SNIPPETS) -> Snippet:
    """The snippet ``chNN/sMM_name``; SnippetError if there is none."""
    path = root / f"{snippet_id}.py"
    if not path.exists():
        raise SnippetError(f"no snippet {rel(path)}")
    return parse(path, root)
