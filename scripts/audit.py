"""Audit of fenced code blocks: each one runs, or says why it does not.

pytest-codeblocks executes only fences whose info string is exactly
``python``, ``sh`` or ``bash`` and silently skips every other fence
(``python title="x"``, ``py``, ``~~~`` fences, ...). This audit, which
reads pages with pytest-codeblocks' own parser, accepts a fence when:

* it is executed (``python``/``sh``/``bash``), and any skip or xfail mark
  on it carries a non-empty ``reason=``;
* it is output or configuration (``text``, ``yaml``, ``toml``, ...);
* it holds only ``--8<--`` includes of existing ``snippets/`` files,
  with existing sections (those run in their snippet's tests and in the
  generation step);
* it is marked ``<!--pytest.mark.skip(reason="...")-->`` with a reason.

Anything else is reported as ``docs/<page>.md:<line>: <why>``.
"""

import re
from pathlib import Path

from pytest_codeblocks.main import extract_from_file

from scripts.paths import ROOT, rel

EXECUTED = {"python", "sh", "bash"}
NOT_CODE = {"text", "yaml", "toml", "json", "ini", "csv"}
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>\w+))?"\s*$')
SKIP_MARK = re.compile(r"pytest\.mark\.(skip|skipif|xfail)\b")
REASON = re.compile(r"""reason\s*=\s*(['"])\s*\S.*?\1""")
TILDE_FENCE = re.compile(r"^\s*~~~")


def _include_problem(code: str) -> str | None:
    lines = [line for line in code.splitlines() if line.strip()]
    if not lines:
        return "empty fence"
    for line in lines:
        match = INCLUDE.match(line)
        if not match:
            return "not an include"
        path = ROOT / match["path"]
        if not match["path"].startswith("snippets/") or not path.exists():
            return f"includes {match['path']}, which is no snippet file"
        section = match["section"]
        if section and f"[start:{section}]" not in path.read_text("utf-8"):
            return f"{match['path']} has no section '{section}'"
    return ""


def audit_file(path: Path) -> list[str]:
    """Problems of one Markdown page, as 'file:line: message' strings."""
    where = rel(path)
    problems = []
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if TILDE_FENCE.match(line):
            problems.append(f"{where}:{lineno}: '~~~' fences are never run;"
                            " use backticks")
    for block in extract_from_file(path):
        at = f"{where}:{block.lineno}"
        info = (block.syntax or "").strip()
        skips = [m for m in block.marks if SKIP_MARK.search(m)]
        for mark in skips:
            if not REASON.search(mark):
                problems.append(f"{at}: '{mark}' needs a written reason=")
        if info in EXECUTED or info in NOT_CODE:
            continue
        include = _include_problem(block.code)
        if include == "":
            continue
        if skips and all(REASON.search(m) for m in skips):
            continue
        why = include if include not in (None, "not an include") else (
            f"fence '{info or '(no language)'}' is not run by "
            "pytest-codeblocks (info string must be exactly python, sh or "
            "bash), is not an include of a snippet, and is not exempt "
            "with <!--pytest.mark.skip(reason=\"...\")-->")
        problems.append(f"{at}: {why}")
    return problems


def audit_docs(docs: Path = ROOT / "docs") -> list[str]:
    return [p for page in sorted(docs.rglob("*.md")) for p in audit_file(page)]


if __name__ == "__main__":
    import sys

    found = audit_docs()
    print("\n".join(found) or "every fenced block is run or exempt")
    sys.exit(1 if found else 0)
