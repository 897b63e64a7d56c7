"""docs/ch01-tensorflow/07-quadratic-tape.md: one notation, and the
zero-gradient condition written for the smooth sum of squares."""

import re

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "ch01-tensorflow" / "07-quadratic-tape.md"


def test_zero_gradient_condition_is_for_the_sum_of_squares():
    text = PAGE.read_text("utf-8")
    condition = text[text.index("## The exact answer"):
                     text.index("*normal")]
    for name in ["w_1", "w_2", "b"]:
        assert f"\\frac{{\\partial S}}{{\\partial {name}}} = 0" in condition
    assert "\\partial L}{\\partial" not in condition


def test_coefficients_are_w1_w2_b_throughout():
    text = PAGE.read_text("utf-8")
    assert not re.search(r"\\\(a\\\)|\\\(c\\\)|a, b, c", text)
