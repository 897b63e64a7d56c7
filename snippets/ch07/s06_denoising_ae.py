"""A denoising autoencoder: noisy MNIST digits in, the clean digits out.

Trained at one noise level on 7-2's 6,000 training images (cut for the
build's time), scored at three noise levels on 7-2's 2,000 test digits,
against the noisy input itself (doing nothing) and the mean image.

Section: 7-6 Practice: denoising autoencoder
Figure: s06_denoising_ae_levels.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch07.s02_dense_ae_mnist import mnist_subset

SEED = 6
TRAIN_NOISE = 0.5  # standard deviation of the Gaussian noise in training
NOISE_LEVELS = (0.25, 0.5, 0.75)  # scored and drawn
NUM_EPOCHS = 8  # cut for the build's time budget
BATCH_SIZE = 128
STEPS_PER_CALL = 47  # one epoch of 6,000 images per call: faster


@dataclass
class DenoisingResult:
    """What the page quotes from the denoising run."""

    num_train: int
    num_epochs: int
    train_noise: float
    noise_levels: list
    noisy_mse: list  # per noise level: the noisy input vs the clean digit
    denoised_mse: list  # per noise level: the output vs the clean digit
    mean_mse: float  # the mean training image vs the clean digit
    # the same, one field per level, for the page's table
    noisy_25: float
    noisy_50: float
    noisy_75: float
    denoised_25: float
    denoised_50: float
    denoised_75: float


# --8<-- [start:noise]
def add_noise(x, level, rng):
    """Gaussian noise of standard deviation `level`, clipped to [0, 1]."""
    noisy = x + level * rng.standard_normal(x.shape).astype("float32")
    return np.clip(noisy, 0.0, 1.0)
# --8<-- [end:noise]


# --8<-- [start:model]
def build_denoiser(hidden=128):
    """784 -> 128 -> 784: a narrow code is not needed here (the noise
    stops the identity), the mapping from noisy to clean is the point."""
    inputs = keras.Input(shape=(784,))
    h = keras.layers.Dense(hidden, activation="relu")(inputs)
    outputs = keras.layers.Dense(784, activation="sigmoid")(h)
    return keras.Model(inputs, outputs, name="denoiser")
# --8<-- [end:model]


def main() -> DenoisingResult:
    """Train on noisy copies of 7-2's images, score three noise levels."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x_train, x_test, _ = mnist_subset()
    # --8<-- [start:train]
    denoiser = build_denoiser()
    denoiser.compile(optimizer="adam", loss="binary_crossentropy",
                     steps_per_execution=STEPS_PER_CALL)
    noisy_train = add_noise(x_train, TRAIN_NOISE, rng)  # input: noisy
    denoiser.fit(noisy_train, x_train, epochs=NUM_EPOCHS,  # target: clean
                 batch_size=BATCH_SIZE, verbose=2)
    noisy = {s: add_noise(x_test, s, rng) for s in NOISE_LEVELS}
    denoised = {s: denoiser.predict(noisy[s], batch_size=1000, verbose=0)
                for s in NOISE_LEVELS}
    # --8<-- [end:train]
    num = 3  # digits per row: a noisy image barely compresses (< 250 KB)
    rows = [("clean", x_test)]
    for s in NOISE_LEVELS:
        rows += [(f"noise {s}", noisy[s]), ("denoised", denoised[s])]
    fig, axes = plt.subplots(len(rows), num, figsize=(2.9, 6.6))
    for r, (name, images) in enumerate(rows):
        for c in range(num):
            axes[r, c].imshow(images[c].reshape(28, 28), cmap="gray_r",
                              vmin=0, vmax=1)
            axes[r, c].set_xticks([])
            axes[r, c].set_yticks([])
        axes[r, 0].set_ylabel(name, fontsize=8)
    fig.tight_layout()
    plt.show()
    mse = lambda a: float(np.mean((a - x_test) ** 2))  # noqa: E731
    noisy_mse = [mse(noisy[s]) for s in NOISE_LEVELS]
    denoised_mse = [mse(denoised[s]) for s in NOISE_LEVELS]
    return DenoisingResult(
        num_train=len(x_train), num_epochs=NUM_EPOCHS,
        train_noise=TRAIN_NOISE, noise_levels=list(NOISE_LEVELS),
        noisy_mse=noisy_mse, denoised_mse=denoised_mse,
        mean_mse=mse(x_train.mean(axis=0)),
        noisy_25=noisy_mse[0], noisy_50=noisy_mse[1],
        noisy_75=noisy_mse[2], denoised_25=denoised_mse[0],
        denoised_50=denoised_mse[1], denoised_75=denoised_mse[2])


if __name__ == "__main__":
    main()
