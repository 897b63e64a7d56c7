"""Discovery checks every snippet's header and program shape, and stops
at the first broken rule with file:line."""

import textwrap

import pytest

from scripts.snippet import SnippetError, discover, parse

GOOD = '''\
"""Fit a line, and draw it.

Section: 1-7 Estimating a quadratic's coefficients
Practice: 1-1.course_file.py
Figure: s07_fit_line.svg, s07_fit_line_loss.svg
"""
SEED = 7


def main():
    return {"w": 2.0}


if __name__ == "__main__":
    main()
'''


def write(tmp_path, text, name="s07_fit_line.py", chapter="ch01"):
    path = tmp_path / chapter / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_every_book_snippet_passes_discovery():
    found = discover()
    assert len(found) >= 20
    assert {s.chapter for s in found} >= {"ch01", "part2"}
    assert len({s.id for s in found}) == len(found)


def test_a_good_header_is_read_field_by_field(tmp_path):
    snippet = parse(write(tmp_path, GOOD), tmp_path)
    assert snippet.id == "ch01/s07_fit_line"
    assert snippet.module == "snippets.ch01.s07_fit_line"
    assert snippet.chapter == "ch01"
    assert snippet.summary == "Fit a line, and draw it."
    assert snippet.practice == "1-1.course_file.py"
    assert snippet.figures == ["s07_fit_line.svg", "s07_fit_line_loss.svg"]
    assert [s.id for s in discover(tmp_path)] == ["ch01/s07_fit_line"]


@pytest.mark.parametrize("change, line, message", [
    (("Section: 1-7 Estimating", "Section: seven"), 3,
     r"header needs 'Section: <N-M> <title>'"),
    (("Section: 1-7", "Section: 1-8"), 1, r"file name must start with s08_"),
    (("s07_fit_line_loss.svg", "s07_loss.svg"), 5,
     r"figure s07_loss\.svg must be named s07_fit_line….svg"),
    (("s07_fit_line_loss.svg", "s07_fit_line_loss.png"), 5,
     r"figure s07_fit_line_loss\.png must be named"),
    (("1-1.course_file.py", "1-1.course_file.ipynb"), 4,
     r"Practice: names the course's \.py file"),
    (("def main():", "def main(seed):"), 10, r"main\(\) takes no arguments"),
    (("def main():", "def run():"), 1, r"no main\(\)"),
    (('if __name__ == "__main__":\n    main()', "main()"), 14,
     r"must end with the __main__ guard"),
    (("SEED = 7", "SEED = 7  # " + "x" * 80), 7, r"line over 79 characters"),
    (('"""Fit a line, and draw it.', '"""'), 1, r"snippet has no docstring"),
])
def test_a_broken_rule_names_file_and_line(tmp_path, change, line, message):
    old, new = change
    path = write(tmp_path, GOOD.replace(old, new, 1))
    if new == '"""':  # no docstring at all
        path.write_text(GOOD.split('"""\n', 1)[1], encoding="utf-8")
    with pytest.raises(SnippetError,
                       match=rf"ch01/s07_fit_line\.py:{line}: {message}"):
        discover(tmp_path)


def test_a_syntax_error_is_reported_at_its_line(tmp_path):
    write(tmp_path, GOOD.replace("SEED = 7", "SEED = = 7"))
    with pytest.raises(SnippetError, match=r"s07_fit_line\.py:7: "):
        discover(tmp_path)
