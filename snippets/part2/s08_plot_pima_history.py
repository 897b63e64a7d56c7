"""Draw the Pima run's loss and accuracy, training vs validation.

Section: II-8 Pima diabetes binary classifier
Figure: s08_plot_pima_history.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.part2.s08_pima_diabetes import SEED, train_pima
from snippets.common.plotting import save_or_show


# --8<-- [start:plot]
def plot_history(history, best_epoch):
    """Two panels: loss and accuracy per epoch, train and validation."""
    logs = history.history
    epochs = np.arange(1, len(logs["loss"]) + 1)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    for ax, metric in zip(axes, ["loss", "accuracy"]):
        ax.plot(epochs, logs[metric], label=f"training {metric}")
        ax.plot(epochs, logs[f"val_{metric}"], label=f"validation {metric}")
        ax.axvline(best_epoch, color="grey", ls="--", lw=1,
                   label=f"best epoch ({best_epoch}), restored")
        ax.set(xlabel="epoch", ylabel=metric)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    return fig
# --8<-- [end:plot]


def main(out_dir: Path | None = None):
    """Reuse the training run of s08_pima_diabetes and draw it."""
    keras.utils.set_random_seed(SEED)
    _, history, early_stop = train_pima()
    best_epoch = early_stop.best_epoch + 1
    save_or_show(plot_history(history, best_epoch), out_dir,
                 "s08_plot_pima_history.svg")
    logs = history.history
    return {"final_train_loss": float(logs["loss"][-1]),
            "final_val_loss": float(logs["val_loss"][-1]),
            "best_epoch": best_epoch}


if __name__ == "__main__":
    main()
