"""Part II, section II-6 to II-9: the classifiers the pages describe.

Each training run happens once per session (the snippets cache their
training function), so these checks reuse the models the pages quote.
"""

import contextlib
import io

import numpy as np
import pytest

from snippets.part2 import s06_mnist_quickstart as s06
from snippets.part2 import s07_fashion_mnist as s07
from snippets.part2 import s08_pima_diabetes as s08
from snippets.part2 import s09_ml_vs_dl as s09

UPPER_BODY = {"T-shirt/top", "Pullover", "Coat", "Shirt"}


# II-6 MNIST quickstart ---------------------------------------------------

def test_s06_quickstart_learns_digits(snippet_result):
    result = snippet_result("part2/s06_mnist_quickstart")
    assert (result.num_train, result.num_test) == (10_000, 10_000)
    assert result.num_params == 784 * 128 + 128 + 128 * 10 + 10
    # The page: an untrained model scores about ln 10.
    assert abs(result.untrained_loss - np.log(10)) < 0.7
    # A cut-down run: well above chance, below the tutorial's ~98 %.
    assert 0.90 < result.test_accuracy < 0.98
    assert result.test_loss < result.untrained_loss / 5
    assert result.first_test_prediction == result.first_test_label
    assert 0.1 < result.first_test_probability <= 1


def test_s06_plot_reuses_the_trained_model(snippet_result):
    snippet_result("part2/s06_mnist_quickstart")
    plotted = snippet_result("part2/s06_plot_mnist_predictions")
    assert s06.train_quickstart() is s06.train_quickstart()
    model, _, _ = s06.train_quickstart()
    _, _, x_test, y_test = s06.mnist_arrays()
    predicted = model.predict(x_test[:40], verbose=0).argmax(axis=1)
    wrong = np.flatnonzero(predicted != y_test[:40]).tolist()
    assert plotted["wrong_indices"] == wrong
    # The page says some of the 40 are wrong and framed in red.
    assert 1 <= plotted["num_wrong"] <= 8


def test_s06_normalisation_maps_pixels_to_unit_interval():
    x_train, _, x_test, _ = s06.mnist_arrays(num_train=100)
    assert x_train.dtype == np.float32
    assert x_train.min() == 0.0 and x_train.max() == 1.0
    assert 0.0 <= x_test.min() and x_test.max() <= 1.0


# II-7 Fashion-MNIST ------------------------------------------------------

def test_confusion_matrix_counts_pairs():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    expected = np.zeros((10, 10), int)
    for t, p in zip(y_true, y_pred):
        expected[t, p] += 1
    assert (s07.confusion_matrix(y_true, y_pred) == expected).all()


def test_s07_fashion_results_match_the_prose(snippet_result):
    result = snippet_result("part2/s07_fashion_mnist")
    assert 0.75 < result.test_accuracy < 0.90
    # "the test accuracy is below the training accuracy"
    assert result.train_accuracy > result.test_accuracy
    counts = np.array(result.confusion)
    assert (counts.sum(axis=1) == 1000).all()
    # evaluate()'s accuracy is the argmax accuracy of the same model
    assert np.trace(counts) / counts.sum() == pytest.approx(
        result.test_accuracy, abs=1e-4)
    recall = counts.diagonal() / 1000
    assert result.best_class_accuracy == pytest.approx(recall.max())
    # "The errors cluster in the upper-body garments"
    assert result.worst_class in UPPER_BODY
    assert {result.confused_true, result.confused_pred} <= UPPER_BODY


def test_s07_figures_share_one_run(snippet_result):
    result = snippet_result("part2/s07_fashion_mnist")
    confusion = snippet_result("part2/s07_plot_fashion_confusion")
    pair = snippet_result("part2/s07_plot_fashion_predictions")
    samples = snippet_result("part2/s07_plot_fashion_samples")
    assert confusion["correct"] == np.trace(np.array(result.confusion))
    assert samples["first_class"] == "Ankle boot"
    probabilities = s07.test_probabilities()
    assert probabilities.shape == (10_000, 10)
    assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)
    assert pair["conf0"] == pytest.approx(float(probabilities[0].max()))


# II-8 Pima diabetes ------------------------------------------------------

def test_s08_split_is_stratified_and_disjoint():
    X, y = s08.load_pima()
    index = s08.split_pima(X, y)
    sizes = {name: len(ix) for name, ix in index.items()}
    assert sizes == {"train": 491, "val": 123, "test": 154}
    everything = np.concatenate(list(index.values()))
    assert sorted(everything.tolist()) == list(range(768))
    for ix in index.values():
        assert y[ix].mean() == pytest.approx(y.mean(), abs=0.01)


def test_s08_scaler_is_fitted_on_training_rows_only():
    X, y = s08.load_pima()
    index = s08.split_pima(X, y)
    data = s08.pima_splits()
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


def test_s08_early_stopping_as_quoted(snippet_result):
    result = snippet_result("part2/s08_pima_diabetes")
    model, history, early_stop = s08.train_pima()
    val_loss = history.history["val_loss"]
    assert result.epochs_run == result.stopped_epoch == len(val_loss)
    assert result.stopped_epoch < result.max_epochs
    # min_delta=0, patience=10: stopped 10 epochs after the best one
    assert result.stopped_epoch - result.best_epoch == early_stop.patience
    assert int(np.argmin(val_loss)) + 1 == result.best_epoch
    # restore_best_weights: the model now has the best epoch's weights
    X_val, y_val = s08.pima_splits()["val"]
    restored = model.evaluate(X_val, y_val, verbose=0)[0]
    assert restored == pytest.approx(result.best_val_loss, rel=1e-3)
    # The page: the network beats "always no diabetes".
    assert result.test_accuracy > result.majority_accuracy + 0.05
    assert result.num_params == 8 * 128 + 128 + 128 * 128 + 128 + 129


def test_s08_history_plot_reading(snippet_result):
    snippet_result("part2/s08_pima_diabetes")
    plotted = snippet_result("part2/s08_plot_pima_history")
    _, history, _ = s08.train_pima()
    logs = history.history
    best = plotted["best_epoch"]
    # "the training loss keeps falling while the validation loss ...
    # creeps up after the best epoch"
    assert logs["loss"][-1] < logs["loss"][best - 1]
    assert logs["val_loss"][-1] > logs["val_loss"][best - 1]


def test_s08_model_diagram_is_stable(tmp_path):
    from snippets.common.model_diagram import save_model_diagram

    model = s08.build_pima_model()
    first = save_model_diagram(model, tmp_path / "a", "m.svg",
                               show_shapes=True)
    second = save_model_diagram(s08.build_pima_model(), tmp_path / "b",
                                "m.svg", show_shapes=True)
    svg = first.read_text()
    assert first.read_bytes() == second.read_bytes()
    for name in ("hidden_1", "hidden_2", "dropout", "diabetes"):
        assert name in svg


# II-9 ML vs DL -----------------------------------------------------------

def test_logistic_regression_is_the_maximum_likelihood_fit():
    data = s08.pima_splits()
    X_train, y_train = data["train"]
    w = s09.fit_logistic_regression(X_train, y_train)
    X1 = np.column_stack([np.ones(len(X_train)), X_train])
    p = 1 / (1 + np.exp(-X1 @ w))
    assert np.abs(X1.T @ (p - y_train)).max() < 1e-6  # gradient is zero


def test_logistic_regression_ignores_minmax_scaling():
    X, y = s08.load_pima()
    index = s08.split_pima(X, y)
    X_train, X_test = X[index["train"]], X[index["test"]]
    scaler = s08.MinMaxScaler().fit(X_train)
    raw = s09.fit_logistic_regression(X_train, y[index["train"]])
    scaled = s09.fit_logistic_regression(scaler.transform(X_train),
                                         y[index["train"]])
    assert (s09.predict_logistic(raw, X_test) == s09.predict_logistic(
        scaled, scaler.transform(X_test))).all()


def test_impute_zeros_uses_training_medians():
    X, y = s08.load_pima()
    index = s08.split_pima(X, y)
    X_train, X_test = X[index["train"]], X[index["test"]]
    filled = s09.impute_zeros(X_train, X_test)
    for name in s09.MISSING_AS_ZERO:
        j = s08.FEATURE_NAMES.index(name)
        assert (filled[:, j] > 0).all()
        was_zero = X_test[:, j] == 0
        median = np.median(X_train[X_train[:, j] > 0, j])
        assert (filled[was_zero, j] == median).all()
    pregnancies = s08.FEATURE_NAMES.index("Pregnancies")
    assert (filled[:, pregnancies] == X_test[:, pregnancies]).all()


def test_s09_comparison_supports_the_prose(snippet_result):
    pima = snippet_result("part2/s08_pima_diabetes")
    result = snippet_result("part2/s09_ml_vs_dl")
    assert result.network_accuracy == pytest.approx(
        pima.test_accuracy, abs=1e-6)
    two_se = 2 * result.standard_error
    # "about equally accurate"; "does not move the accuracy by more than
    # the noise"; "both beat the majority rule clearly"
    assert abs(result.network_accuracy - result.logreg_accuracy) < two_se
    assert abs(result.logreg_engineered_accuracy
               - result.logreg_accuracy) < two_se
    for accuracy in (result.logreg_accuracy, result.network_accuracy):
        assert accuracy > result.majority_accuracy + 0.05
    assert result.split_min <= result.split_mean <= result.split_max
    assert 1500 < result.network_params / result.logreg_params < 2500
    assert result.insulin_zeros == 374
