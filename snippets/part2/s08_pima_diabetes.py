"""Train a small dense network to predict diabetes from the Pima table.

Section: II-8 Pima diabetes binary classifier
"""
import functools
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np

from snippets.common.datasets import load_pima

SEED = 1
MAX_EPOCHS = 1000  # an upper bound: EarlyStopping ends the run
FEATURE_NAMES = ["Pregnancies", "Glucose", "BloodPressure",
                 "SkinThickness", "Insulin", "BMI",
                 "DiabetesPedigreeFunction", "Age"]


@dataclass
class PimaResult:
    """What the page quotes from the Pima run."""

    num_train: int
    num_val: int
    num_test: int
    positive_rate: float  # share of label 1 in the whole table
    max_epochs: int
    epochs_run: int  # epochs actually trained
    stopped_epoch: int  # 1-based, as EarlyStopping prints it
    best_epoch: int  # 1-based epoch whose weights were restored
    best_val_loss: float
    test_accuracy: float
    test_loss: float
    majority_accuracy: float  # always answering 0 on the test split
    num_params: int


# --8<-- [start:split]
def split_pima(X, y, seed=SEED, test_frac=0.2, val_frac=0.2):
    """Stratified train/validation/test split (both classes keep their
    share in each part), like scikit-learn's train_test_split with
    stratify=y, applied twice."""
    rng = np.random.default_rng(seed)
    parts = {"train": [], "val": [], "test": []}
    for label in (0, 1):
        idx = rng.permutation(np.flatnonzero(y == label))
        n_test = round(test_frac * len(idx))
        n_val = round(val_frac * (len(idx) - n_test))
        parts["test"].append(idx[:n_test])
        parts["val"].append(idx[n_test:n_test + n_val])
        parts["train"].append(idx[n_test + n_val:])
    return {name: np.sort(np.concatenate(ix)) for name, ix in parts.items()}
# --8<-- [end:split]


# --8<-- [start:minmax]
class MinMaxScaler:
    """x' = (x - min) / (max - min), with min and max learnt by fit()."""

    def fit(self, X):
        self.min_ = X.min(axis=0)
        self.range_ = X.max(axis=0) - self.min_
        return self

    def transform(self, X):
        return (X - self.min_) / self.range_
# --8<-- [end:minmax]


@functools.lru_cache(maxsize=1)
def pima_splits(seed=SEED):
    """Scaled (X, y) pairs for train, val and test; the scaler is fitted
    on the training rows only."""
    X, y = load_pima()
    index = split_pima(X, y, seed)
    # --8<-- [start:scale]
    scaler = MinMaxScaler().fit(X[index["train"]])  # training rows only
    data = {name: (scaler.transform(X[ix]), y[ix])
            for name, ix in index.items()}
    # --8<-- [end:scale]
    return data


# --8<-- [start:model]
def build_pima_model():
    """8 features -> 128 -> 128 -> dropout -> P(diabetes)."""
    return keras.Sequential([
        keras.Input(shape=(8,), name="features"),
        keras.layers.Dense(128, activation="relu", name="hidden_1"),
        keras.layers.Dense(128, activation="relu", name="hidden_2"),
        keras.layers.Dropout(0.2, name="dropout"),
        keras.layers.Dense(1, activation="sigmoid", name="diabetes"),
    ], name="pima")
# --8<-- [end:model]


# --8<-- [start:printdot]
class PrintDot(keras.callbacks.Callback):
    """Print one dot per epoch, a new line every 100 epochs."""

    def on_epoch_end(self, epoch, logs=None):
        if epoch % 100 == 0:
            print()
        print(".", end="", flush=True)

    def on_train_end(self, logs=None):
        print()
# --8<-- [end:printdot]


@functools.lru_cache(maxsize=1)  # s08 plots and s09 reuse this run
def train_pima(seed=SEED, max_epochs=MAX_EPOCHS):
    """Fit with early stopping; returns (model, history, early_stop)."""
    keras.utils.set_random_seed(seed)
    data = pima_splits(seed)
    (X_train, y_train), val = data["train"], data["val"]
    model = build_pima_model()
    model.compile(optimizer="adam", loss="binary_crossentropy",
                  metrics=["accuracy"])
    # --8<-- [start:fit]
    early_stop = keras.callbacks.EarlyStopping(
        monitor="val_loss",  # watch the loss on the validation rows
        min_delta=0,  # any decrease at all counts as an improvement
        patience=10,  # stop after 10 epochs without one
        verbose=1,  # print the epoch at which it stopped
        restore_best_weights=True)  # roll back to the best epoch
    history = model.fit(X_train, y_train, epochs=max_epochs,
                        batch_size=32, validation_data=val,
                        callbacks=[early_stop, PrintDot()], verbose=0)
    # --8<-- [end:fit]
    return model, history, early_stop


def main(out_dir: Path | None = None) -> PimaResult:
    """Train, print the summary, evaluate on the untouched test rows."""
    keras.utils.set_random_seed(SEED)
    data = pima_splits()
    model, history, early_stop = train_pima()
    X_test, y_test = data["test"]
    # --8<-- [start:evaluate]
    model.summary()
    test_loss, test_accuracy = model.evaluate(X_test, y_test, verbose=0)
    print(f"test loss {test_loss:.3f}, test accuracy {test_accuracy:.3f}")
    # --8<-- [end:evaluate]
    _, y = load_pima()
    epochs_run = len(history.history["loss"])
    return PimaResult(
        num_train=len(data["train"][1]), num_val=len(data["val"][1]),
        num_test=len(y_test), positive_rate=float(y.mean()),
        max_epochs=MAX_EPOCHS, epochs_run=epochs_run,
        stopped_epoch=early_stop.stopped_epoch + 1,
        best_epoch=early_stop.best_epoch + 1,
        best_val_loss=float(min(history.history["val_loss"])),
        test_accuracy=float(test_accuracy), test_loss=float(test_loss),
        majority_accuracy=float((y_test == 0).mean()),
        num_params=int(model.count_params()))


if __name__ == "__main__":
    main()
