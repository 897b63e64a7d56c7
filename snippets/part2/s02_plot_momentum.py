"""Draw the momentum race of Part II, page 2: paths and loss per step.

Section: II-2 Backpropagation and the chain rule
Figure: s02_plot_momentum.svg
"""
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from snippets.part2.s02_momentum import CURVATURE, loss_and_gradient
from snippets.part2.s02_momentum import main as race
from snippets.common.plotting import save_or_show

STYLE = {  # name: (label, colour)
    "gd": ("no momentum", "#7f7f7f"),
    "memoryless_09": ("notes' update, no memory, m = 0.9", "#d62728"),
    "momentum_01": ("momentum, m = 0.1 (the notes' value)", "#bcbd22"),
    "momentum_09": ("momentum, m = 0.9", "#1f77b4"),
    "nesterov_09": ("Nesterov, m = 0.9", "#2ca02c"),
}


def plot_race(paths):
    """Left: paths on the loss contours. Right: loss per step."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    w1, w2 = np.meshgrid(np.linspace(-4.5, 1, 221),
                         np.linspace(-0.5, 0.5, 201))
    loss = 0.5 * (CURVATURE[0] * w1 ** 2 + CURVATURE[1] * w2 ** 2)
    ax1.contour(w1, w2, loss, levels=np.geomspace(0.01, 20, 10),
                colors="#999999", linewidths=0.7)
    for name, (label, colour) in STYLE.items():
        path = paths[name]
        ax1.plot(path[:, 0], path[:, 1], ".-", ms=2, lw=0.8,
                 color=colour, label=label)
        losses = [loss_and_gradient(w)[0] for w in path]
        ax2.semilogy(losses, color=colour,
                     label=f"{label}: {len(path) - 1} steps")
    ax1.set(xlabel="w1 (flat direction)", ylabel="w2 (steep direction)",
            title="paths from (-4, 0.4) to the minimum (0, 0)")
    ax2.axhline(0.01, ls="--", lw=1, color="black")
    ax2.set(xlabel="step", ylabel="loss (log scale)",
            title="loss until it reaches 0.01 (dashed)")
    ax2.grid(alpha=0.3, which="both")
    ax2.legend(fontsize=8)
    fig.tight_layout()
    return fig


def main(out_dir: Path | None = None):
    """Run the race (seeded inside) and save the figure."""
    result = race(None)
    save_or_show(plot_race(result.paths), out_dir, "s02_plot_momentum.svg")
    return result


if __name__ == "__main__":
    main()
