"""Draw plain gradient descent against SGD + momentum on the quadratic.

Section: 1-10 Quadratic fit with an optimizer
Figure: s10_plot_momentum.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch01.s10_quadratic_momentum import (
    SEED, cycle_period, train_quadratic_optimizer)
from snippets.common.data import quadratic_table
from snippets.common.plotting import save_or_show

COURSE_EPOCHS = [240, 250, 260, 270, 280, 290]  # the course printed 0.3696
COURSE_LOSS = 0.3696


def rmse_and_grad(theta, x, y):
    """RMSE of theta[0]·x² + theta[1]·x + theta[2] and its gradient."""
    X = np.column_stack([x * x, x, np.ones_like(x)])
    e = X @ theta - y
    rmse = np.sqrt(np.mean(e * e))
    return rmse, X.T @ e / (len(x) * rmse)


def plain_descent_losses(x, y, lr=0.01, num_epochs=300):
    """Section 1-7's rule in NumPy (float64): the loss before each step."""
    theta, losses = np.ones(3), []
    for _ in range(num_epochs):
        loss, grad = rmse_and_grad(theta, x, y)
        losses.append(loss)
        theta = theta - lr * grad
    return losses


def main(out_dir: Path | None = None) -> dict:
    """Loss per epoch of both runs, and a zoom on momentum's last epochs."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    plain = plain_descent_losses(x, y)
    optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.7)
    _, history = train_quadratic_optimizer(x, y, optimizer, num_epochs=300)
    period = cycle_period(history)
    fig, (ax, ax_zoom) = plt.subplots(
        1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1.4, 1]})
    epochs = np.arange(300)
    ax.semilogy(epochs, plain, color="#7f7f7f",
                label="gradient descent, lr 0.01 (as in 1-7)")
    ax.semilogy(epochs, history, color="#1f77b4",
                label="SGD, lr 0.01, momentum 0.7 (this build)")
    ax.semilogy(COURSE_EPOCHS, [COURSE_LOSS] * len(COURSE_EPOCHS), "s",
                color="#d62728", ms=5, label="printed by the course")
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
    return {"plain_loss_300": float(plain[-1]),
            "momentum_loss_300": history[-1], "period": period}


if __name__ == "__main__":
    main()
