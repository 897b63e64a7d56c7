"""Logistic regression vs a small network on the same Pima split.

The network is section II-8's, trained again here with the same seed.
Models scored on the same test rows are compared with McNemar's exact
test on the rows where they disagree.

Section: II-9 ML vs DL and feature engineering
"""
import math
from dataclasses import dataclass

import keras
import numpy as np

from snippets.part2.s08_pima_diabetes import (FEATURE_NAMES, SEED,
                                             MinMaxScaler, load_pima,
                                             pima_splits, split_pima,
                                             train_pima)

# Columns where a 0 cannot be a real measurement (a living person has
# a blood pressure and a BMI): there 0 means "not measured".
MISSING_AS_ZERO = ["Glucose", "BloodPressure", "SkinThickness", "Insulin",
                   "BMI"]
NUM_SPLITS = 20  # re-splits used to measure how noisy one split is


@dataclass
class Comparison:
    """Test accuracies on the 154 test rows of section II-8's split."""

    num_test: int
    logreg_accuracy: float
    logreg_engineered_accuracy: float
    network_accuracy: float
    majority_accuracy: float
    standard_error: float  # of an accuracy near 0.77 on 154 rows
    one_row_points: float  # one test row, in percentage points
    disagreements: int  # test rows where logreg and network differ
    logreg_only: int  # ... of which only the logistic regression is right
    network_only: int  # ... only the network is right
    network_p_value: float  # McNemar, logreg vs network
    engineered_only: int  # imputed logreg right, raw logreg wrong
    raw_only: int  # raw logreg right, imputed logreg wrong
    engineered_p_value: float  # McNemar, raw vs imputed logreg
    param_ratio: float  # network parameters / logreg parameters
    logreg_params: int
    network_params: int
    num_splits: int
    split_mean: float  # logreg accuracy over NUM_SPLITS other splits
    split_std: float
    split_min: float
    split_max: float
    insulin_zeros: int  # rows with Insulin == 0 in the whole table


# --8<-- [start:logreg]
def fit_logistic_regression(X, y, num_steps=25):
    """Maximum-likelihood logistic regression by Newton's method.

    The same model as keras.layers.Dense(1, activation="sigmoid") with
    binary cross-entropy, fitted to convergence: p = sigmoid(X w + b).
    """
    X1 = np.column_stack([np.ones(len(X)), X]).astype("float64")
    w = np.zeros(X1.shape[1])
    for _ in range(num_steps):
        p = 1 / (1 + np.exp(-X1 @ w))
        gradient = X1.T @ (p - y)  # of the summed cross-entropy
        hessian = X1.T @ (X1 * (p * (1 - p))[:, None])
        w -= np.linalg.solve(hessian, gradient)
    return w


def predict_logistic(w, X):
    """0/1 predictions: P(y = 1 | x) > 0.5."""
    return (w[0] + X @ w[1:] > 0).astype("float32")
# --8<-- [end:logreg]


# --8<-- [start:engineer]
def impute_zeros(X_fit, X):
    """Replace impossible zeros by the median of the measured values of
    `X_fit` (the training rows), column by column."""
    X = X.copy()
    for name in MISSING_AS_ZERO:
        j = FEATURE_NAMES.index(name)
        measured = X_fit[:, j][X_fit[:, j] > 0]
        X[X[:, j] == 0, j] = np.median(measured)
    return X
# --8<-- [end:engineer]


# --8<-- [start:mcnemar]
def mcnemar_exact(correct_a, correct_b):
    """McNemar's exact test of two models scored on the same rows.

    correct_a, correct_b: booleans, one per row, True where the model is
    right. Rows where both are right or both wrong say nothing about
    which is better; of the others, b favour A and c favour B. If the
    two are equally accurate, each such row is a fair coin toss, so b is
    Binomial(b + c, 1/2). Returns b, c and the two-sided p-value: the
    probability of a split at least this uneven by chance.
    """
    correct_a, correct_b = np.asarray(correct_a), np.asarray(correct_b)
    b = int(np.sum(correct_a & ~correct_b))
    c = int(np.sum(~correct_a & correct_b))
    n = b + c
    tail = sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n
    return b, c, min(1.0, 2 * tail)
# --8<-- [end:mcnemar]


def logreg_accuracy_on_split(X, y, seed, engineer=False):
    """Fit on the training rows of a split, score on its test rows."""
    index = split_pima(X, y, seed)
    X_train, X_test = X[index["train"]], X[index["test"]]
    if engineer:
        X_train, X_test = (impute_zeros(X_train, X_train),
                           impute_zeros(X_train, X_test))
    scaler = MinMaxScaler().fit(X_train)
    w = fit_logistic_regression(scaler.transform(X_train), y[index["train"]])
    prediction = predict_logistic(w, scaler.transform(X_test))
    return float((prediction == y[index["test"]]).mean()), prediction


def main() -> Comparison:
    """Both models on section II-8's split, plus the split-to-split noise
    of the logistic regression."""
    keras.utils.set_random_seed(SEED)
    X, y = load_pima()
    logreg, logreg_pred = logreg_accuracy_on_split(X, y, SEED)
    engineered, engineered_pred = logreg_accuracy_on_split(
        X, y, SEED, engineer=True)
    data = pima_splits(X, y, split_pima(X, y, SEED))
    model, _, _ = train_pima(data)  # section II-8's network, same seed
    X_test, y_test = data["test"]
    network_pred = (model.predict(X_test, verbose=0)[:, 0] > 0.5)
    network = float((network_pred == y_test).mean())
    others = [logreg_accuracy_on_split(X, y, seed)[0]
              for seed in range(100, 100 + NUM_SPLITS)]
    print(f"logistic regression {logreg:.3f}, with imputed zeros "
          f"{engineered:.3f}, network {network:.3f}")
    logreg_right = logreg_pred == y_test
    b, c, p = mcnemar_exact(logreg_right, network_pred == y_test)
    print(f"logistic regression vs network: {b + c} disagreements, "
          f"{b} won by the regression, {c} by the network, p = {p:.2f}")
    b_raw, c_eng, p_eng = mcnemar_exact(logreg_right,
                                        engineered_pred == y_test)
    print(f"raw vs imputed: {b_raw} won by raw, {c_eng} by imputed, "
          f"p = {p_eng:.2f}")
    return Comparison(
        num_test=len(y_test), logreg_accuracy=logreg,
        logreg_engineered_accuracy=engineered, network_accuracy=network,
        majority_accuracy=float((y_test == 0).mean()),
        standard_error=float(np.sqrt(logreg * (1 - logreg) / len(y_test))),
        one_row_points=100 / len(y_test),
        disagreements=int((logreg_pred != network_pred).sum()),
        logreg_only=b, network_only=c, network_p_value=p,
        engineered_only=c_eng, raw_only=b_raw, engineered_p_value=p_eng,
        param_ratio=model.count_params() / (X.shape[1] + 1),
        logreg_params=X.shape[1] + 1,
        network_params=int(model.count_params()),
        num_splits=NUM_SPLITS, split_mean=float(np.mean(others)),
        split_std=float(np.std(others)),
        split_min=float(np.min(others)), split_max=float(np.max(others)),
        insulin_zeros=int((X[:, FEATURE_NAMES.index("Insulin")] == 0).sum()))


if __name__ == "__main__":
    main()
