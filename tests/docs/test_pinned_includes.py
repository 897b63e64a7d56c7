"""An include of a snippet section with pinned output prints that output.

pytest-codeblocks runs inline ``python`` fences and compares what they
print with the ``expected-output`` block after them. An include
(``--8<-- "snippets/…py:section"`` in a ``py title=…`` fence) is not run
by it, so a pinned output after an include would go unchecked. This test
runs the included sections, as the page shows them (dedented), in the
namespace of their snippet module, and compares what they print.
"""

import contextlib
import importlib
import io
import re
import textwrap

import pytest
from pytest_codeblocks.main import extract_from_file

from scripts.paths import DOCS, ROOT

INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>snippets/[^":]+)'
                     r'(?::(?P<section>\w+))?"\s*$')


def section_code(path: str, section: str | None) -> str:
    """The lines pymdownx.snippets puts on the page, dedented."""
    text = (ROOT / path).read_text(encoding="utf-8")
    if section is None:
        return text
    start = re.search(rf"^.*--8<-- \[start:{section}\].*\n", text, re.M)
    end = re.search(rf"^.*--8<-- \[end:{section}\]", text, re.M)
    assert start and end, f"{path} has no section {section!r}"
    return textwrap.dedent(text[start.end():end.start()])


def pinned_includes():
    """(id, [(snippet path, section)], expected output) of every include
    fence that a page follows with a pinned output."""
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for block in extract_from_file(page):
            if block.syntax == "python" or block.expected_output is None:
                continue
            lines = [line for line in block.code.splitlines()
                     if line.strip()]
            matches = [INCLUDE.match(line) for line in lines]
            if lines and all(matches):
                where = f"{page.relative_to(DOCS).as_posix()}:{block.lineno}"
                found.append(pytest.param(
                    [(m["path"], m["section"]) for m in matches],
                    block.expected_output, id=where))
    return found


@pytest.mark.parametrize("sections, expected", pinned_includes())
def test_included_sections_print_the_pinned_output(sections, expected):
    out = io.StringIO()
    for path, section in sections:
        module = importlib.import_module(
            path.removesuffix(".py").replace("/", "."))
        namespace = dict(vars(module))
        with contextlib.redirect_stdout(out):
            exec(compile(section_code(path, section), path, "exec"),
                 namespace)
    assert out.getvalue() == expected
