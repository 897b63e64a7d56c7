"""snippets/common/model_diagram.py: stable bytes, a clear error."""

import keras
import pytest

from snippets.common.model_diagram import (save_model_diagram,
                                           write_model_diagram)


def small_model():
    return keras.Sequential([keras.Input(shape=(2,)),
                             keras.layers.Dense(1, name="dense")])


def test_model_diagram_is_byte_stable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    model = small_model()
    first = write_model_diagram(model, "a/m.svg").read_bytes()
    again = write_model_diagram(model, "b/m.svg").read_bytes()
    assert first == again and b"<svg" in first
    assert (tmp_path / "a" / "m.svg").exists(), "relative to the cwd"
    # The old out_dir form (Part II) writes the same bytes.
    old = save_model_diagram(model, tmp_path / "c", "m.svg")
    assert old.read_bytes() == first


def test_model_diagram_without_graphviz_says_what_to_install(
        tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` to be found
    with pytest.raises(RuntimeError, match="needs Graphviz's `dot`"):
        write_model_diagram(small_model(), tmp_path / "m.svg")
