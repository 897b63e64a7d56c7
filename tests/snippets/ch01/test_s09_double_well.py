"""snippets/ch01/s09_double_well.py: plain descent stops in the nearer
well; momentum rolls over the hump into the deeper one."""

import pytest

from snippets.ch01 import s09_double_well as dw


def test_s09_the_well_has_two_minima_and_a_hump():
    deep, hump, shallow = dw.minima()
    assert deep < hump < shallow
    assert dw.well(deep) < dw.well(shallow) < dw.well(hump)
    assert abs(shallow - dw.START) < abs(deep - dw.START)


def test_s09_momentum_rolls_through(run_snippet):
    run = run_snippet("ch01/s09_double_well")
    result = run.result
    assert result["plain_final"] == pytest.approx(result["shallow"],
                                                  abs=1e-4)
    assert result["plain_lowest"] > result["hump"], "never crosses"
    assert result["momentum_final"] == pytest.approx(result["deep"],
                                                     abs=1e-4)
    # Not a promise: β 0.5 stops in the shallow well, and β 0.95 rolls
    # over the hump and back, ending there too.
    for key in ["less_momentum_final", "more_momentum_final"]:
        assert result[key] == pytest.approx(result["shallow"], abs=1e-4)
    assert [p.name for p in run.figures] == ["s09_double_well.svg"]
