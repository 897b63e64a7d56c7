"""II-9: logistic regression vs the network of II-8 on the same split."""

import numpy as np
import pytest

from snippets.part2 import s08_pima_diabetes as s08
from snippets.part2 import s09_ml_vs_dl as s09


@pytest.fixture(scope="module")
def split():
    """Training and test rows of II-8's split, unscaled."""
    X, y = s08.load_pima()
    index = s08.split_pima(X, y)
    return (X[index["train"]], y[index["train"]], X[index["test"]],
            y[index["test"]])


def test_logistic_regression_is_the_maximum_likelihood_fit(split):
    X_train, y_train, _, _ = split
    X_train = s08.MinMaxScaler().fit(X_train).transform(X_train)
    w = s09.fit_logistic_regression(X_train, y_train)
    X1 = np.column_stack([np.ones(len(X_train)), X_train])
    p = 1 / (1 + np.exp(-X1 @ w))
    assert np.abs(X1.T @ (p - y_train)).max() < 1e-6  # gradient is zero


def test_logistic_regression_ignores_minmax_scaling(split):
    X_train, y_train, X_test, _ = split
    scaler = s08.MinMaxScaler().fit(X_train)
    raw = s09.fit_logistic_regression(X_train, y_train)
    scaled = s09.fit_logistic_regression(scaler.transform(X_train),
                                         y_train)
    assert (s09.predict_logistic(raw, X_test) == s09.predict_logistic(
        scaled, scaler.transform(X_test))).all()


def test_impute_zeros_uses_training_medians(split):
    X_train, _, X_test, _ = split
    filled = s09.impute_zeros(X_train, X_test)
    for name in s09.MISSING_AS_ZERO:
        j = s08.FEATURE_NAMES.index(name)
        assert (filled[:, j] > 0).all()
        was_zero = X_test[:, j] == 0
        median = np.median(X_train[X_train[:, j] > 0, j])
        assert (filled[was_zero, j] == median).all()
    pregnancies = s08.FEATURE_NAMES.index("Pregnancies")
    assert (filled[:, pregnancies] == X_test[:, pregnancies]).all()


def test_comparison_supports_the_prose(run_snippet):
    pima = run_snippet("part2/s08_pima_diabetes").result
    result = run_snippet("part2/s09_ml_vs_dl").result
    # trained again with II-8's seed: the same network, the same score
    assert result.network_accuracy == pytest.approx(
        pima.test_accuracy, abs=1e-6)
    assert result.network_params == pima.num_params
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
