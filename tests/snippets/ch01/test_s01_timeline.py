"""snippets/ch01/s01_timeline.py: the milestones it draws."""

from snippets.ch01.s01_timeline import MILESTONES


def test_s01_returns_the_milestones_it_draws(run_snippet):
    run = run_snippet("ch01/s01_timeline")
    years = [m.year for m in MILESTONES]
    assert run.result == {"num_milestones": len(MILESTONES),
                          "first_year": min(years),
                          "last_year": max(years)}
    assert [p.name for p in run.figures] == ["s01_timeline.svg"]
    # Dates the page states in words are in the table.
    dates = {(m.year, m.month) for m in MILESTONES}
    assert {(2015, 11), (2017, 2), (2019, 9), (2023, 11),
            (2024, 3)} <= dates
