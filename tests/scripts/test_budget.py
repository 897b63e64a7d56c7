"""Cold run times, recorded by the runner, stay within the budget: 120 s
per chapter, 900 s for the whole book. Ordered after the snippet tests
(tests/conftest.py), which record the times as they run each snippet."""

import pytest

from scripts import budget, paths, runner
from scripts.paths import SNIPPETS
from scripts.snippet import Snippet, discover


def record(snippet: Snippet, seconds: float) -> None:
    with runner.entry(snippet).write(seconds=seconds):
        pass


def test_the_table_sums_per_chapter_and_flags_what_is_over(tmp_path,
                                                           monkeypatch):
    monkeypatch.setattr(paths, "CACHE", tmp_path)
    ch01 = sorted(SNIPPETS.glob("ch01/s0*.py"))[:2]
    part2 = sorted(SNIPPETS.glob("part2/s0*.py"))[:1]
    snippets = [Snippet(p, "x", {}) for p in ch01 + part2]
    for snippet, seconds in zip(snippets, (100.0, 30.5, 12.0)):
        record(snippet, seconds)
    found = budget.measure(snippets)
    assert found.chapters == {"ch01": [2, 130.5], "part2": [1, 12.0]}
    assert found.total == 142.5 and not found.missing
    assert found.over() == ["chapter ch01: 130.5 s > 120 s"]
    text = budget.table(found)
    assert "| ch01 | 2 | 130.5 | 120 |" in text
    assert "| **total** | 3 | 142.5 | 900 |" in text
    missing = Snippet(sorted(SNIPPETS.glob("part2/s0*.py"))[1], "x", {})
    assert budget.measure([missing]).missing == [missing.id]


def test_the_book_is_within_its_time_budget():
    found = budget.measure(discover())
    if found.missing:
        pytest.skip(f"no cold run time recorded for {len(found.missing)} "
                    "snippet(s) (run the snippet tests or `make generate` "
                    f"first): {', '.join(found.missing[:5])}")
    print("\n" + budget.table(found))
    assert not found.over(), "; ".join(found.over())
