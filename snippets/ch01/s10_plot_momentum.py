"""Draw plain gradient descent against SGD + momentum on the quadratic.

Section: 1-10 Quadratic fit with an optimizer
Figure: s10_plot_momentum.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch01.s07_quadratic_tape import train_quadratic_tape
from snippets.ch01.s10_quadratic_momentum import (
    SEED, cycle_period, train_quadratic_optimizer)
from snippets.common.data import quadratic_table
from snippets.common.plotting import save_or_show


def main(out_dir: Path | None = None) -> dict:
    """Loss per epoch of both runs, and a zoom on momentum's last epochs."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    plain = train_quadratic_tape(x, y, lr=0.01, num_epochs=300)
    optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.7)
    _, history = train_quadratic_optimizer(x, y, optimizer, num_epochs=300)
    period = cycle_period(history)
    fig, (ax, ax_zoom) = plt.subplots(
        1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1.4, 1]})
    epochs = np.arange(300)
    ax.semilogy(epochs, plain.loss_history, color="#7f7f7f",
                label="gradient descent, lr 0.01 (1-7)")
    ax.semilogy(epochs, history, color="#1f77b4",
                label="SGD, lr 0.01, momentum 0.7 (1-10)")
    ax.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    last = epochs[-3 * period:]
    ax_zoom.plot(last, history[-3 * period:], "-o", ms=3, color="#1f77b4")
    for start in range(300 - 3 * period, 300, period):
        ax_zoom.axvline(start, color="#d62728", lw=0.8, ls="--")
    ax_zoom.set(xlabel="epoch", ylabel="RMSE loss",
                title=f"last {3 * period} epochs: a {period}-epoch cycle")
    ax_zoom.grid(alpha=0.3)
    fig.tight_layout()
    save_or_show(fig, out_dir, "s10_plot_momentum.svg")
    return {"plain_loss_300": plain.final_loss,
            "momentum_loss_300": history[-1], "period": period}


if __name__ == "__main__":
    main()
