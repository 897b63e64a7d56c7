"""Draw Fashion-MNIST test images beside the model's confidence bars.

Section: II-7 Fashion-MNIST classification
Figure: s07_plot_fashion_pair.svg, s07_plot_fashion_grid.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.part2.s07_fashion_mnist import (CLASS_NAMES, SEED,
                                             fashion_arrays,
                                             test_probabilities)
from snippets.common.plotting import save_or_show

RIGHT, WRONG, OTHER = "#1f77b4", "#d62728", "#999999"


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
    return fig


def main(out_dir: Path | None = None):
    """Test images 0 and 12 (as in the tutorial), then the first 15."""
    keras.utils.set_random_seed(SEED)
    _, _, x_test, y_test = fashion_arrays()
    probabilities = test_probabilities()
    pair = plot_predictions([0, 12], probabilities, y_test, x_test, 2)
    save_or_show(pair, out_dir, "s07_plot_fashion_pair.svg")
    grid = plot_predictions(range(15), probabilities, y_test, x_test, 3)
    save_or_show(grid, out_dir, "s07_plot_fashion_grid.svg")
    guesses = probabilities.argmax(axis=1)

    def describe(i):
        return (CLASS_NAMES[guesses[i]], float(probabilities[i].max()),
                CLASS_NAMES[y_test[i]])

    (pred0, conf0, true0), (pred12, conf12, true12) = (describe(0),
                                                       describe(12))
    return {"pred0": pred0, "conf0": conf0, "true0": true0,
            "pred12": pred12, "conf12": conf12, "true12": true12,
            "num_wrong_of_15": int((guesses[:15] != y_test[:15]).sum())}


if __name__ == "__main__":
    main()
