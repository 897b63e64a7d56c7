"""A 10 × 10 self-organising map of MNIST digits, trained with the
vectorised batch update; its prototypes drawn as a grid of images.

Section: 4-15 Practice: SOM on MNIST
Figure: s15_som_mnist_prototypes.svg, s15_som_mnist_error.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch04.s13_som import quantisation_error

SEED = 15
ROWS = COLS = 10
NUM_TRAIN, NUM_TEST = 5000, 1000  # a subset, to keep the run short
EPOCHS = 12
SIGMA0, SIGMA_END = 4.0, 0.6
GRID = np.array([(r, c) for r in range(ROWS) for c in range(COLS)], float)


# --8<-- [start:batch]
def batch_som_epoch(prototypes, x, sigma):
    """Kohonen's batch map: every image's BMU at once, then each unit
    becomes the neighbourhood-weighted mean of all images,
    w_j = sum_i h(j, bmu_i) x_i / sum_i h(j, bmu_i); a unit that no
    neighbourhood reaches (all h = 0) keeps its prototype."""
    d2 = (np.sum(x ** 2, axis=1)[:, None] - 2 * x @ prototypes.T
          + np.sum(prototypes ** 2, axis=1)[None])       # (images, units)
    bmu = d2.argmin(axis=1)
    grid_d2 = np.sum((GRID[:, None] - GRID[None]) ** 2, axis=2)
    h = np.exp(-grid_d2[bmu] / (2 * sigma ** 2))         # (images, units)
    weight = h.sum(axis=0)[:, None]
    new = np.divide(h.T @ x, weight, out=prototypes.copy(), where=weight > 0)
    return new, bmu
# --8<-- [end:batch]


@dataclass
class SomMnistResult:
    """What the 4-15 page quotes."""

    num_train: int
    num_test: int
    num_units: int
    epochs: int
    sigmas: list
    sigma_start: float
    sigma_end: float
    errors: list         # quantisation error on the test images per epoch
    qe_start: float      # before training (random training images)
    qe_end: float
    qe_mean_image: float  # one prototype: the mean training image
    purity: float        # share of test images whose BMU's majority
                         # training label is their own label


def main() -> SomMnistResult:
    rng = np.random.default_rng(SEED)
    # --8<-- [start:train]
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    pick = rng.choice(len(x_train), NUM_TRAIN, replace=False)
    x = x_train[pick].reshape(-1, 784).astype("float64") / 255
    labels = y_train[pick]
    test = x_test[:NUM_TEST].reshape(-1, 784).astype("float64") / 255
    prototypes = x[rng.choice(NUM_TRAIN, ROWS * COLS, replace=False)]
    sigmas = SIGMA0 * (SIGMA_END / SIGMA0) ** (np.arange(EPOCHS)
                                                / (EPOCHS - 1))
    errors = [quantisation_error(prototypes, test)]
    for sigma in sigmas:
        prototypes, bmu = batch_som_epoch(prototypes, x, sigma)
        errors.append(quantisation_error(prototypes, test))
    print("quantisation error:", [round(e, 2) for e in errors])
    # --8<-- [end:train]
    # label each unit by the commonest digit among the images it wins
    unit_label = np.array([np.bincount(labels[bmu == j], minlength=10)
                           .argmax() for j in range(ROWS * COLS)])
    d2 = ((test ** 2).sum(1)[:, None] - 2 * test @ prototypes.T
          + (prototypes ** 2).sum(1)[None])
    purity = float((unit_label[d2.argmin(axis=1)] == y_test[:NUM_TEST])
                   .mean())
    # one image of the whole map (one picture is lighter than 100), with
    # a white line between units
    canvas = (prototypes.reshape(ROWS, COLS, 28, 28)
              .transpose(0, 2, 1, 3).reshape(ROWS * 28, COLS * 28))
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.imshow(canvas, cmap="gray_r", interpolation="none")
    for k in range(1, max(ROWS, COLS)):
        ax.axhline(k * 28 - 0.5, color="white", lw=1.5)
        ax.axvline(k * 28 - 0.5, color="white", lw=1.5)
    ax.set(xticks=[], yticks=[], title=f"{ROWS} × {COLS} SOM prototypes")
    fig.tight_layout()
    plt.show()
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.plot(range(EPOCHS + 1), errors, marker="o")
    ax.set(xlabel="epoch", ylabel="quantisation error",
           title="mean distance to the nearest prototype (test images)")
    fig.tight_layout()
    plt.show()
    return SomMnistResult(
        num_train=NUM_TRAIN, num_test=NUM_TEST, num_units=ROWS * COLS,
        epochs=EPOCHS, sigmas=sigmas.tolist(), errors=errors,
        sigma_start=float(sigmas[0]), sigma_end=float(sigmas[-1]),
        qe_start=errors[0], qe_end=errors[-1],
        qe_mean_image=quantisation_error(x.mean(axis=0, keepdims=True),
                                         test),
        purity=purity)


if __name__ == "__main__":
    main()
