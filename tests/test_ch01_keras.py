"""Sections 1-12 to 1-15: Keras models, batch sizes, the two practice fits.

The claims the pages make in words are checked here against the runs the
pages quote.
"""

import re

import nbformat
import numpy as np
import pytest

from scripts import figures, notebooks
from snippets.common.model_diagram import save_model_diagram


def test_s12_models_and_diagrams(snippet_result):
    result = snippet_result("ch01/s12_plot_model_diagrams")
    # 4·16 + 16, 16·8 + 8, 8·3 + 3 parameters; no InputLayer in the list.
    assert result["classifier_params"] == 243
    assert result["classifier_layers"] == 3
    # Functional: InputLayer, Multiply, Concatenate, Dense (3 parameters).
    assert result["quadratic_layers"] == 4
    assert result["quadratic_params"] == 3
    assert result["quadratic_y_at_2"] == pytest.approx(19.0)
    run_dir = figures.find("ch01/s12_plot_model_diagrams").run_dir
    classifier = (run_dir / "s12_plot_classifier.svg").read_text()
    graph = (run_dir / "s12_plot_quadratic_graph.svg").read_text()
    for name in ("hidden_1", "hidden_2", "class_probs", "softmax"):
        assert name in classifier
    for name in ("InputLayer", "x_squared", "Multiply", "Concatenate",
                 "w1_w2_b"):
        assert name in graph
    # Node names are renumbered: no Python object ids left in the file.
    assert not re.search(r"\b\d{9,}\b", classifier + graph)


def test_model_diagram_is_byte_stable(tmp_path):
    import keras

    model = keras.Sequential([keras.Input(shape=(2,)),
                              keras.layers.Dense(1, name="dense")])
    first = save_model_diagram(model, tmp_path / "a", "m.svg").read_bytes()
    again = save_model_diagram(model, tmp_path / "b", "m.svg").read_bytes()
    assert first == again and b"<svg" in first


def test_model_diagram_without_graphviz_says_what_to_install(
        tmp_path, monkeypatch):
    import keras

    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` to be found
    model = keras.Sequential([keras.Input(shape=(2,)),
                              keras.layers.Dense(1)])
    with pytest.raises(RuntimeError, match="needs Graphviz's `dot`"):
        save_model_diagram(model, tmp_path, "m.svg")


def test_s13_batch_sizes_show_what_the_page_says(snippet_result):
    r = snippet_result("ch01/s13_plot_batch_sizes")
    n = r["num_epochs"]
    assert (r["updates_1"], r["updates_10"], r["updates_100"]) == (
        100 * n, 10 * n, n)
    for b in (1, 10, 100):
        assert len(r[f"losses_{b}"]) == n + 1
        assert r[f"losses_{b}"][0] == pytest.approx(r["initial_loss"])
    # Progress per epoch: smaller batches get below 1 in fewer epochs;
    # the full batch does not get there within the run.
    assert 0 < r["epochs_to_below_1_1"] < r["epochs_to_below_1_10"]
    assert r["epochs_to_below_1_100"] == 0
    assert r["final_loss_100"] > 10 and r["final_loss_100"] > 100 * max(
        r["final_loss_1"], r["final_loss_10"])
    # Noise: the full batch falls smoothly, small batches jump by orders
    # of magnitude near the end.
    full = np.array(r["losses_100"])
    assert np.all(np.diff(full) < 0)
    assert r["tail_spread_1"] > 100 and r["tail_spread_10"] > 100
    assert np.any(np.diff(r["losses_1"]) > 0)
    # Time: an epoch of batch 1 costs more than one of batch 100, but far
    # less than 100 times as much (fixed costs per step and per epoch).
    assert 1 < r["epoch_time_ratio"] < 100
    # NumPy arrays make fit rebuild its pipeline every epoch.
    assert r["ms_per_epoch_arrays_10"] > r["ms_per_epoch_10"]


def test_s14_sequential_fit(snippet_result):
    fit = snippet_result("ch01/s14_plot_keras_sequential")
    # Course: w1 = 2.03, w2 = 2.99, b = 5.01; exact 2, 3, 5.
    assert fit.w1 == pytest.approx(2, abs=0.06)
    assert fit.w2 == pytest.approx(3, abs=0.06)
    assert fit.b == pytest.approx(5, abs=0.06)
    history = fit.loss_history
    assert len(history) == 300 and fit.first_layer == "Dense"
    # The page: from over 100 to below 1 within a dozen epochs, then jumps.
    assert fit.first_loss > 100 and history[11] < 1
    assert fit.max_late_loss > 0.1 and fit.min_loss < 1e-4


def test_s15_functional_fit(snippet_result):
    fit = snippet_result("ch01/s15_plot_keras_functional")
    # Course: 2.00, 3.00, 5.00, and so does this run, to two decimals.
    assert (round(fit.w1, 2), round(fit.w2, 2), round(fit.b, 2)) == (
        2.0, 3.0, 5.0)
    assert fit.first_layer == "InputLayer"
    # A quiet ending, unlike RMSprop's in 1-14.
    assert fit.final_loss < 1e-9
    assert fit.max_late_loss < 1e-3
    sequential = snippet_result("ch01/s14_plot_keras_sequential")
    assert fit.max_late_loss < sequential.max_late_loss / 100


@pytest.mark.parametrize("snippet_id", ["ch01/s14_plot_keras_sequential",
                                        "ch01/s15_plot_keras_functional"])
def test_practice_notebook_shows_its_loss_plot(snippet_id):
    ipynb, _ = notebooks.ensure_notebook(figures.find(snippet_id))
    nb = nbformat.read(ipynb, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code"
               for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    printed = "".join(o.get("text", "") for o in outputs)
    assert re.search(r"w1 = \d\.\d\d\nw2 = \d\.\d\d\nb = \d\.\d\d", printed)
    assert "Warning" not in printed
