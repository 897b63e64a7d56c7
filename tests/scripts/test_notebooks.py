"""Practice files become self-contained, executed notebooks and scripts."""

import ast

import nbformat
import pytest

from scripts import figures

SNIPPETS = figures.discover()

from scripts import notebooks

PRACTICE = [s for s in SNIPPETS if s.practice]


def test_there_are_practice_files():
    assert PRACTICE, "no snippet has a 'Practice:' header"


@pytest.mark.parametrize("snippet", PRACTICE, ids=[s.id for s in PRACTICE])
def test_practice_notebook_executes(snippet):
    ipynb, script = notebooks.ensure_notebook(snippet)
    nb = nbformat.read(ipynb, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "not executed"
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs
                      if o.output_type == "stream")
    assert printed.strip(), "the practice file printed nothing"
    assert snippet.practice in nb.cells[0].source


@pytest.mark.parametrize("snippet", PRACTICE, ids=[s.id for s in PRACTICE])
def test_practice_script_is_standalone(snippet):
    source = notebooks.to_script(snippet)
    tree = ast.parse(source)
    imported = {n.module for n in ast.walk(tree)
                if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import)
                 for a in n.names}
    assert not any(m and m.startswith("snippets") for m in imported)
    assert 'if __name__ == "__main__":' in source
