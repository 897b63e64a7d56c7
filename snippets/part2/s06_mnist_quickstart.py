"""Train the TensorFlow beginner quickstart model on an MNIST subset.

Evaluates it on the full test set and draws the first 40 test digits
with the predicted labels, mistakes framed in red.

Section: II-6 MNIST quickstart
Figure: s06_mnist_quickstart_predictions.svg
"""
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 1
NUM_TRAIN = 10_000  # the first 10,000 of the 60,000 training images
NUM_EPOCHS = 5
BATCH_SIZE = 128
NUM_ROWS, NUM_COLS = 4, 10  # the figure: the first 40 test images


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
    num_shown: int  # test digits in the figure
    num_wrong: int  # ... of which the model gets wrong
    wrong_indices: list = field(default_factory=list)


# --8<-- [start:data]
def mnist_arrays(num_train=NUM_TRAIN):
    """MNIST scaled from bytes 0..255 to floats in [0, 1]."""
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
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


def plot_digit_grid(images, labels, predicted):
    """A grid of digits titled with the prediction; mistakes in red."""
    fig, axes = plt.subplots(NUM_ROWS, NUM_COLS, figsize=(10, 4.6))
    for ax, image, label, guess in zip(axes.flat, images, labels,
                                       predicted):
        ax.imshow(image, cmap="gray_r")
        ax.set_xticks([])
        ax.set_yticks([])
        if guess == label:
            ax.set_title(f"{guess}", fontsize=11)
        else:  # wrong: red title and frame, with the true label
            ax.set_title(f"{guess} (true {label})", fontsize=9,
                         color="#d62728")
            for spine in ax.spines.values():
                spine.set(color="#d62728", linewidth=2.5)
    fig.tight_layout()


def main() -> QuickstartResult:
    """Train, evaluate on the full test set, predict and draw test
    images."""
    keras.utils.set_random_seed(SEED)
    x_train, y_train, x_test, y_test = mnist_arrays()
    model, history, before = train_quickstart()
    # --8<-- [start:evaluate]
    test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=2)
    probability_model = keras.Sequential([model, keras.layers.Softmax()])
    probabilities = probability_model.predict(x_test[:5], verbose=0)
    print("predicted:", probabilities.argmax(axis=1), "true:", y_test[:5])
    # --8<-- [end:evaluate]
    count = NUM_ROWS * NUM_COLS
    predicted = model.predict(x_test[:count], verbose=0).argmax(axis=1)
    plot_digit_grid(x_test[:count], y_test[:count], predicted)
    plt.show()
    wrong = np.flatnonzero(predicted != y_test[:count]).tolist()
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
        num_params=int(model.count_params()),
        num_shown=count, num_wrong=len(wrong), wrong_indices=wrong)


if __name__ == "__main__":
    main()
