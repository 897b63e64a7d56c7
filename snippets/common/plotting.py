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
