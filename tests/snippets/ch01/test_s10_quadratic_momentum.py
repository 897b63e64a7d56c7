"""snippets/ch01/s10_quadratic_momentum.py (practice 1-2): SGD with
momentum is section 1-9's rule, and its run ends in a cycle."""

import numpy as np
import pytest

from snippets.ch01 import s10_quadratic_momentum as s10
from snippets.ch01.s09_optimizers_numpy import Momentum, float32
from snippets.common.data import quadratic_table


def test_s10_momentum_fit(run_snippet):
    run = run_snippet("ch01/s10_quadratic_momentum")
    result = run.result
    assert len(result.loss_history) == 300
    assert result.w1 == pytest.approx(2, abs=0.1)
    assert result.w2 == pytest.approx(3, abs=0.05)
    assert result.b == pytest.approx(5, abs=0.1)
    assert result.cycle_period > 0, "momentum ends in a cycle"
    assert result.cycle_min < result.final_loss <= result.cycle_max
    assert result.tail_mean == pytest.approx(
        np.mean(result.loss_history[-50:]))
    assert [p.name for p in run.figures] == [
        "s10_quadratic_momentum_loss.svg"]
    # Before the chaotic end, Keras's SGD(momentum=0.7) is the
    # from-scratch Momentum rule (float32 in Keras, float64 here).
    x, y = quadratic_table()
    momentum = Momentum(lr=float32(0.01), beta=float32(0.7))
    theta, losses = np.ones(3), []
    for _ in range(100):
        losses.append(np.sqrt(np.mean((np.polyval(theta, x) - y) ** 2)))
        theta = momentum.step(theta,
                              lambda t: s10.rmse_and_grad(t, x, y)[1])
    np.testing.assert_allclose(result.loss_history[:100], losses, rtol=1e-4)


def test_s10_plain_descent_is_section_1_7s_run(run_snippet):
    tape = run_snippet("ch01/s07_quadratic_tape").result
    plain = s10.plain_descent_losses(*quadratic_table())
    np.testing.assert_allclose(plain, tape.loss_history[:300], rtol=1e-4)
    result = run_snippet("ch01/s10_quadratic_momentum").result
    assert result.plain_final_loss == pytest.approx(plain[-1])
    # Momentum's best epoch beats plain descent's best by far (the page).
    assert result.min_loss < tape.min_loss / 10


def test_s10_cycle_period_finds_a_planted_cycle():
    history = [5.0] * 100 + [0.3, 0.5, 0.4] * 50
    assert s10.cycle_period(history) == 3
    assert s10.cycle_period(list(np.linspace(1, 0, 300))) == 0


def test_s10_practice_file_writes_the_course_table():
    x, y = s10.quadratic_table()
    np.testing.assert_array_equal(np.stack([x, y]),
                                  np.stack(quadratic_table()))
