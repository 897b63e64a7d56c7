"""Draw the loss of the Adam fit next to the values the course printed.

Section: 1-11 Quadratic fit with minimize()
Figure: s11_plot_adam.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch01.s11_quadratic_adam import SEED, train_quadratic_adam
from snippets.common.data import quadratic_table
from snippets.common.plotting import save_or_show

# What the course's practice file 1-3 printed (epochs 230 to 290).
COURSE = {230: 0.0411, 240: 0.0334, 250: 0.0402, 260: 0.0328,
          270: 0.0394, 280: 0.0323, 290: 0.0388}


def main(out_dir: Path | None = None) -> dict:
    """One 300-epoch Adam run; full curve and a zoom on the end."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    _, adam = train_quadratic_adam(x, y, lr=0.05, num_epochs=300)
    fig, (ax, ax_zoom) = plt.subplots(
        1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1.4, 1]})
    epochs = np.arange(300)
    for axis in (ax, ax_zoom):
        axis.semilogy(epochs, adam, color="#d62728",
                      label="Adam, lr 0.05 (this build)")
        axis.semilogy(list(COURSE), list(COURSE.values()), "ks", ms=5,
                      mfc="none", label="printed by the course")
        axis.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
        axis.grid(alpha=0.3, which="both")
    ax.legend()
    ax_zoom.set(xlim=(225, 299), ylim=(0.025, 0.06),
                title="epochs 225-299")
    fig.tight_layout()
    save_or_show(fig, out_dir, "s11_plot_adam.svg")
    return {"adam_final": adam[-1],
            "adam_tail_mean": float(np.mean(adam[-50:]))}


if __name__ == "__main__":
    main()
