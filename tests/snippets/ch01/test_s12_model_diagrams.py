"""snippets/ch01/s12_model_diagrams.py: both models and their diagrams."""

import re

import pytest


def test_s12_models_and_diagrams(run_snippet):
    run = run_snippet("ch01/s12_model_diagrams")
    result = run.result
    # 4·16 + 16, 16·8 + 8, 8·3 + 3 parameters; no InputLayer in the list.
    assert result["classifier_params"] == 243
    assert result["classifier_layers"] == 3
    # Functional: InputLayer, Multiply, Concatenate, Dense (3 parameters).
    assert result["quadratic_layers"] == 4
    assert result["quadratic_params"] == 3
    assert result["quadratic_y_at_2"] == pytest.approx(19.0)
    assert [p.name for p in run.figures] == [
        "s12_model_diagrams_classifier.svg",
        "s12_model_diagrams_quadratic.svg"]
    classifier, graph = (p.read_text() for p in run.figures)
    for name in ("hidden_1", "hidden_2", "class_probs", "softmax"):
        assert name in classifier
    for name in ("InputLayer", "x_squared", "Multiply", "Concatenate",
                 "w1_w2_b"):
        assert name in graph
    # Node names are renumbered: no Python object ids left in the files.
    assert not re.search(r"\b\d{9,}\b", classifier + graph)
