"""Chapter 1: the numbers the pages quote are what the code computes."""

import numpy as np
import pytest

from snippets.common.data import quadratic_table


def test_quadratic_table_is_the_course_table():
    x, y = quadratic_table()
    assert len(x) == 100
    assert x[0] == -5 and x[-1] == pytest.approx(4.9)
    assert y[:3] == pytest.approx([40.0, 38.32, 36.68])
    X = np.column_stack([x * x, x, np.ones_like(x)])
    assert np.linalg.solve(X.T @ X, X.T @ y) == pytest.approx([2, 3, 5])


def test_s07_tape_fit_reproduces_the_course(snippet_result):
    result = snippet_result("ch01/s07_quadratic_tape")
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


def test_s07_plot_uses_the_same_fit(snippet_result):
    fit = snippet_result("ch01/s07_quadratic_tape")
    plotted = snippet_result("ch01/s07_plot_tape")
    assert plotted.w1 == fit.w1 and plotted.final_loss == fit.final_loss
