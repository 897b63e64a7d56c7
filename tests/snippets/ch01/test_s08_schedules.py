"""snippets/ch01/s08_schedules.py: Keras's schedules are their formulas."""

import math

import pytest


def test_s08_schedules_follow_their_formulas(run_snippet):
    run = run_snippet("ch01/s08_schedules")
    expected = {
        "exponential_500": 0.1 * 0.5 ** (500 / 200),
        "exponential_staircase_500": 0.1 * 0.5 ** 2,
        "piecewise_500": 0.05,
        "cosine_500": 0.1 * 0.5 * (1 + math.cos(math.pi * 0.5)),
        "inverse_time_500": 0.1 / (1 + 500 / 100),
    }
    assert set(run.result) == set(expected)
    for key, value in expected.items():
        assert run.result[key] == pytest.approx(value, rel=1e-6), key
    assert [p.name for p in run.figures] == ["s08_schedules.svg"]
