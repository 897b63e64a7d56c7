"""Downloads inline only the book code a program uses."""

import ast
import textwrap

import pytest

from scripts import inline

PROGRAM = textwrap.dedent('''\
    """A program."""
    import numpy as np

    from snippets.common.data import quadratic_table, shuffled_batches as sb


    def main():
        x, y = quadratic_table()
        return sb(x, y, 10, 0)
    ''')


def test_only_the_imported_functions_and_what_they_need_come_in():
    out = inline.standalone(PROGRAM, "p.py")
    tree = ast.parse(out)
    defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert defined == ["quadratic_table", "shuffled_batches", "main"]
    assert "sb = shuffled_batches" in out
    assert "snippets" not in out.replace("snippets/common/data.py", "")
    assert out.count("import numpy as np") == 1
    assert "# From the book's snippets/common/data.py:" in out
    namespace = {}
    exec(compile(out.replace("return sb(x, y, 10, 0)", "return x, y"),
                 "p.py", "exec"), namespace)
    x, y = namespace["main"]()
    assert len(x) == 100 and y[0] == pytest.approx(40.0)


def test_a_program_without_book_imports_is_left_alone():
    source = "import numpy as np\n\nprint(np.pi)\n"
    assert inline.standalone(source, "p.py") == source


@pytest.mark.parametrize("source, message", [
    ("import snippets.common.data\n", r"p\.py:1: use 'from module import"),
    ("def f():\n    from snippets.common.data import quadratic_table\n",
     r"p\.py:2: book imports must be at the top level"),
    ("from snippets.common.data import nothing_here\n",
     r"data\.py defines no 'nothing_here'"),
])
def test_what_cannot_be_inlined_is_named(source, message):
    with pytest.raises(inline.InlineError, match=message):
        inline.standalone(source, "p.py")
