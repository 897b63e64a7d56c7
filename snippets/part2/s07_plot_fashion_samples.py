"""Draw the first 25 Fashion-MNIST training images with their classes.

Section: II-7 Fashion-MNIST classification
Figure: s07_plot_fashion_samples.svg
"""
from pathlib import Path

import matplotlib.pyplot as plt

from snippets.part2.s07_fashion_mnist import CLASS_NAMES
from snippets.common.datasets import load_fashion_mnist
from snippets.common.plotting import save_or_show


def main(out_dir: Path | None = None):
    """A 5 x 5 grid, as in the TensorFlow tutorial."""
    (train_images, train_labels), _ = load_fashion_mnist()
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
    save_or_show(fig, out_dir, "s07_plot_fashion_samples.svg")
    return {"first_class": CLASS_NAMES[train_labels[0]],
            "num_train": int(len(train_labels))}


if __name__ == "__main__":
    main()
