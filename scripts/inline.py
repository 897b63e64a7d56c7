"""Make a program self-contained: inline what it imports from the book.

A download must run with only the pip packages installed, so an import
such as ``from snippets.common.data import quadratic_table`` is replaced
by the definitions it brings in: ``quadratic_table`` and whatever that
function uses from its own module (functions, classes, constants and the
imports they need), found by walking the syntax tree, never the whole
module. Book modules that import other book modules are followed the
same way.
"""

import ast
from pathlib import Path

from scripts.cache import BOOK_PACKAGES, _module_file
from scripts.paths import rel
from scripts.snippet import SnippetError


class InlineError(SnippetError):
    """An import of book code that cannot be inlined."""


def _is_book(module: str | None) -> bool:
    return bool(module) and module.split(".")[0] in BOOK_PACKAGES


def _start(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _bound_names(node: ast.stmt) -> list[str]:
    """Top-level names a statement defines."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                         ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    targets = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    return [n.id for t in targets for n in ast.walk(t)
            if isinstance(n, ast.Name)]


def _used_names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


class _Module:
    """A book module's top-level statements, by the names they bind."""

    def __init__(self, name: str, where: str):
        path = _module_file(name)
        if path is None:
            raise InlineError(f"{where}: no book module {name}")
        self.path = path
        self.source = path.read_text(encoding="utf-8")
        self.tree = ast.parse(self.source)
        self.binders: dict[str, ast.stmt] = {}
        for node in self.tree.body:
            for bound in _bound_names(node):
                self.binders.setdefault(bound, node)


def _closure(module: _Module, names: list[str], where: str
             ) -> dict[ast.stmt, set[str]]:
    """Statements of `module` needed for `names`; for import statements,
    the aliases needed."""
    needed: dict[ast.stmt, set[str]] = {}
    todo = list(names)
    while todo:
        name = todo.pop()
        node = module.binders.get(name)
        if node is None:
            raise InlineError(f"{where}: {rel(module.path)} defines no "
                              f"'{name}'")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            needed.setdefault(node, set()).add(name)
            continue
        if node in needed:
            continue
        needed[node] = set()
        todo += [n for n in _used_names(node) if n in module.binders]
    return needed


def _import_text(node: ast.stmt, names: set[str]) -> str:
    aliases = [a for a in node.names
               if (a.asname or a.name).split(".")[0] in names]
    clone = type(node)(**{**{f: getattr(node, f) for f in node._fields},
                          "names": aliases})
    return ast.unparse(clone)


def _definitions(module_name: str, names: list[str], where: str,
                 done: set[tuple[str, str]]) -> tuple[list, list]:
    """(imports, blocks): the source that defines `names` in a book
    module and the import lines it needs (book imports expanded)."""
    names = [n for n in names if (module_name, n) not in done]
    if not names:
        return [], []
    module = _Module(module_name, where)
    needed = _closure(module, names, where)
    done |= {(module_name, n) for node in needed for n in
             _bound_names(node)}
    imports, blocks, own = [], [], []
    lines = module.source.splitlines()
    for node in sorted(needed, key=_start):
        if isinstance(node, ast.ImportFrom) and _is_book(node.module):
            if node.level:
                raise InlineError(f"{rel(module.path)}:{node.lineno}: "
                                  "relative imports cannot be inlined")
            more_imports, more_blocks = _inline_import(
                node, needed[node], where, done)
            imports += more_imports
            blocks += more_blocks
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.Import) and any(
                    _is_book(a.name) for a in node.names):
                raise InlineError(f"{rel(module.path)}:{node.lineno}: "
                                  "use 'from module import name' for book "
                                  "code")
            imports.append(_import_text(node, needed[node]))
        else:
            own.append("\n".join(lines[_start(node) - 1:node.end_lineno]))
    if own:
        own[0] = f"# From the book's {rel(module.path)}:\n{own[0]}"
    return imports, blocks + own


def _inline_import(node: ast.ImportFrom, names: set[str] | None, where: str,
                   done: set[tuple[str, str]]) -> tuple[list, list]:
    aliases = [a for a in node.names
               if names is None or (a.asname or a.name) in names]
    imports, blocks = _definitions(node.module, [a.name for a in aliases],
                                   where, done)
    blocks += [f"{a.asname} = {a.name}" for a in aliases if a.asname]
    return imports, blocks


def standalone(source: str, where: str) -> str:
    """`source` with every top-level ``from snippets… import …`` replaced
    by the definitions it imports. `where` names the file in errors."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
                _is_book(a.name) for a in node.names):
            raise InlineError(f"{where}:{node.lineno}: use 'from module "
                              "import name' for book code")
        if (isinstance(node, ast.ImportFrom) and _is_book(node.module)
                and node not in tree.body):
            raise InlineError(f"{where}:{node.lineno}: book imports must "
                              "be at the top level to be inlined")
    book = [n for n in tree.body
            if isinstance(n, ast.ImportFrom) and _is_book(n.module)]
    if not book:
        return source
    lines = source.splitlines()
    own_imports = {ast.unparse(n) for n in tree.body
                   if isinstance(n, (ast.Import, ast.ImportFrom))}
    done: set[tuple[str, str]] = set()
    imports, blocks = [], []
    for node in book:
        more_imports, more_blocks = _inline_import(
            node, None, f"{where}:{node.lineno}", done)
        imports += [i for i in more_imports
                    if i not in own_imports and i not in imports]
        blocks += more_blocks
    # The program's own lines, book imports removed; then the inlined
    # imports after its last top-level import, and the definitions
    # after those, before the program's own code.
    drop = {i for n in book for i in range(n.lineno - 1, n.end_lineno)}
    last_import = max(n.end_lineno for n in tree.body
                      if isinstance(n, (ast.Import, ast.ImportFrom)))
    head = [l for i, l in enumerate(lines[:last_import]) if i not in drop]
    tail = lines[last_import:]
    while head and not head[-1].strip():
        head.pop()
    while tail and not tail[0].strip():
        tail.pop(0)
    parts = ["\n".join(head + imports)] + blocks + ["\n".join(tail)]
    return "\n\n\n".join(p.strip("\n") for p in parts if p.strip()) + "\n"


def standalone_file(path: Path) -> str:
    return standalone(Path(path).read_text(encoding="utf-8"), rel(path))
