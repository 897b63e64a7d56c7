"""Write a Keras model diagram as SVG (sections 1-12 and II-8).

``keras.utils.plot_model(model, to_file="x.svg")`` writes the SVG and
then raises ``ValueError: Cannot embed the 'svg' image format`` whenever
IPython is installed, because it tries to return the file as an
``IPython.display.Image``, which takes only bitmaps. Asking pydot for
the SVG text directly avoids that. Needs pydot and Graphviz's ``dot``.
"""

import re
from pathlib import Path

import keras

# Graphviz names each node after the Python id() of its layer, a number
# that changes on every run; renumbering them keeps the bytes stable.
_NODE_ID = re.compile(rb"\b\d{8,}\b")


def _stable_ids(svg: bytes) -> bytes:
    names: dict[bytes, bytes] = {}

    def rename(match: re.Match) -> bytes:
        return names.setdefault(match[0], b"layer%d" % len(names))

    return _NODE_ID.sub(rename, svg)


def write_model_diagram(model, filename, **options) -> Path:
    """Write ``model_to_dot(model, **options)`` as SVG to `filename`.

    A relative `filename` lands in the current working directory, where
    the book's runner keeps the files its header names. The bytes are the
    same on every run (layer ids renumbered).
    """
    options.setdefault("dpi", 72)  # SVG at 1:1 scale (plot_model: 200)
    dot = keras.utils.model_to_dot(model, **options)
    try:
        svg = _stable_ids(dot.create_svg())
    except (OSError, AssertionError) as exc:
        raise RuntimeError(
            "drawing a model diagram needs Graphviz's `dot` program "
            "(Debian/Ubuntu: apt install graphviz; macOS: brew install "
            f"graphviz): {exc}") from exc
    path = Path(filename)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(svg)
    return path


def save_model_diagram(model, out_dir: Path | None, name: str,
                       **options) -> Path | None:
    """Write the diagram as out_dir/name (SVG); the old ``main(out_dir)``
    form, kept while Part II still calls it.

    With `out_dir` None (a reader running the file), fall back to
    ``plot_model``, which writes a PNG in the current directory.
    """
    if out_dir is None:
        keras.utils.plot_model(model, to_file=Path(name).with_suffix(
            ".png").name, **options)
        return None
    return write_model_diagram(model, Path(out_dir) / name, **options)
