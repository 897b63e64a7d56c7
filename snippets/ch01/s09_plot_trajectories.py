"""Draw every optimizer's path on a bowl and on Rosenbrock's valley.

Section: 1-9 Optimizers
Figure: s09_plot_bowl.svg, s09_plot_rosenbrock.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch01.s09_optimizers_numpy import (
    SGD, Adadelta, Adagrad, Adam, Momentum, Nesterov, RMSprop, bowl,
    rosenbrock, run_numpy)
from snippets.common.plotting import save_or_show

SEED = 9
COLORS = ["#7f7f7f", "#1f77b4", "#17becf", "#2ca02c", "#ff7f0e",
          "#9467bd", "#d62728"]


# --8<-- [start:settings]
def bowl_optimizers():
    """Hand-picked learning rates that show each rule's character."""
    return {
        "SGD (lr 0.15)": SGD(lr=0.15),
        "Momentum (0.05, β 0.9)": Momentum(lr=0.05, beta=0.9),
        "Nesterov (0.05, β 0.9)": Nesterov(lr=0.05, beta=0.9),
        "Adagrad (0.5)": Adagrad(lr=0.5),
        "RMSprop (0.1)": RMSprop(lr=0.1),
        "Adadelta (1.0, ε 1e-6)": Adadelta(lr=1.0, eps=1e-6),
        "Adam (0.3)": Adam(lr=0.3),
    }


def rosenbrock_optimizers():
    return {
        "SGD (lr 0.001)": SGD(lr=1e-3),
        "Momentum (0.001, β 0.9)": Momentum(lr=1e-3, beta=0.9),
        "Nesterov (0.001, β 0.9)": Nesterov(lr=1e-3, beta=0.9),
        "Adagrad (0.5)": Adagrad(lr=0.5),
        "RMSprop (0.01)": RMSprop(lr=0.01),
        "Adadelta (1.0, ε 1e-6)": Adadelta(lr=1.0, eps=1e-6),
        "Adam (0.05)": Adam(lr=0.05),
    }
# --8<-- [end:settings]


def plot_paths(f, optimizers, theta0, num_steps, extent, levels, title,
               minimum):
    """Contours with each path (left) and loss per step (right)."""
    fig, (ax, ax_loss) = plt.subplots(
        1, 2, figsize=(11, 5.2), gridspec_kw={"width_ratios": [1.2, 1]})
    xs = np.linspace(extent[0], extent[1], 300)
    ys = np.linspace(extent[2], extent[3], 300)
    X, Y = np.meshgrid(xs, ys)
    ax.contour(X, Y, f(np.array([X, Y])), levels=levels, colors="#bbbbbb",
               linewidths=0.7)
    ax.plot(*minimum, "k*", ms=12, zorder=5)
    ax.plot(*theta0, "ko", ms=5, zorder=5)
    final_losses = {}
    for color, (name, optimizer) in zip(COLORS, optimizers.items()):
        thetas, losses = run_numpy(optimizer, f, theta0, num_steps)
        ax.plot(thetas[:, 0], thetas[:, 1], "-", color=color, lw=1.2,
                marker="." if num_steps <= 100 else None, ms=3,
                label=name)
        ax_loss.semilogy(np.maximum(losses, 1e-16), color=color, lw=1.4,
                         label=name)
        final_losses[name] = float(losses[-1])
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="x", ylabel="y",
           title=title)
    ax_loss.set(xlabel="step", ylabel="f (log scale)",
                title=f"loss over {num_steps} steps")
    ax_loss.grid(alpha=0.3, which="both")
    fig.legend(*ax_loss.get_legend_handles_labels(), loc="lower center",
               ncol=4, frameon=False)
    fig.tight_layout(rect=(0, 0.14, 1, 1))
    return fig, final_losses


def main(out_dir: Path | None = None) -> dict:
    """Both figures; returns each optimizer's final loss on each surface."""
    keras.utils.set_random_seed(SEED)
    with plt.rc_context({"font.size": 12, "legend.fontsize": 11}):
        fig, bowl_losses = plot_paths(
            bowl, bowl_optimizers(), (-4.0, 1.0), 60,
            (-4.5, 1.5, -1.5, 1.5), np.geomspace(0.01, 20, 12),
            "f = (x² + 10y²)/2 from (−4, 1)", (0, 0))
        save_or_show(fig, out_dir, "s09_plot_bowl.svg")
        fig, rosen_losses = plot_paths(
            rosenbrock, rosenbrock_optimizers(), (-1.2, 1.0), 600,
            (-1.6, 1.4, -0.4, 1.6), np.geomspace(0.05, 300, 12),
            "Rosenbrock from (−1.2, 1)", (1, 1))
        save_or_show(fig, out_dir, "s09_plot_rosenbrock.svg")
    results = {}
    for prefix, losses in [("bowl", bowl_losses),
                           ("rosenbrock", rosen_losses)]:
        for name, loss in losses.items():
            key = name.split(" (")[0].lower()
            results[f"{prefix}_{key}"] = loss
            print(f"{prefix:10s} {name:26s} final f = {loss:.3g}")
    return results


if __name__ == "__main__":
    main()
