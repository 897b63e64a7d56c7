"""Logistic regression vs a small network on the same Pima split.

The network is section II-8's, trained again here with the same seed.

Section: II-9 ML vs DL and feature engineering
"""
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
    disagreements: int  # test rows where logreg and network differ
    logreg_params: int
    network_params: int
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
    engineered, _ = logreg_accuracy_on_split(X, y, SEED, engineer=True)
    data = pima_splits(X, y, split_pima(X, y, SEED))
    model, _, _ = train_pima(data)  # section II-8's network, same seed
    X_test, y_test = data["test"]
    network_pred = (model.predict(X_test, verbose=0)[:, 0] > 0.5)
    network = float((network_pred == y_test).mean())
    others = [logreg_accuracy_on_split(X, y, seed)[0]
              for seed in range(100, 100 + NUM_SPLITS)]
    print(f"logistic regression {logreg:.3f}, with imputed zeros "
          f"{engineered:.3f}, network {network:.3f}")
    return Comparison(
        num_test=len(y_test), logreg_accuracy=logreg,
        logreg_engineered_accuracy=engineered, network_accuracy=network,
        majority_accuracy=float((y_test == 0).mean()),
        standard_error=float(np.sqrt(logreg * (1 - logreg) / len(y_test))),
        disagreements=int((logreg_pred != network_pred).sum()),
        logreg_params=X.shape[1] + 1,
        network_params=int(model.count_params()),
        split_mean=float(np.mean(others)), split_std=float(np.std(others)),
        split_min=float(np.min(others)), split_max=float(np.max(others)),
        insulin_zeros=int((X[:, FEATURE_NAMES.index("Insulin")] == 0).sum()))


if __name__ == "__main__":
    main()
