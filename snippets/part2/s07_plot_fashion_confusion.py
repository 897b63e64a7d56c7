"""Draw the confusion matrix of the Fashion-MNIST model on the test set.

Section: II-7 Fashion-MNIST classification
Figure: s07_plot_fashion_confusion.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.part2.s07_fashion_mnist import (CLASS_NAMES, SEED,
                                             confusion_matrix,
                                             fashion_arrays,
                                             test_probabilities)
from snippets.common.plotting import save_or_show


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
    return fig


def main(out_dir: Path | None = None):
    """Confusion matrix of the 10,000 test predictions."""
    keras.utils.set_random_seed(SEED)
    _, _, _, y_test = fashion_arrays()
    counts = confusion_matrix(y_test, test_probabilities().argmax(axis=1))
    save_or_show(plot_confusion(counts), out_dir,
                 "s07_plot_fashion_confusion.svg")
    return {"correct": int(np.trace(counts)), "total": int(counts.sum())}


if __name__ == "__main__":
    main()
