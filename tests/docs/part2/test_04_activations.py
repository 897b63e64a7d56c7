"""docs/part2/04-activations.md: who introduced what, and the gated
units the page names."""

import keras
import numpy as np

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "part2" / "04-activations.md"


def bullet(start: str) -> str:
    """The text of the page's list item that starts with `start`."""
    text = PAGE.read_text("utf-8")
    begin = text.index(f"- {start}")
    end = text.find("\n- ", begin + 1)
    return text[begin:end]


def test_relu_for_deep_supervised_nets_is_glorot_bordes_bengio():
    relu = bullet("**ReLU**")
    assert "Glorot, Bordes & Bengio (2011)" in relu
    assert "proceedings.mlr.press/v15/glorot11a" in relu
    # Nair & Hinton used rectified units in RBMs, not deep supervised nets
    assert "Nair & Hinton (2010)" in relu and "Boltzmann" in relu


def test_gelu_is_berts_and_gpt2s_and_llms_use_swiglu():
    gelu = bullet("**Swish / SiLU**")
    assert "BERT" in gelu and "GPT-2" in gelu
    assert "SwiGLU" in gelu and "arxiv.org/abs/2002.05202" in gelu


def test_keras_glu_is_the_sigmoid_gated_unit():
    # "keras.activations.glu is the older form with a sigmoid gate":
    # it splits the last axis in two halves a, b and returns a * sigmoid(b)
    x = np.random.default_rng(0).normal(size=(3, 8)).astype("float32")
    a, b = x[:, :4], x[:, 4:]
    glu = keras.ops.convert_to_numpy(keras.activations.glu(x))
    assert np.allclose(glu, a / (1 + np.exp(-b)), atol=1e-6)
    # SwiGLU's gate is swish instead: a * swish(b) = a * b * sigmoid(b)
    swish = keras.ops.convert_to_numpy(keras.activations.swish(b))
    assert np.allclose(swish, b / (1 + np.exp(-b)), atol=1e-6)
