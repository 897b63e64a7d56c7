"""The old figure helper, kept only while Part II snippets still call it.

Snippets now draw with plain Matplotlib and end with ``plt.show()``; the
book's runner saves the figures left open (and sets the SVG options that
make the same code give the same bytes).
"""

from pathlib import Path

import matplotlib.pyplot as plt


def save_or_show(fig, out_dir: Path | None, name: str) -> Path | None:
    """Write `fig` as out_dir/name, or show it when `out_dir` is None."""
    if out_dir is None:
        plt.show()
        return None
    path = Path(out_dir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None},
                bbox_inches="tight")
    plt.close(fig)
    return path
