"""Train a small dense network to predict diabetes from the Pima table.

Draws the network as a layer diagram (Graphviz, written as SVG into the
working directory) and the training history, training vs validation.

Section: II-8 Pima diabetes binary classifier
Figure: s08_pima_diabetes_model.svg, s08_pima_diabetes_history.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.common.model_diagram import write_model_diagram

SEED = 1
MAX_EPOCHS = 1000  # an upper bound: EarlyStopping ends the run
FEATURE_NAMES = ["Pregnancies", "Glucose", "BloodPressure",
                 "SkinThickness", "Insulin", "BMI",
                 "DiabetesPedigreeFunction", "Age"]
# --8<-- [start:data]
PIMA_URL = ("https://raw.githubusercontent.com/jbrownlee/Datasets/master/"
            "pima-indians-diabetes.data.csv")
PIMA_SHA256 = ("6bfe5d0f379d17a0e0819b996407e3c0"
               "9bf80febd4287f2ed212190dfff154af")


def load_pima():
    """The table as float32 arrays: features (768, 8), labels (768,)."""
    path = keras.utils.get_file("pima-indians-diabetes.csv",
                                origin=PIMA_URL, file_hash=PIMA_SHA256)
    data = np.loadtxt(path, delimiter=",", dtype="float32")
    return data[:, :8], data[:, 8]
# --8<-- [end:data]


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
    final_train_loss: float  # last epoch run (past the best one)
    final_val_loss: float
    restored_val_loss: float  # the returned model on the validation rows
    history: dict  # history.history: per-epoch loss and accuracy


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


def pima_splits(X, y, index):
    """Scaled (X, y) pairs for train, val and test; the scaler is fitted
    on the training rows only."""
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


def train_pima(data, seed=SEED, max_epochs=MAX_EPOCHS):
    """Fit with early stopping; returns (model, history, early_stop)."""
    keras.utils.set_random_seed(seed)
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


# --8<-- [start:plot]
def plot_history(history, best_epoch):
    """Two panels: loss and accuracy per epoch, train and validation."""
    logs = history.history
    epochs = np.arange(1, len(logs["loss"]) + 1)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    for ax, metric in zip(axes, ["loss", "accuracy"]):
        ax.plot(epochs, logs[metric], label=f"training {metric}")
        ax.plot(epochs, logs[f"val_{metric}"], label=f"validation {metric}")
        ax.axvline(best_epoch, color="grey", ls="--", lw=1,
                   label=f"best epoch ({best_epoch}), restored")
        ax.set(xlabel="epoch", ylabel=metric)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
# --8<-- [end:plot]


def main() -> PimaResult:
    """Split and scale the table, draw the model, train it, evaluate it
    on the untouched test rows and draw its history."""
    keras.utils.set_random_seed(SEED)
    # --8<-- [start:ranges]
    X, y = load_pima()
    index = split_pima(X, y)
    X_train, X_test = X[index["train"]], X[index["test"]]
    print(f"{'feature':<25} {'training rows':>15} {'all 768 rows':>15}")
    for j, name in enumerate(FEATURE_NAMES):
        train = f"{X_train[:, j].min():g} .. {X_train[:, j].max():g}"
        full = f"{X[:, j].min():g} .. {X[:, j].max():g}"
        print(f"{name:<25} {train:>15} {full:>15}")
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    scaled = (X_test - low) / (high - low)
    outside = (scaled < 0) | (scaled > 1)
    print("test values outside [0, 1] after the training-row scaler:",
          int(outside.sum()), "of", outside.size)
    # --8<-- [end:ranges]
    data = pima_splits(X, y, index)
    # --8<-- [start:summary]
    model = build_pima_model()
    model.summary()
    # --8<-- [end:summary]
    # --8<-- [start:diagram]
    write_model_diagram(model, "s08_pima_diabetes_model.svg",
                        show_shapes=True, show_layer_names=True,
                        show_layer_activations=True)
    # --8<-- [end:diagram]
    model, history, early_stop = train_pima(data)
    X_test, y_test = data["test"]
    # --8<-- [start:evaluate]
    model.summary()
    test_loss, test_accuracy = model.evaluate(X_test, y_test, verbose=0)
    print(f"test loss {test_loss:.3f}, test accuracy {test_accuracy:.3f}")
    # --8<-- [end:evaluate]
    plot_history(history, early_stop.best_epoch + 1)
    plt.show()
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
        num_params=int(model.count_params()),
        final_train_loss=float(history.history["loss"][-1]),
        final_val_loss=float(history.history["val_loss"][-1]),
        restored_val_loss=float(
            model.evaluate(*data["val"], verbose=0)[0]),
        history=history.history)


if __name__ == "__main__":
    main()
