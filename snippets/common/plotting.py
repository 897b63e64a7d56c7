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


def save_model_diagram(model, out_dir: Path | None, name: str) -> Path:
    """Draw a Keras model's layer graph as SVG with Graphviz (section 1-12).

    ``keras.utils.model_to_dot`` is what ``keras.utils.plot_model`` uses;
    writing its SVG ourselves avoids plot_model's attempt to wrap an SVG
    in an IPython ``Image`` (a ValueError when IPython is installed).
    Graphviz names nodes after Python object ids; they are renumbered so
    the same model gives the same bytes. With `out_dir` None the file is
    written to the current directory. Needs pydot and Graphviz's ``dot``.
    """
    import re

    import keras

    dot = keras.utils.model_to_dot(model, show_shapes=True,
                                   show_layer_names=True,
                                   show_layer_activations=True, dpi=72,
                                   splines="spline")
    try:
        svg = dot.create(format="svg").decode("utf-8")
    except (OSError, AssertionError) as exc:
        raise RuntimeError(
            "drawing a model diagram needs Graphviz's `dot` program "
            "(Debian/Ubuntu: apt install graphviz; macOS: brew install "
            f"graphviz): {exc}") from exc
    ids = {}
    svg = re.sub(r"\b\d{9,}\b",
                 lambda m: ids.setdefault(m[0], f"node{len(ids) + 1}"), svg)
    path = Path(out_dir or ".") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="utf-8")
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
