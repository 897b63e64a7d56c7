"""docs/ch01-tensorflow/11-quadratic-minimize.md: the gap to the course's
losses is measured, not typed."""

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "ch01-tensorflow" / "11-quadratic-minimize.md"


def test_page_injects_the_gap_to_the_course():
    text = PAGE.read_text("utf-8")
    assert "{{ ch01/s11_quadratic_adam.course_gap:.4f }}" in text
    assert "third decimal" not in text
