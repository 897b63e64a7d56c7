"""Train the TensorFlow beginner quickstart model on an MNIST subset.

Section: II-6 MNIST quickstart
"""
import functools
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np

from snippets.common.datasets import load_mnist

SEED = 1
NUM_TRAIN = 10_000  # the first 10,000 of the 60,000 training images
NUM_EPOCHS = 5
BATCH_SIZE = 128


@dataclass
class QuickstartResult:
    """What the page quotes from the MNIST quickstart run."""

    num_train: int
    num_test: int
    num_epochs: int
    batch_size: int
    untrained_loss: float  # loss of the freshly initialised model
    chance_loss: float  # ln 10: the loss of a uniform guess
    first_label: int  # true label of the first training image
    train_accuracy: float  # last epoch, with dropout active
    train_loss: float
    test_accuracy: float
    test_loss: float
    first_test_label: int
    first_test_prediction: int
    first_test_probability: float  # softmax probability of that class
    num_params: int


# --8<-- [start:data]
def mnist_arrays(num_train=NUM_TRAIN):
    """MNIST scaled from bytes 0..255 to floats in [0, 1]."""
    (x_train, y_train), (x_test, y_test) = load_mnist()
    x_train = x_train[:num_train].astype("float32") / 255.0
    x_test = x_test.astype("float32") / 255.0
    return x_train, y_train[:num_train], x_test, y_test
# --8<-- [end:data]


# --8<-- [start:model]
def build_quickstart_model():
    """Flatten -> Dense(128, relu) -> Dropout(0.2) -> Dense(10) logits."""
    return keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),  # 28 x 28 image -> vector of 784
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.2),  # drops 20 % of units while training
        keras.layers.Dense(10),  # one logit per digit, no softmax
    ])
# --8<-- [end:model]


# --8<-- [start:train]
@functools.lru_cache(maxsize=1)  # the plot snippet reuses this run
def train_quickstart(num_train=NUM_TRAIN, num_epochs=NUM_EPOCHS,
                     batch_size=BATCH_SIZE, seed=SEED):
    """Seed, build, compile and fit; returns (model, history, before).

    `before` is the loss of the untrained model on the first image.
    """
    keras.utils.set_random_seed(seed)
    x_train, y_train, _, _ = mnist_arrays(num_train)
    model = build_quickstart_model()
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    logits = model(x_train[:1])  # an untrained model guesses
    before = float(loss_fn(y_train[:1], logits))
    model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=num_epochs,
                        batch_size=batch_size, verbose=2)
    return model, history, before
# --8<-- [end:train]


def main(out_dir: Path | None = None) -> QuickstartResult:
    """Train, evaluate on the full test set, predict one test image."""
    keras.utils.set_random_seed(SEED)
    x_train, y_train, x_test, y_test = mnist_arrays()
    model, history, before = train_quickstart()
    # --8<-- [start:evaluate]
    test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=2)
    probability_model = keras.Sequential([model, keras.layers.Softmax()])
    probabilities = probability_model.predict(x_test[:5], verbose=0)
    print("predicted:", probabilities.argmax(axis=1), "true:", y_test[:5])
    # --8<-- [end:evaluate]
    return QuickstartResult(
        num_train=len(x_train), num_test=len(x_test),
        num_epochs=NUM_EPOCHS, batch_size=BATCH_SIZE,
        untrained_loss=before, chance_loss=float(np.log(10)),
        first_label=int(y_train[0]),
        train_accuracy=float(history.history["accuracy"][-1]),
        train_loss=float(history.history["loss"][-1]),
        test_accuracy=float(test_accuracy), test_loss=float(test_loss),
        first_test_label=int(y_test[0]),
        first_test_prediction=int(probabilities[0].argmax()),
        first_test_probability=float(probabilities[0].max()),
        num_params=int(model.count_params()))


if __name__ == "__main__":
    main()
