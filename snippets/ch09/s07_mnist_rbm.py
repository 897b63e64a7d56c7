"""RBMs on binarised MNIST: CD-1 with sampled states, and with
probabilities.

Both RBMs start from the same weights, see the same mini-batches and
differ only in the `sampled` switch of 9-6's CD-1 step. They are scored
by the reconstruction error on held-out test digits against the
mean-image baseline; their filters and reconstructions are drawn.
Training is cut for the build's time (a subset, a few epochs).

Section: 9-7 Practice: MNIST (1), sampling
Figure: s07_mnist_rbm_filters.svg, s07_mnist_rbm_reconstructions.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch09.s06_cd1_tensorflow import cd1_update

SEED = 7
NUM_TRAIN = 12_000  # of 60,000: the build's time budget
NUM_TEST = 10_000
NUM_HIDDEN = 64
NUM_EPOCHS = 5
BATCH_SIZE = 100
LR = 0.1


@dataclass
class MnistRBMResult:
    """What the pages quote from the two MNIST runs."""

    num_train: int
    num_test: int
    num_hidden: int
    num_epochs: int
    sampled_error: float  # test reconstruction MSE per pixel
    probability_error: float
    mean_image_error: float  # baseline: every digit -> the mean image
    sampled_history: list  # test error after each epoch
    probability_history: list


# --8<-- [start:data]
def binarised_mnist(num_train=NUM_TRAIN, num_test=NUM_TEST):
    """Flattened MNIST digits, each pixel 1 where it is > 127."""
    (x_train, _), (x_test, _) = keras.datasets.mnist.load_data()
    def binarise(x):
        return (x.reshape(len(x), 784) > 127).astype("float32")
    return binarise(x_train[:num_train]), binarise(x_test[:num_test])
# --8<-- [end:data]


# --8<-- [start:train]
def reconstruct(params, x):
    """x -> p(h | x) -> p(x | h): a deterministic reconstruction."""
    W, b, c = params
    p_h = tf.sigmoid(tf.matmul(x, W, transpose_b=True) + c)
    return tf.sigmoid(tf.matmul(p_h, W) + b)


def reconstruction_error(params, x):
    return float(tf.reduce_mean((x - reconstruct(params, x)) ** 2))


def train_rbm(x_train, x_test, sampled, seed=SEED):
    """CD-1 over NUM_EPOCHS epochs; the test error after each one."""
    init = np.random.default_rng(seed)
    W = tf.Variable(init.normal(0, 0.01, (NUM_HIDDEN, 784)),
                    dtype=tf.float32)
    mean = x_train.mean(axis=0)  # b starts at the pixels' log-odds
    b = tf.Variable(np.log((mean + 1e-3) / (1 - mean + 1e-3)),
                    dtype=tf.float32)
    c = tf.Variable(tf.zeros(NUM_HIDDEN))
    params, rng = (W, b, c), tf.random.Generator.from_seed(seed)
    batches = tf.constant(x_train.reshape(-1, BATCH_SIZE, 784))

    @tf.function
    def epoch(order):
        for i in tf.range(len(order)):
            cd1_update(params, tf.gather(batches, order[i]), rng, LR,
                       sampled)

    shuffle, history = np.random.default_rng(seed), []
    for _ in range(NUM_EPOCHS):
        epoch(tf.constant(shuffle.permutation(len(batches))))
        history.append(reconstruction_error(params, x_test))
    return params, history
# --8<-- [end:train]


def tile(images, rows, cols, size=28, gap=1):
    """Images as one array, so the grid is drawn as a single bitmap."""
    grid = np.full((rows * (size + gap) - gap, cols * (size + gap) - gap),
                   np.nan)
    for k, image in enumerate(images[:rows * cols]):
        r, q = divmod(k, cols)
        grid[r * (size + gap):r * (size + gap) + size,
             q * (size + gap):q * (size + gap) + size] = image.reshape(
                 size, size)
    return grid


def plot_filters(runs):
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.8))
    for ax, (name, params) in zip(axes, runs):
        W = params[0].numpy()
        W = W / np.abs(W).max(axis=1, keepdims=True)  # each in [-1, 1]
        ax.imshow(tile(W, 6, 8), cmap="RdBu_r", vmin=-1, vmax=1,
                  interpolation="none")
        ax.set_title(f"{name}: 48 of the 64 rows of W", fontsize=10)
        ax.axis("off")
    fig.tight_layout()


def plot_reconstructions(x, runs, num=12):
    rows = [x[:num]] + [reconstruct(p, x[:num]).numpy() for _, p in runs]
    fig, ax = plt.subplots(figsize=(9, 2.6))
    ax.imshow(tile(np.concatenate(rows), len(rows), num), cmap="gray_r",
              vmin=0, vmax=1, interpolation="none")
    ax.set_yticks([14 + 29 * r for r in range(len(rows))],
                  ["test digit"] + [name for name, _ in runs])
    ax.set_xticks([])
    fig.tight_layout()


def main() -> MnistRBMResult:
    """Train both RBMs, score them against the mean image, draw."""
    keras.utils.set_random_seed(SEED)
    x_train, x_test = binarised_mnist()
    x_test_t = tf.constant(x_test)
    # --8<-- [start:compare]
    sampled, sampled_history = train_rbm(x_train, x_test_t, sampled=True)
    probability, probability_history = train_rbm(x_train, x_test_t,
                                                  sampled=False)
    mean_image_error = float(np.mean((x_test - x_train.mean(axis=0)) ** 2))
    # --8<-- [end:compare]
    runs = [("sampled", sampled), ("probabilities", probability)]
    plot_filters(runs)
    plot_reconstructions(x_test, runs)
    plt.show()
    return MnistRBMResult(
        num_train=len(x_train), num_test=len(x_test),
        num_hidden=NUM_HIDDEN, num_epochs=NUM_EPOCHS,
        sampled_error=sampled_history[-1],
        probability_error=probability_history[-1],
        mean_image_error=mean_image_error,
        sampled_history=sampled_history,
        probability_history=probability_history)


if __name__ == "__main__":
    main()
