"""Train the TensorFlow beginner quickstart model on all of MNIST.

Evaluates it on the training and the test set the same way, and draws
the first 20 test digits and the first 20 the model gets wrong, each
titled with its prediction, mistakes framed in red.

Section: II-6 MNIST quickstart
Figure: s06_mnist_quickstart_predictions.svg
"""
import math
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 1
NUM_EPOCHS = 5  # as in the tutorial
BATCH_SIZE = 128  # the tutorial keeps fit's default, 32
NUM_ROWS, NUM_COLS = 4, 10  # the figure: 20 test images, 20 mistakes
NUM_FIRST = 20  # the first 20 test images fill the top two rows


@dataclass
class QuickstartResult:
    """What the page quotes from the MNIST quickstart run."""

    num_train: int
    num_test: int
    num_epochs: int
    batch_size: int
    steps_per_epoch: int  # ceil(num_train / batch_size)
    untrained_loss: float  # loss of the freshly initialised model
    chance_loss: float  # ln 10: the loss of a uniform guess
    first_label: int  # true label of the first training image
    train_accuracy: float  # fit's average over the last epoch
    train_loss: float
    train_eval_accuracy: float  # evaluate() on the training images
    train_eval_loss: float
    test_accuracy: float
    test_loss: float
    first_test_label: int
    first_test_prediction: int
    first_test_probability: float  # softmax probability of that class
    num_params: int
    num_first: int  # the first test digits in the figure ...
    num_wrong_of_first: int  # ... of which the model gets wrong
    num_mistakes_shown: int  # then the first mistakes after those
    num_test_wrong: int  # test digits the model gets wrong, of 10,000
    shown_indices: list = field(default_factory=list)  # in the figure
    wrong_indices: list = field(default_factory=list)  # all mistakes


# --8<-- [start:data]
def mnist_arrays():
    """MNIST scaled from bytes 0..255 to floats in [0, 1]."""
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    x_train = x_train.astype("float32") / 255.0
    x_test = x_test.astype("float32") / 255.0
    return x_train, y_train, x_test, y_test
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
def train_quickstart(x_train, y_train, num_epochs=NUM_EPOCHS,
                     batch_size=BATCH_SIZE, seed=SEED):
    """Seed, build, compile and fit; returns (model, history, before).

    `before` is the loss of the untrained model on the first image.
    """
    keras.utils.set_random_seed(seed)
    model = build_quickstart_model()
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    logits = model(x_train[:1])  # an untrained model guesses
    before = float(loss_fn(y_train[:1], logits))
    model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"],
                  steps_per_execution=50)  # 50 steps per call: faster
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
    """Train on all 60,000 images, evaluate on both sets, predict and
    draw test images."""
    keras.utils.set_random_seed(SEED)
    x_train, y_train, x_test, y_test = mnist_arrays()
    model, history, before = train_quickstart(x_train, y_train)
    # --8<-- [start:evaluate]
    train_eval_loss, train_eval_accuracy = model.evaluate(
        x_train, y_train, batch_size=1000, verbose=2)
    test_loss, test_accuracy = model.evaluate(
        x_test, y_test, batch_size=1000, verbose=2)
    probability_model = keras.Sequential([model, keras.layers.Softmax()])
    probabilities = probability_model.predict(x_test[:5], verbose=0)
    print("predicted:", probabilities.argmax(axis=1), "true:", y_test[:5])
    # --8<-- [end:evaluate]
    predicted = model.predict(x_test, batch_size=1000,
                              verbose=0).argmax(axis=1)
    wrong = np.flatnonzero(predicted != y_test)
    later_mistakes = wrong[wrong >= NUM_FIRST]
    shown = np.concatenate([
        np.arange(NUM_FIRST),
        later_mistakes[:NUM_ROWS * NUM_COLS - NUM_FIRST]])
    plot_digit_grid(x_test[shown], y_test[shown], predicted[shown])
    plt.show()
    return QuickstartResult(
        num_train=len(x_train), num_test=len(x_test),
        num_epochs=NUM_EPOCHS, batch_size=BATCH_SIZE,
        steps_per_epoch=math.ceil(len(x_train) / BATCH_SIZE),
        untrained_loss=before, chance_loss=float(np.log(10)),
        first_label=int(y_train[0]),
        train_accuracy=float(history.history["accuracy"][-1]),
        train_loss=float(history.history["loss"][-1]),
        train_eval_accuracy=float(train_eval_accuracy),
        train_eval_loss=float(train_eval_loss),
        test_accuracy=float(test_accuracy), test_loss=float(test_loss),
        first_test_label=int(y_test[0]),
        first_test_prediction=int(probabilities[0].argmax()),
        first_test_probability=float(probabilities[0].max()),
        num_params=int(model.count_params()),
        num_first=NUM_FIRST,
        num_wrong_of_first=int((wrong < NUM_FIRST).sum()),
        num_mistakes_shown=len(shown) - NUM_FIRST,
        num_test_wrong=len(wrong), shown_indices=shown.tolist(),
        wrong_indices=wrong.tolist())


if __name__ == "__main__":
    main()
