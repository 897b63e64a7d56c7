"""Deterministic figure output shared by every figure snippet."""

from pathlib import Path

import matplotlib

matplotlib.rcParams["svg.hashsalt"] = "tf-keras-runnable-book"
matplotlib.rcParams["svg.fonttype"] = "path"
matplotlib.rcParams["figure.facecolor"] = "white"

import matplotlib.pyplot as plt  # noqa: E402


def save_or_show(fig, out_dir: Path | None, name: str) -> Path | None:
    """Write `fig` as out_dir/name (same code, same bytes), or show it.

    With `out_dir` None (a reader running the file) the figure is shown.
    """
    if out_dir is None:
        plt.show()
        return None
    path = Path(out_dir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None},
                bbox_inches="tight")
    plt.close(fig)
    return path


def plot_loss_history(loss_history, ylabel="MSE loss (log scale)"):
    """The training loss of every epoch on a log scale (1-14, 1-15)."""
    import numpy as np

    fig, ax = plt.subplots(figsize=(6, 3.4))
    ax.semilogy(np.arange(1, len(loss_history) + 1), loss_history,
                color="#d62728", lw=1)
    ax.set(title="Loss function", xlabel="epoch", ylabel=ylabel)
    ax.grid(alpha=0.3, which="both")
    return fig
