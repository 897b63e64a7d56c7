"""Draw the line fit of Part II, page 1: MSE per epoch and the path of (a, b).

Section: II-1 Automatic differentiation
Figure: s01_plot_autodiff.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.part2.s01_autodiff import (SEED, TRUE_A, TRUE_B,
                                        make_line_data, train_line)
from snippets.common.plotting import save_or_show


def plot_fit(X, Y, result):
    """Left: MSE per epoch (log scale). Right: (a, b) on MSE contours."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))
    epochs = np.arange(1, len(result.mse_history) + 1)
    ax1.semilogy(epochs, result.mse_history, color="#2ca02c")
    ax1.set(xlabel="epoch", ylabel="MSE (log scale)",
            title="loss per epoch, lr = 0.05")
    ax1.grid(alpha=0.3, which="both")
    x, y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    a_grid, b_grid = np.meshgrid(np.linspace(-0.5, 4, 181),
                                 np.linspace(-0.5, 3.5, 161))
    mse = ((a_grid[..., None] * x + b_grid[..., None] - y) ** 2).mean(-1)
    levels = np.geomspace(0.05, mse.max(), 12)
    ax2.contour(a_grid, b_grid, mse, levels=levels, colors="#999999",
                linewidths=0.7)
    path = np.array(result.ab_history)
    ax2.plot(path[:, 0], path[:, 1], ".-", ms=3, lw=1, color="#d62728",
             label="(a, b) after each epoch")
    ax2.plot([TRUE_A], [TRUE_B], "*", ms=12, color="#1f77b4",
             label=f"true line: a = {TRUE_A:g}, b = {TRUE_B:g}")
    ax2.set(xlabel="a", ylabel="b", title="the path on the MSE surface")
    ax2.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def main(out_dir: Path | None = None):
    """Train once (same seed as s01_autodiff) and save the figure."""
    keras.utils.set_random_seed(SEED)
    X, Y = make_line_data()
    result = train_line(X, Y, lr=0.05, num_epochs=200)
    save_or_show(plot_fit(X, Y, result), out_dir, "s01_plot_autodiff.svg")
    return result


if __name__ == "__main__":
    main()
