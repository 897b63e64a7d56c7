"""Classify Fashion-MNIST clothing images with a small dense network.

Draws, as the TensorFlow tutorial does, the first 25 training images,
test images 0 and 12 and then the first 15 beside their class
probabilities, and the confusion matrix of all test predictions.

Section: II-7 Fashion-MNIST classification
Figure: s07_fashion_mnist_samples.svg, s07_fashion_mnist_pair.svg,
    s07_fashion_mnist_grid.svg, s07_fashion_mnist_confusion.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 1
NUM_EPOCHS = 10  # as in the tutorial
BATCH_SIZE = 128  # the tutorial keeps fit's default, 32
# --8<-- [start:classes]
CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
# --8<-- [end:classes]
RIGHT, WRONG, OTHER = "#1f77b4", "#d62728", "#999999"


@dataclass
class FashionResult:
    """What the page quotes from the Fashion-MNIST run."""

    num_train: int
    num_test: int
    num_epochs: int
    batch_size: int
    train_accuracy: float  # fit's average over the last epoch
    train_eval_accuracy: float  # evaluate() on the training images
    train_eval_loss: float
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
    first_class: str  # class of the first training image
    true0: str  # test image 0: its class, the prediction, its probability
    pred0: str
    conf0: float
    true12: str  # test image 12, the same
    pred12: str
    conf12: float
    num_wrong_of_15: int  # mistakes among the first 15 test images
    predictions: np.ndarray  # softmax probabilities, all test images


def fashion_arrays():
    """Fashion-MNIST, training and test images scaled to [0, 1]."""
    (x_train, y_train), (x_test, y_test) = (
        keras.datasets.fashion_mnist.load_data())
    x_train = x_train.astype("float32") / 255.0
    x_test = x_test.astype("float32") / 255.0
    return x_train, y_train, x_test, y_test


# --8<-- [start:train]
def train_fashion(x_train, y_train, num_epochs=NUM_EPOCHS,
                  batch_size=BATCH_SIZE, seed=SEED):
    """Seed, build, compile and fit the tutorial's model."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),  # logits
    ])
    model.compile(
        optimizer="adam",
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
        steps_per_execution=50)  # 50 steps per call: same updates, faster
    history = model.fit(x_train, y_train, epochs=num_epochs,
                        batch_size=batch_size, verbose=2)
    return model, history
# --8<-- [end:train]


def plot_samples(train_images, train_labels):
    """A 5 x 5 grid of the first training images, as in the tutorial."""
    # --8<-- [start:grid]
    fig = plt.figure(figsize=(8, 8.6))
    for i in range(25):
        ax = fig.add_subplot(5, 5, i + 1)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.imshow(train_images[i] / 255.0, cmap=plt.cm.binary)
        ax.set_xlabel(CLASS_NAMES[train_labels[i]])
    # --8<-- [end:grid]
    fig.tight_layout()


# --8<-- [start:helpers]
def plot_image(ax, probabilities, true_label, image):
    """The image, captioned 'predicted confidence% (true)'; blue if the
    prediction is right, red if it is wrong."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.imshow(image, cmap=plt.cm.binary)
    guess = int(np.argmax(probabilities))
    color = RIGHT if guess == true_label else WRONG
    ax.set_xlabel(f"{CLASS_NAMES[guess]} {100 * probabilities.max():.0f}%"
                  f" ({CLASS_NAMES[true_label]})", color=color, fontsize=9)


def plot_value_array(ax, probabilities, true_label):
    """Ten bars, one per class: the predicted class red (wrong) or
    blue (right); the true class always blue."""
    ax.set_xticks(range(10))
    ax.set_yticks([])
    bars = ax.bar(range(10), probabilities, color=OTHER)
    ax.set_ylim(0, 1)
    bars[int(np.argmax(probabilities))].set_color(WRONG)
    bars[true_label].set_color(RIGHT)
# --8<-- [end:helpers]


def plot_predictions(indices, probabilities, labels, images, num_cols):
    """Image + bars for each index, `num_cols` pairs per row."""
    num_rows = -(-len(indices) // num_cols)
    fig, axes = plt.subplots(num_rows, 2 * num_cols,
                             figsize=(3.4 * num_cols, 2.2 * num_rows),
                             squeeze=False)
    for k, i in enumerate(indices):
        row, col = divmod(k, num_cols)
        plot_image(axes[row, 2 * col], probabilities[i], labels[i],
                   images[i])
        plot_value_array(axes[row, 2 * col + 1], probabilities[i],
                         labels[i])
    fig.tight_layout()


# --8<-- [start:confusion]
def confusion_matrix(y_true, y_pred, num_classes=10):
    """counts[i, j] = how many images of class i were predicted as j."""
    flat = num_classes * np.asarray(y_true) + np.asarray(y_pred)
    counts = np.bincount(flat, minlength=num_classes ** 2)
    return counts.reshape(num_classes, num_classes)
# --8<-- [end:confusion]


def plot_confusion(counts):
    """Counts as a heat map with the number written in each cell."""
    fig, ax = plt.subplots(figsize=(7.2, 6.4))
    image = ax.imshow(counts, cmap="Blues")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    ax.set_xticks(range(10), CLASS_NAMES, rotation=45, ha="right")
    ax.set_yticks(range(10), CLASS_NAMES)
    ax.set(xlabel="predicted class", ylabel="true class")
    dark = counts.max() / 2
    for i in range(10):
        for j in range(10):
            ax.text(j, i, str(counts[i, j]), ha="center", va="center",
                    fontsize=7.5,
                    color="white" if counts[i, j] > dark else "black")
    fig.tight_layout()


def main() -> FashionResult:
    """Look at the data, train, evaluate, and draw the predictions."""
    keras.utils.set_random_seed(SEED)
    (train_images, train_labels), _ = keras.datasets.fashion_mnist.load_data()
    plot_samples(train_images, train_labels)
    x_train, y_train, x_test, y_test = fashion_arrays()
    model, history = train_fashion(x_train, y_train)
    # --8<-- [start:evaluate]
    train_eval_loss, train_eval_accuracy = model.evaluate(
        x_train, y_train, batch_size=1000, verbose=2)
    test_loss, test_accuracy = model.evaluate(
        x_test, y_test, batch_size=1000, verbose=2)
    print(f"accuracy: training {train_eval_accuracy:.3f}, "
          f"test {test_accuracy:.3f}")
    # --8<-- [end:evaluate]
    # --8<-- [start:predict]
    probability_model = keras.Sequential([model, keras.layers.Softmax()])
    predictions = probability_model.predict(x_test, batch_size=1000,
                                            verbose=0)
    # --8<-- [end:predict]
    plot_predictions([0, 12], predictions, y_test, x_test, 2)
    plot_predictions(range(15), predictions, y_test, x_test, 3)
    guesses = predictions.argmax(axis=1)
    counts = confusion_matrix(y_test, guesses)
    plot_confusion(counts)
    plt.show()
    recall = counts.diagonal() / counts.sum(axis=1)
    mistakes = counts.copy()
    np.fill_diagonal(mistakes, 0)
    true_cls, pred_cls = np.unravel_index(mistakes.argmax(), mistakes.shape)
    return FashionResult(
        num_train=len(x_train), num_test=len(x_test),
        num_epochs=NUM_EPOCHS, batch_size=BATCH_SIZE,
        train_accuracy=float(history.history["accuracy"][-1]),
        train_eval_accuracy=float(train_eval_accuracy),
        train_eval_loss=float(train_eval_loss),
        test_accuracy=float(test_accuracy), test_loss=float(test_loss),
        best_class=CLASS_NAMES[recall.argmax()],
        best_class_accuracy=float(recall.max()),
        worst_class=CLASS_NAMES[recall.argmin()],
        worst_class_accuracy=float(recall.min()),
        confused_true=CLASS_NAMES[true_cls],
        confused_pred=CLASS_NAMES[pred_cls],
        confused_count=int(mistakes.max()),
        confusion=counts.tolist(),
        first_class=CLASS_NAMES[train_labels[0]],
        true0=CLASS_NAMES[y_test[0]], pred0=CLASS_NAMES[guesses[0]],
        conf0=float(predictions[0].max()),
        true12=CLASS_NAMES[y_test[12]], pred12=CLASS_NAMES[guesses[12]],
        conf12=float(predictions[12].max()),
        num_wrong_of_15=int((guesses[:15] != y_test[:15]).sum()),
        predictions=predictions)


if __name__ == "__main__":
    main()
