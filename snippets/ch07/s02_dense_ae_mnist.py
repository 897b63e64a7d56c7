"""A dense autoencoder squeezes MNIST digits into a code of two numbers.

Trains on a subset of the training images (cut for the build's time),
draws the 2-D codes of test digits coloured by label beside PCA's two
scores, and reconstructions by both; reports the test reconstruction
error against PCA and the mean-image baseline.

Section: 7-2 Practice: dimension reduction with a dense AE
Figure: s02_dense_ae_mnist_codes.svg, s02_dense_ae_mnist_reconstructions.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.decomposition import PCA

SEED = 2
NUM_TRAIN = 6_000  # of 60,000: the build's time budget
NUM_TEST = 2_000  # test digits scored and drawn
NUM_EPOCHS = 10
BATCH_SIZE = 128
CODE_SIZE = 2


@dataclass
class DenseAEResult:
    """What the page quotes from the dense autoencoder run."""

    num_train: int
    num_test: int
    num_epochs: int
    code_size: int
    num_params: int
    ae_mse: float  # test reconstruction error, per pixel
    pca_mse: float  # PCA with two components, fitted on the same images
    mean_mse: float  # baseline: every digit replaced by the mean image
    train_loss: list  # per epoch


# --8<-- [start:data]
def mnist_subset(num_train=NUM_TRAIN, num_test=NUM_TEST):
    """Flattened MNIST in [0, 1]: the first num_train training images
    and the first num_test test images, with their labels."""
    (x_train, _), (x_test, y_test) = keras.datasets.mnist.load_data()
    x_train = x_train[:num_train].reshape(-1, 784).astype("float32") / 255
    x_test = x_test[:num_test].reshape(-1, 784).astype("float32") / 255
    return x_train, x_test, y_test[:num_test]
# --8<-- [end:data]


# --8<-- [start:model]
def build_dense_autoencoder(code_size=CODE_SIZE):
    """784 -> 128 -> 32 -> code -> 32 -> 128 -> 784; returns the
    autoencoder and its encoder (they share the layers)."""
    inputs = keras.Input(shape=(784,))
    h = keras.layers.Dense(128, activation="relu")(inputs)
    h = keras.layers.Dense(32, activation="relu")(h)
    code = keras.layers.Dense(code_size, name="code")(h)  # linear
    h = keras.layers.Dense(32, activation="relu")(code)
    h = keras.layers.Dense(128, activation="relu")(h)
    outputs = keras.layers.Dense(784, activation="sigmoid")(h)
    autoencoder = keras.Model(inputs, outputs, name="dense_autoencoder")
    encoder = keras.Model(inputs, code, name="encoder")
    return autoencoder, encoder
# --8<-- [end:model]


# --8<-- [start:pca]
def pca_reconstruct(x_fit, x, k):
    """Project x on the first k principal directions of x_fit and back
    (scikit-learn's randomized SVD: fast when k is small)."""
    pca = PCA(n_components=k, svd_solver="randomized", random_state=SEED)
    scores = pca.fit(x_fit).transform(x)
    return scores, pca.inverse_transform(scores)
# --8<-- [end:pca]


def plot_codes(ae_codes, pca_scores, labels):
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4))
    for ax, codes, title in [(axes[0], ae_codes, "dense autoencoder"),
                             (axes[1], pca_scores, "PCA, 2 components")]:
        points = ax.scatter(codes[:, 0], codes[:, 1], c=labels, s=4,
                            cmap="tab10", vmin=-0.5, vmax=9.5,
                            rasterized=True)  # 12,000 dots: a bitmap
        ax.set(title=title, xlabel="code 1", ylabel="code 2")
    fig.colorbar(points, ax=axes, ticks=range(10), label="digit")


def plot_reconstructions(x, ae, pca, num=10):
    fig, axes = plt.subplots(3, num, figsize=(10, 3.3))
    for row, (images, name) in enumerate([(x, "test digit"),
                                          (ae, "autoencoder"),
                                          (pca, "PCA")]):
        for col in range(num):
            ax = axes[row, col]
            ax.imshow(images[col].reshape(28, 28), cmap="gray_r",
                      vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
        axes[row, 0].set_ylabel(name, fontsize=9)
    fig.tight_layout()


def main() -> DenseAEResult:
    """Train the 2-D autoencoder, score it against PCA, draw codes."""
    keras.utils.set_random_seed(SEED)
    x_train, x_test, y_test = mnist_subset()
    # --8<-- [start:train]
    autoencoder, encoder = build_dense_autoencoder()
    autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
    history = autoencoder.fit(x_train, x_train, epochs=NUM_EPOCHS,
                              batch_size=BATCH_SIZE, verbose=2)
    reconstructed = autoencoder.predict(x_test, verbose=0)
    codes = encoder.predict(x_test, verbose=0)
    # --8<-- [end:train]
    scores, pca_images = pca_reconstruct(x_train, x_test, CODE_SIZE)
    plot_codes(codes, scores, y_test)
    plot_reconstructions(x_test, reconstructed, pca_images)
    plt.show()
    return DenseAEResult(
        num_train=len(x_train), num_test=len(x_test),
        num_epochs=NUM_EPOCHS, code_size=CODE_SIZE,
        num_params=int(autoencoder.count_params()),
        ae_mse=float(np.mean((x_test - reconstructed) ** 2)),
        pca_mse=float(np.mean((x_test - pca_images) ** 2)),
        mean_mse=float(np.mean((x_test - x_train.mean(axis=0)) ** 2)),
        train_loss=[float(v) for v in history.history["loss"]])


if __name__ == "__main__":
    main()
