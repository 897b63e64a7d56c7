"""Draw the GradientTape fit of section 1-7: data with curve, loss per epoch.

Section: 1-7 Estimating a quadratic's coefficients
Figure: s07_plot_tape_fit.svg, s07_plot_tape_loss.svg
"""
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch01.s07_quadratic_tape import SEED, train_quadratic_tape
from snippets.common.data import quadratic_table
from snippets.common.plotting import save_or_show


def plot_fit(x, y, result):
    """Observed points and the fitted parabola."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(x, y, "o", ms=3, color="#1f77b4", label="data: 2x² + 3x + 5")
    y_fit = result.w1 * x * x + result.w2 * x + result.b
    label = (f"fit: {result.w1:.2f}x² + {result.w2:.2f}x"
             f" + {result.b:.2f}")
    ax.plot(x, y_fit, "-", color="#d62728", lw=2, label=label)
    ax.set(xlabel="x", ylabel="y")
    ax.legend()
    ax.grid(alpha=0.3)
    return fig


def plot_loss(result):
    """RMSE per epoch on a log scale."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.semilogy(np.arange(1, len(result.loss_history) + 1),
                result.loss_history, color="#2ca02c")
    ax.axhline(result.final_loss, ls="--", color="grey", lw=1,
               label=f"final loss {result.final_loss:.4f}")
    ax.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
    ax.legend()
    ax.grid(alpha=0.3, which="both")
    return fig


def main(out_dir: Path | None = None):
    """Train once and save both figures."""
    tf.keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    result = train_quadratic_tape(x, y, lr=0.01, num_epochs=1000)
    save_or_show(plot_fit(x, y, result), out_dir, "s07_plot_tape_fit.svg")
    save_or_show(plot_loss(result), out_dir, "s07_plot_tape_loss.svg")
    return result


if __name__ == "__main__":
    main()
