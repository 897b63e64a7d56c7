"""snippets/ch01/s07_quadratic_tape.py (practice 1-1): the course's fit."""

import numpy as np
import pytest

from snippets.ch01 import s07_quadratic_tape as s07
from snippets.common.data import quadratic_table


def test_s07_tape_fit_reproduces_the_course(run_snippet):
    run = run_snippet("ch01/s07_quadratic_tape")
    result = run.result
    # The course printed w1 = 1.95, w2 = 3.00, b = 4.97, loss 0.6283.
    assert round(result.w1, 2) == 1.95
    assert round(result.w2, 2) == 3.00
    assert round(result.b, 2) == 4.97
    assert round(result.final_loss, 4) == pytest.approx(0.6283, abs=2e-4)
    history = result.loss_history
    assert len(history) == 1000
    assert history[0] > 10 * history[-1], "the loss must fall"
    # The plateau the page explains: the last 100 epochs barely move.
    assert max(history[-100:]) - min(history[-100:]) < 0.01
    assert result.min_loss == min(history) == history[result.min_epoch]
    # One run draws both figures, in the header's order.
    assert [p.name for p in run.figures] == [
        "s07_quadratic_tape_fit.svg", "s07_quadratic_tape_loss.svg"]


def test_s07_practice_file_writes_the_course_table():
    x, y = s07.quadratic_table()
    x_book, y_book = quadratic_table()
    np.testing.assert_array_equal(x, x_book)
    np.testing.assert_array_equal(y, y_book)
