"""scripts/measure.py: its README table keeps its history, and its
Lighthouse rows say median and worst over all pages."""

import pytest

from scripts import measure


def test_table_goes_between_the_markers_and_nowhere_else(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{measure.START}\nold\n{measure.END}\nafter\n")
    table = measure.table([("warm ÷ bare", "1.10", "≤ 1.3")],
                          date="2026-12-01")
    measure.write_readme(table, readme)
    text = readme.read_text()
    assert text.startswith(f"before\n{measure.START}\n")
    assert text.endswith(f"{measure.END}\nafter\n")
    assert "| warm ÷ bare | ≤ 1.3 | 1.10 |" in text and "old" not in text


def test_missing_markers_stop_the_script(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n")
    with pytest.raises(SystemExit, match="markers"):
        measure.write_readme("table", readme)


OLD_TABLE = """
Measured 2026-11-25 with `python -m scripts.measure --write` on a 2-core
machine.

| measure | value | goal |
| --- | --- | --- |
| warm ÷ bare | 1.12 | ≤ 1.3 |
| Lighthouse, home (`index.html`) | mobile 75 / 100 / 100 / 100 | ≥ 95 each |
"""


def test_a_new_run_is_a_new_column_beside_the_old_ones(tmp_path):
    """Before and after: the one-column table of earlier runs becomes the
    older column; its rows stay, a rerun on the same day replaces its own
    column only."""
    first = measure.table([("warm ÷ bare", "1.10", "≤ 1.3"),
                           ("heaviest page", "480 KB", "≤ 600 KB")],
                          date="2026-12-01", earlier=OLD_TABLE)
    lines = first.splitlines()
    assert lines[0] == "| measure | goal | 2026-12-01 | 2026-11-25 |"
    assert "| warm ÷ bare | ≤ 1.3 | 1.10 | 1.12 |" in lines
    assert "| heaviest page | ≤ 600 KB | 480 KB |  |" in lines
    assert ("| Lighthouse, home (`index.html`) | ≥ 95 each |  | "
            "mobile 75 / 100 / 100 / 100 |") in lines
    again = measure.table([("warm ÷ bare", "1.05", "≤ 1.3")],
                          date="2026-12-01", earlier=first)
    assert again.splitlines()[0] == first.splitlines()[0]
    assert "| warm ÷ bare | ≤ 1.3 | 1.05 | 1.12 |" in again
    assert "| heaviest page | ≤ 600 KB | 480 KB |  |" in again


def _run(page, preset, performance, seo=100):
    return {"url": page, "page": page, "preset": preset,
            "scores": {"performance": performance, "accessibility": 100,
                       "best-practices": 100, "seo": seo}}


def test_lighthouse_rows_give_median_and_worst_page():
    runs = [_run("a.html", "mobile", 99), _run("b.html", "mobile", 91),
            _run("c.html", "mobile", 97, seo=92),
            {"url": "d.html", "page": "d.html", "preset": "mobile",
             "error": "timeout"},
            _run("a.html", "desktop", 100), _run("b.html", "desktop", 98)]
    rows = {label: value for label, value, _ in
            measure.lighthouse_rows(runs, pages=4)}
    assert rows["Lighthouse mobile performance, median / worst page"] == (
        "97 / 91 (`b.html`; 3 of 4 pages, 1 failed)")
    assert rows["Lighthouse mobile accessibility / best practices / SEO, "
                "worst page"] == "100 / 100 / 92"
    assert rows["Lighthouse desktop performance, median / worst page"] == (
        "99 / 98 (`b.html`; 2 of 4 pages)")


def test_the_mobile_cpu_slowdown_row_says_where_it_came_from():
    calibrated = measure.slowdown_row(
        2.4, {"benchmarks": [1095, 1036, 1065], "phone": 437.5,
              "slowdown": 2.4})
    assert calibrated[:2] == (
        "Lighthouse mobile CPU slowdown",
        "2.4×, calibrated: median of benchmark indexes [1036, 1065, 1095]"
        " ÷ 437.5")
    assert measure.slowdown_row(4.0, None)[1] == (
        "4×, fixed by `--cpu-slowdown`")
