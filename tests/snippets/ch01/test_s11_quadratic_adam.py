"""snippets/ch01/s11_quadratic_adam.py (practice 1-3): Adam's fit."""

import keras
import numpy as np
import pytest

from snippets.ch01 import s11_quadratic_adam as s11
from snippets.common.data import quadratic_table


def test_s11_adam_fit(run_snippet):
    run = run_snippet("ch01/s11_quadratic_adam")
    result = run.result
    assert len(result.loss_history) == 300
    assert (round(result.w1, 2), round(result.w2, 2),
            round(result.b, 2)) == (2.0, 3.0, 5.0)
    # The course printed 0.0388 at epoch 290; today's run is close.
    assert result.loss_290 == pytest.approx(s11.COURSE[290], abs=0.005)
    assert result.loss_280 == result.loss_history[280]
    assert result.final_loss < 0.05
    assert result.tail_mean == pytest.approx(
        np.mean(result.loss_history[-50:]))
    # The page: the late losses differ from the course's by at most
    # course_gap, at every epoch the course printed.
    gaps = [abs(result.loss_history[epoch] - loss)
            for epoch, loss in s11.COURSE.items()]
    assert result.course_gap == pytest.approx(max(gaps))
    assert result.course_gap < 0.01
    assert [p.name for p in run.figures] == ["s11_quadratic_adam_loss.svg"]


def test_s11_adam_ends_quieter_than_momentum(run_snippet):
    adam = run_snippet("ch01/s11_quadratic_adam").result
    momentum = run_snippet("ch01/s10_quadratic_momentum").result
    assert adam.tail_mean < momentum.tail_mean


def test_s11_minimize_is_gone_from_keras_3():
    assert not hasattr(keras.optimizers.Adam(), "minimize")


def test_s11_practice_file_writes_the_course_table():
    np.testing.assert_array_equal(np.stack(s11.quadratic_table()),
                                  np.stack(quadratic_table()))
