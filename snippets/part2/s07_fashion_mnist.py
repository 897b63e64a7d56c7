"""Classify Fashion-MNIST clothing images with a small dense network.

Section: II-7 Fashion-MNIST classification
"""
import functools
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np

from snippets.common.datasets import load_fashion_mnist

SEED = 1
NUM_TRAIN = 10_000  # the first 10,000 of the 60,000 training images
NUM_EPOCHS = 5
BATCH_SIZE = 128
# --8<-- [start:classes]
CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
# --8<-- [end:classes]


@dataclass
class FashionResult:
    """What the page quotes from the Fashion-MNIST run."""

    num_train: int
    num_test: int
    num_epochs: int
    batch_size: int
    train_accuracy: float  # last epoch
    test_accuracy: float
    test_loss: float
    best_class: str
    best_class_accuracy: float  # recall of the easiest class
    worst_class: str
    worst_class_accuracy: float
    confused_true: str  # the most frequent mistake: true class ...
    confused_pred: str  # ... predicted as this class
    confused_count: int
    confusion: list  # 10 x 10 counts, rows = true, columns = predicted


def fashion_arrays(num_train=NUM_TRAIN):
    """Fashion-MNIST scaled to [0, 1]; the first `num_train` training
    images and the full test set."""
    (x_train, y_train), (x_test, y_test) = load_fashion_mnist()
    x_train = x_train[:num_train].astype("float32") / 255.0
    x_test = x_test.astype("float32") / 255.0
    return x_train, y_train[:num_train], x_test, y_test


# --8<-- [start:train]
@functools.lru_cache(maxsize=1)  # the figure snippets reuse this run
def train_fashion(num_train=NUM_TRAIN, num_epochs=NUM_EPOCHS,
                  batch_size=BATCH_SIZE, seed=SEED):
    """Seed, build, compile and fit the tutorial's model."""
    keras.utils.set_random_seed(seed)
    x_train, y_train, _, _ = fashion_arrays(num_train)
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),  # logits
    ])
    model.compile(
        optimizer="adam",
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=num_epochs,
                        batch_size=batch_size, verbose=2)
    return model, history
# --8<-- [end:train]


@functools.lru_cache(maxsize=1)
def test_probabilities():
    """Softmax probabilities of the trained model on all test images."""
    model, _ = train_fashion()
    _, _, x_test, _ = fashion_arrays()
    # --8<-- [start:predict]
    probability_model = keras.Sequential([model, keras.layers.Softmax()])
    predictions = probability_model.predict(x_test, verbose=0)
    # --8<-- [end:predict]
    return predictions


# --8<-- [start:confusion]
def confusion_matrix(y_true, y_pred, num_classes=10):
    """counts[i, j] = how many images of class i were predicted as j."""
    flat = num_classes * np.asarray(y_true) + np.asarray(y_pred)
    counts = np.bincount(flat, minlength=num_classes ** 2)
    return counts.reshape(num_classes, num_classes)
# --8<-- [end:confusion]


def main(out_dir: Path | None = None) -> FashionResult:
    """Train, evaluate, and summarise the test predictions."""
    keras.utils.set_random_seed(SEED)
    x_train, _, x_test, y_test = fashion_arrays()
    model, history = train_fashion()
    test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=2)
    print(f"Test accuracy: {test_accuracy:.3f}")
    counts = confusion_matrix(y_test, test_probabilities().argmax(axis=1))
    recall = counts.diagonal() / counts.sum(axis=1)
    mistakes = counts.copy()
    np.fill_diagonal(mistakes, 0)
    true_cls, pred_cls = np.unravel_index(mistakes.argmax(), mistakes.shape)
    return FashionResult(
        num_train=len(x_train), num_test=len(x_test),
        num_epochs=NUM_EPOCHS, batch_size=BATCH_SIZE,
        train_accuracy=float(history.history["accuracy"][-1]),
        test_accuracy=float(test_accuracy), test_loss=float(test_loss),
        best_class=CLASS_NAMES[recall.argmax()],
        best_class_accuracy=float(recall.max()),
        worst_class=CLASS_NAMES[recall.argmin()],
        worst_class_accuracy=float(recall.min()),
        confused_true=CLASS_NAMES[true_cls],
        confused_pred=CLASS_NAMES[pred_cls],
        confused_count=int(mistakes.max()),
        confusion=counts.tolist())


if __name__ == "__main__":
    main()
