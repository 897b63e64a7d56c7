"""A convolutional autoencoder squeezes MNIST digits into the same
2-number code as 7-2's dense one.

Strided convolutions encode, Conv2DTranspose layers decode. Trained on
7-2's 6,000 training images (cut for the build's time) and scored on
the same 2,000 test digits, against PCA with two components and the
mean image; the page sets the result beside 7-2's dense autoencoder.

Section: 7-3 Practice: CNN autoencoder
Figure: s03_cnn_ae_mnist_reconstructions.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch07.s02_dense_ae_mnist import (CODE_SIZE, mnist_subset,
                                              pca_reconstruct,
                                              plot_reconstructions)

SEED = 3
NUM_EPOCHS = 5  # half of 7-2's 10: the build's time budget
BATCH_SIZE = 128


@dataclass
class CNNAEResult:
    """What the page quotes from the CNN autoencoder run."""

    num_train: int
    num_test: int
    num_epochs: int
    code_size: int
    num_params: int
    cnn_mse: float  # test reconstruction error, per pixel
    pca_mse: float
    mean_mse: float
    train_loss: list


# --8<-- [start:model]
def build_cnn_autoencoder(code_size=CODE_SIZE):
    """28x28 -> 14x14x8 -> 7x7x16 -> code -> 7x7x16 -> 14x14x16 ->
    28x28x8 -> 28x28: stride-2 convolutions halve the image, stride-2
    transposed convolutions double it back (few filters: CPU time)."""
    inputs = keras.Input(shape=(28, 28, 1))
    h = keras.layers.Conv2D(8, 3, strides=2, padding="same",
                            activation="relu")(inputs)
    h = keras.layers.Conv2D(16, 3, strides=2, padding="same",
                            activation="relu")(h)
    h = keras.layers.Flatten()(h)
    code = keras.layers.Dense(code_size, name="code")(h)  # linear
    h = keras.layers.Dense(7 * 7 * 16, activation="relu")(code)
    h = keras.layers.Reshape((7, 7, 16))(h)
    h = keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same",
                                     activation="relu")(h)
    h = keras.layers.Conv2DTranspose(8, 3, strides=2, padding="same",
                                     activation="relu")(h)
    outputs = keras.layers.Conv2D(1, 3, padding="same",
                                  activation="sigmoid")(h)
    return keras.Model(inputs, outputs, name="cnn_autoencoder")
# --8<-- [end:model]


def main() -> CNNAEResult:
    """Train the CNN autoencoder on 7-2's images, score it."""
    keras.utils.set_random_seed(SEED)
    x_train, x_test, _ = mnist_subset()
    # --8<-- [start:train]
    images_train = x_train.reshape(-1, 28, 28, 1)
    images_test = x_test.reshape(-1, 28, 28, 1)
    autoencoder = build_cnn_autoencoder()
    autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
    history = autoencoder.fit(images_train, images_train,
                              epochs=NUM_EPOCHS, batch_size=BATCH_SIZE,
                              verbose=2)
    reconstructed = autoencoder.predict(images_test, batch_size=500,
                                        verbose=0)
    reconstructed = reconstructed.reshape(-1, 784)
    # --8<-- [end:train]
    _, pca_images = pca_reconstruct(x_train, x_test, CODE_SIZE)
    plot_reconstructions(x_test, reconstructed, pca_images)
    plt.show()
    return CNNAEResult(
        num_train=len(x_train), num_test=len(x_test),
        num_epochs=NUM_EPOCHS, code_size=CODE_SIZE,
        num_params=int(autoencoder.count_params()),
        cnn_mse=float(np.mean((x_test - reconstructed) ** 2)),
        pca_mse=float(np.mean((x_test - pca_images) ** 2)),
        mean_mse=float(np.mean((x_test - x_train.mean(axis=0)) ** 2)),
        train_loss=[float(v) for v in history.history["loss"]])


if __name__ == "__main__":
    main()
