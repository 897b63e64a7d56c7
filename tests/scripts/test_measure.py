"""scripts/measure.py writes its table into README.md between markers."""

import pytest

from scripts import measure


def test_table_goes_between_the_markers_and_nowhere_else(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{measure.START}\nold\n{measure.END}\nafter\n")
    table = measure.table([("warm ÷ bare", "1.10", "≤ 1.3")])
    measure.write_readme(table, readme)
    text = readme.read_text()
    assert text.startswith(f"before\n{measure.START}\n")
    assert text.endswith(f"{measure.END}\nafter\n")
    assert "| warm ÷ bare | 1.10 | ≤ 1.3 |" in text and "old" not in text


def test_missing_markers_stop_the_script(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n")
    with pytest.raises(SystemExit, match="markers"):
        measure.write_readme("table", readme)
