"""snippets/ch01/s15_keras_functional.py (practice 1-6): the Functional
fit with Adam ends quietly, and its notebook."""

import re

import nbformat
import numpy as np

from scripts import figures, notebooks
from snippets.ch01 import s15_keras_functional as s15
from snippets.common.data import quadratic_table, shuffled_batches


def test_s15_functional_fit(run_snippet):
    run = run_snippet("ch01/s15_keras_functional")
    fit = run.result
    # Course: 2.00, 3.00, 5.00, and so does this run, to two decimals.
    assert (round(fit.w1, 2), round(fit.w2, 2), round(fit.b, 2)) == (
        2.0, 3.0, 5.0)
    assert len(fit.loss_history) == 300
    assert fit.first_layer == "InputLayer"
    # A quiet ending, unlike RMSprop's in 1-14.
    assert fit.final_loss < 1e-9
    assert fit.max_late_loss < 1e-3
    sequential = run_snippet("ch01/s14_keras_sequential").result
    assert fit.max_late_loss < sequential.max_late_loss / 100
    assert [p.name for p in run.figures] == ["s15_keras_functional_loss.svg"]


def test_s15_practice_file_has_section_1_13s_data_and_pipeline():
    np.testing.assert_array_equal(np.stack([s15.x, s15.y]),
                                  np.stack(quadratic_table()))
    np.testing.assert_array_equal(s15.data_x, np.stack([s15.x**2, s15.x]).T)
    ours = s15.shuffled_batches(s15.data_x, s15.y, 10, seed=15)
    book = shuffled_batches(s15.data_x, s15.y, 10, seed=15)
    for (a_x, a_y), (b_x, b_y) in zip(ours, book, strict=True):
        np.testing.assert_array_equal(a_x, b_x)
        np.testing.assert_array_equal(a_y, b_y)


def test_s15_practice_notebook_shows_its_loss_plot():
    snippet = figures.find("ch01/s15_keras_functional")
    ipynb, _ = notebooks.ensure_notebook(snippet)
    nb = nbformat.read(ipynb, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code"
               for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    printed = "".join(o.get("text", "") for o in outputs)
    assert re.search(r"w1 = \d\.\d\d\nw2 = \d\.\d\d\nb = \d\.\d\d", printed)
    assert "Warning" not in printed
