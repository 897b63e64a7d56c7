"""snippets/ch04/s05_delta_rule.py: the delta rule ends at the
least-squares solution (numpy.linalg.lstsq), which learns AND and OR and
answers one half everywhere on XOR."""

import numpy as np
import pytest

from snippets.ch04 import s05_delta_rule as dr


@pytest.mark.parametrize("name", ["AND", "OR", "XOR"])
def test_s05_delta_rule_reaches_least_squares(name):
    x = dr.XOR_X
    w, b, errors = dr.delta_rule(x, dr.TARGETS[name])
    design = np.column_stack([x, np.ones(len(x))])
    solution, *_ = np.linalg.lstsq(design, dr.TARGETS[name], rcond=None)
    np.testing.assert_allclose([*w, b], solution, rtol=0, atol=1e-12)
    assert np.all(np.diff(errors) <= 1e-15)  # the error never rises


def test_s05_results(run_snippet):
    run = run_snippet("ch04/s05_delta_rule")
    r = run.result
    assert r["and_correct"] == 4 and r["or_correct"] == 4
    assert r["xor_spread"] < 1e-12  # the same output for every input
    np.testing.assert_allclose(r["xor_b"], 0.5, atol=1e-12)
    np.testing.assert_allclose([r["and_error"], r["or_error"],
                                r["xor_error"]], [1 / 8, 1 / 8, 1 / 2],
                               atol=1e-12)
    assert [p.name for p in run.figures] == ["s05_delta_rule_surfaces.svg"]
