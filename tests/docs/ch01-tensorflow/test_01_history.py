"""docs/ch01-tensorflow/01-history.md: its table is the timeline's data."""

from scripts.paths import ROOT
from snippets.ch01.s01_timeline import MILESTONES

PAGE = ROOT / "docs" / "ch01-tensorflow" / "01-history.md"


def test_page_table_matches_the_timeline_data(table_rows):
    for m in MILESTONES:
        date = f"{m.year}" if m.month == 0 else f"{m.year}-{m.month:02d}"
        rows = table_rows(PAGE, date)
        assert len(rows) == 1, f"no table row for {date}"
        assert m.source in rows[0][2], f"{date}: source link differs"


def test_page_states_the_dates_in_words():
    text = PAGE.read_text("utf-8")
    assert "9 November 2015" in text and "(30 September)" in text
    assert "../figures/ch01/s01_timeline.svg" in text
