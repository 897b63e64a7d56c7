"""docs/ch01-tensorflow/06-graphs.md: the speed-up it quotes is measured."""

import re

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "ch01-tensorflow" / "06-graphs.md"


def test_page_quotes_the_measured_speedup():
    text = PAGE.read_text("utf-8")
    assert re.search(r"\{\{ ch01/s06_graphs\.speedup:\.2f \}\}", text)
    assert re.search(r"\{\{ ch01/s06_graphs\.comparison \}\}", text)
    # No template that reads badly when the measurement flips.
    assert "times as fast as eager" not in text
    assert "faster_or_slower" not in text
