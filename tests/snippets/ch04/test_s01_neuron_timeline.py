"""snippets/ch04/s01_neuron_timeline.py: the events it draws, in order."""

from snippets.ch04.s01_neuron_timeline import HISTORY, WINTERS


def test_s01_returns_the_span_it_draws(run_snippet):
    run = run_snippet("ch04/s01_neuron_timeline")
    years = [year for year, _, _ in HISTORY]
    assert years == sorted(years)
    assert run.result == {"num_events": len(HISTORY), "first_year": 1943,
                          "last_year": 2012}
    assert [p.name for p in run.figures] == ["s01_neuron_timeline.svg"]
    assert run.figures[0].stat().st_size > 1000


def test_s01_dates_the_page_names_are_in_the_table():
    years = {year for year, _, _ in HISTORY}
    assert {1943, 1949, 1958, 1960, 1969, 1982, 1986, 2006, 2012} <= years
    assert all(start < end for start, end in WINTERS)
