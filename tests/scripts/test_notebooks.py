"""Practice files become executed notebooks (jupytext percent cells) and
scripts, run as a reader would: no book packages, an empty folder."""

import textwrap

import nbformat
import pytest

from scripts import notebooks, paths
from scripts.snippet import discover, parse

PRACTICE = [s for s in discover() if s.practice]

PERCENT = '''\
# %% [markdown]
# # Practice 9-1
#
# Fit a line.

# %%
"""Fit a line.

Section: 9-1 Test
Practice: 9-1.line.py
"""
import numpy as np


# --8<-- [start:fit]
def fit():
    x = np.arange(5.0)
    return np.polyfit(x, 2 * x + 1, 1)
# --8<-- [end:fit]


# %% [markdown]
# Run it.

# %%
def main():
    print("slope %.1f" % fit()[0])


if __name__ == "__main__":
    main()
'''


@pytest.fixture
def percent_snippet(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    path = tmp_path / "ch09" / "s01_line.py"
    path.parent.mkdir()
    path.write_text(PERCENT, encoding="utf-8")
    return parse(path, tmp_path)


def test_there_are_practice_files():
    assert PRACTICE, "no snippet has a 'Practice:' header"


def test_a_percent_source_becomes_cells_and_runs(percent_snippet):
    ipynb, script = notebooks.ensure_practice(percent_snippet)
    nb = nbformat.read(ipynb, as_version=4)
    kinds = [c.cell_type for c in nb.cells]
    assert kinds == ["markdown", "code", "markdown", "code"]
    assert nb.cells[0].source.startswith("# Practice 9-1")
    assert "--8<--" not in ipynb.read_text() + script.read_text()
    assert nb.cells[3].outputs[0]["text"] == "slope 2.0\n"
    assert script.read_text() == PERCENT.replace(
        "# --8<-- [start:fit]\n", "").replace("# --8<-- [end:fit]\n", "")
    entry = notebooks.practice_entry(percent_snippet)
    assert entry.exists() and ipynb.parent == entry.dir


HEADED = '''\
"""Fit a line.

Section: 9-1 Test
Practice: 9-1.line.py
"""

# %% [markdown]
# # Practice 9-1

# %%
def main():
    print("fitted")


if __name__ == "__main__":
    main()
'''


def test_a_docstring_header_becomes_a_line_under_the_title(tmp_path):
    path = tmp_path / "ch09" / "s01_line.py"
    path.parent.mkdir()
    path.write_text(HEADED, encoding="utf-8")
    nb = notebooks.practice_notebook(parse(path, tmp_path))
    assert [c.cell_type for c in nb.cells] == ["markdown", "markdown",
                                                "code"]
    assert nb.cells[0].source == "# Practice 9-1"
    assert nb.cells[1].source == ("*From the course's practice file "
                                  "`9-1.line.py`; book section 9-1 Test.*")
    assert nb.cells[2].source.startswith("def main():")


def test_book_code_cannot_be_imported_where_notebooks_run(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import os; print(os.listdir('.'))"),
        nbformat.v4.new_code_cell(
            "import keras, os; print(os.environ['KERAS_HOME'])"),
        nbformat.v4.new_code_cell("import snippets.common.data")])
    with pytest.raises(notebooks.NotebookError,
                       match=r"(?s)where\.py: its notebook failed.*No "
                             r"module named 'snippets'.*pip packages"):
        notebooks.execute(nb, "where.py")
    assert nb.cells[0].outputs[0]["text"] == "[]\n", "an empty folder"
    assert "keras-home" in nb.cells[1].outputs[0]["text"]


@pytest.mark.parametrize("snippet", PRACTICE, ids=[s.id for s in PRACTICE])
def test_practice_notebook_executes(snippet, practice_notebook):
    ipynb, script = practice_notebook(snippet.id)
    nb = nbformat.read(ipynb, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "not executed"
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs
                      if o.output_type == "stream")
    assert printed.strip(), "the practice file printed nothing"
    assert snippet.practice in "".join(c.source for c in nb.cells[:2])
    assert nb.cells[0].cell_type == "markdown", "the title comes first"
    assert not [o for o in outputs if o.output_type == "execute_result"
                and "Section:" in o.get("data", {}).get("text/plain", "")
                ], "a cell prints the file's docstring back"
    source = script.read_text(encoding="utf-8")
    assert "from snippets" not in source and "import snippets" not in source
    assert 'if __name__ == "__main__":' in source
