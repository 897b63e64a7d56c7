"""snippets/ch01/s14_keras_sequential.py (practice 1-5): the Sequential
fit, and its notebook."""

import re

import nbformat
import numpy as np
import pytest

from scripts import figures, notebooks
from snippets.ch01 import s14_keras_sequential as s14
from snippets.common.data import quadratic_table, shuffled_batches


def test_s14_sequential_fit(run_snippet):
    run = run_snippet("ch01/s14_keras_sequential")
    fit = run.result
    # Course: w1 = 2.03, w2 = 2.99, b = 5.01; exact 2, 3, 5.
    assert fit.w1 == pytest.approx(2, abs=0.06)
    assert fit.w2 == pytest.approx(3, abs=0.06)
    assert fit.b == pytest.approx(5, abs=0.06)
    history = fit.loss_history
    assert len(history) == 300 and fit.first_layer == "Dense"
    # The page: from over 100 to below 1 by the injected epoch, then jumps.
    below = fit.epochs_to_below_1
    assert fit.first_loss > 100 and 1 < below <= 12
    assert history[below - 1] < 1 <= min(history[:below - 1])
    assert fit.max_late_loss > 0.1 and fit.min_loss < 1e-4
    assert (fit.previous_loss, fit.final_loss) == tuple(history[-2:])
    assert [p.name for p in run.figures] == ["s14_keras_sequential_loss.svg"]


def test_s14_practice_file_has_section_1_13s_data_and_pipeline():
    np.testing.assert_array_equal(np.stack([s14.x, s14.y]),
                                  np.stack(quadratic_table()))
    np.testing.assert_array_equal(s14.data_x, np.stack([s14.x**2, s14.x]).T)
    ours = s14.shuffled_batches(s14.data_x, s14.y, 10, seed=14)
    book = shuffled_batches(s14.data_x, s14.y, 10, seed=14)
    for (a_x, a_y), (b_x, b_y) in zip(ours, book, strict=True):
        np.testing.assert_array_equal(a_x, b_x)
        np.testing.assert_array_equal(a_y, b_y)


def test_s14_practice_notebook_shows_its_loss_plot():
    snippet = figures.find("ch01/s14_keras_sequential")
    ipynb, _ = notebooks.ensure_notebook(snippet)
    nb = nbformat.read(ipynb, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code"
               for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    printed = "".join(o.get("text", "") for o in outputs)
    assert re.search(r"w1 = \d\.\d\d\nw2 = \d\.\d\d\nb = \d\.\d\d", printed)
    assert "Warning" not in printed
