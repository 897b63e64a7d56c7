"""Draw test digits with the quickstart model's predicted labels.

Section: II-6 MNIST quickstart
Figure: s06_plot_mnist_predictions.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt

from snippets.part2.s06_mnist_quickstart import (SEED, mnist_arrays,
                                                train_quickstart)
from snippets.common.plotting import save_or_show

NUM_ROWS, NUM_COLS = 4, 10  # the first 40 test images


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
    return fig


def main(out_dir: Path | None = None):
    """Predict the first 40 test digits and draw them."""
    keras.utils.set_random_seed(SEED)
    _, _, x_test, y_test = mnist_arrays()
    model, _, _ = train_quickstart()
    count = NUM_ROWS * NUM_COLS
    logits = model.predict(x_test[:count], verbose=0)
    predicted = logits.argmax(axis=1)
    fig = plot_digit_grid(x_test[:count], y_test[:count], predicted)
    save_or_show(fig, out_dir, "s06_plot_mnist_predictions.svg")
    wrong = [i for i in range(count) if predicted[i] != y_test[i]]
    return {"num_shown": count, "num_wrong": len(wrong),
            "wrong_indices": wrong}


if __name__ == "__main__":
    main()
