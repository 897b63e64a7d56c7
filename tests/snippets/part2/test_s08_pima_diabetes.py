"""II-8: the split, the scaler, the callbacks and the early-stopped run
the page describes, and the two figures it draws."""

import contextlib
import io
import re

import numpy as np
import pytest

from snippets.common import datasets
from snippets.part2 import s08_pima_diabetes as s08


@pytest.fixture(scope="module")
def table():
    """The Pima table as the snippet loads it, and its split."""
    X, y = s08.load_pima()
    return X, y, s08.split_pima(X, y)


def test_loads_the_file_the_mirror_holds(table):
    X, y, _ = table
    assert (s08.PIMA_URL, s08.PIMA_SHA256) == (datasets.PIMA_URL,
                                               datasets.PIMA_SHA256)
    assert X.shape == (768, 8) and y.shape == (768,)
    assert int(y.sum()) == 268  # 500 negatives, 268 positives


def test_split_is_stratified_and_disjoint(table):
    X, y, index = table
    sizes = {name: len(ix) for name, ix in index.items()}
    assert sizes == {"train": 491, "val": 123, "test": 154}
    everything = np.concatenate(list(index.values()))
    assert sorted(everything.tolist()) == list(range(768))
    for ix in index.values():
        assert y[ix].mean() == pytest.approx(y.mean(), abs=0.01)


def test_scaler_is_fitted_on_training_rows_only(table):
    X, y, index = table
    data = s08.pima_splits(X, y, index)
    X_train = data["train"][0]
    assert X_train.min(axis=0) == pytest.approx(np.zeros(8))
    assert X_train.max(axis=0) == pytest.approx(np.ones(8))
    scaler = s08.MinMaxScaler().fit(X[index["train"]])
    assert data["test"][0] == pytest.approx(
        scaler.transform(X[index["test"]]))
    # The page's point: the full table's range differs from the
    # training rows' (Insulin's maximum is a held-out patient).
    insulin = s08.FEATURE_NAMES.index("Insulin")
    assert X[index["train"], insulin].max() < X[:, insulin].max()


def test_printdot_prints_one_dot_per_epoch():
    callback = s08.PrintDot()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for epoch in range(205):
            callback.on_epoch_end(epoch, {"loss": 1.0})
        callback.on_train_end()
    lines = out.getvalue().split("\n")
    assert lines == ["", "." * 100, "." * 100, "." * 5, ""]


def test_early_stopping_as_quoted(run_snippet):
    result = run_snippet("part2/s08_pima_diabetes").result
    assert result.epochs_run == result.stopped_epoch
    assert result.stopped_epoch < result.max_epochs
    # min_delta=0, patience=10: stopped 10 epochs after the best one
    assert result.stopped_epoch - result.best_epoch == 10
    # The page: the network beats "always no diabetes".
    assert result.test_accuracy > result.majority_accuracy + 0.05
    assert result.num_params == 8 * 128 + 128 + 128 * 128 + 128 + 129
    # "the training loss keeps falling while the validation loss ...
    # creeps up after the best epoch"
    assert result.final_val_loss > result.best_val_loss


def test_restored_weights_are_the_best_epochs(run_snippet):
    result = run_snippet("part2/s08_pima_diabetes").result
    logs = result.history
    assert len(logs["val_loss"]) == result.epochs_run
    assert int(np.argmin(logs["val_loss"])) + 1 == result.best_epoch
    assert result.best_val_loss == min(logs["val_loss"])
    # restore_best_weights: the model now has the best epoch's weights
    assert result.restored_val_loss == pytest.approx(
        result.best_val_loss, rel=1e-3)
    assert logs["loss"][-1] < logs["loss"][result.best_epoch - 1]


def test_figures_are_the_diagram_and_the_history(run_snippet):
    run = run_snippet("part2/s08_pima_diabetes")
    diagram, history = run.figures
    assert (diagram.name, history.name) == (
        "s08_pima_diabetes_model.svg", "s08_pima_diabetes_history.svg")
    svg = diagram.read_text()
    for name in ("hidden_1", "hidden_2", "dropout", "diabetes", "relu",
                 "sigmoid", "(None, 8)", "(None, 128)", "(None, 1)"):
        assert name in svg, name
    # the same bytes on every run: no Python id() left as a node name
    assert not re.search(r"\b\d{8,}\b", svg)
