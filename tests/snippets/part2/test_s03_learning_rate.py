"""II-3: a ten times smaller learning rate costs about twelve times as
many steps on E = 1.5 (w - 8)², not a hundred."""

import math

import pytest

from snippets.part2 import s03_learning_rate as s03


def test_steps_to_reach_counts_gradient_steps():
    assert s03.gradient(10) == 6
    assert s03.steps_to_reach(0.1, w=8.005) == 0  # already close enough
    # one step of lr = 1/3 lands exactly on the minimum: 1 - 3 lr = 0
    assert s03.steps_to_reach(1 / 3) == 1
    assert s03.steps_to_reach(1) is None  # |w - 8| doubles every step


def test_small_rate_costs_ln_ratio_times_the_steps(run_snippet):
    result = run_snippet("part2/s03_learning_rate").result
    assert result.contraction_fast == pytest.approx(0.7)
    assert result.contraction_slow == pytest.approx(0.97)
    # the smallest k with 2 * c**k <= 0.01, for each contraction c
    for steps, c in [(result.steps_fast, 0.7), (result.steps_slow, 0.97)]:
        assert steps == math.ceil(math.log(0.01 / 2) / math.log(c))
        assert 2 * c ** steps <= 0.01 < 2 * c ** (steps - 1)
    assert result.step_ratio == result.steps_slow / result.steps_fast
    # "not a hundred": about ln 0.7 / ln 0.97 = 11.7 times as many
    assert result.log_ratio == pytest.approx(11.71, abs=0.01)
    assert abs(result.step_ratio - result.log_ratio) < 0.5
    assert 10 < result.step_ratio < 13
    assert result.diverges_at_1
