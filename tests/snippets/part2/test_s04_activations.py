"""II-4: the tape's derivatives are the textbook formulas, and Keras 3's
hard sigmoid is relu6(x + 3) / 6."""

import numpy as np
import pytest

from snippets.part2.s04_activations import (ACTIVATIONS,
                                           value_and_derivative)


def test_tape_derivatives_match_the_textbook_formulas():
    x = np.linspace(-4, 4, 81).astype("float32")
    x = x[np.abs(x) > 1e-3]  # away from the kinks at 0
    s, ds = value_and_derivative(ACTIVATIONS["sigmoid"], x)
    assert np.allclose(ds, s * (1 - s), atol=1e-6)
    t, dt = value_and_derivative(ACTIVATIONS["tanh"], x)
    assert np.allclose(dt, 1 - t * t, atol=1e-6)
    _, dsp = value_and_derivative(ACTIVATIONS["softplus"], x)
    assert np.allclose(dsp, s, atol=1e-6)  # softplus' = sigmoid
    _, dss = value_and_derivative(ACTIVATIONS["softsign"], x)
    assert np.allclose(dss, 1 / (1 + np.abs(x)) ** 2, atol=1e-6)
    _, dl = value_and_derivative(ACTIVATIONS["leaky ReLU (0.2)"], x)
    assert np.allclose(dl, np.where(x > 0, 1.0, 0.2))


def test_hard_sigmoid_is_the_keras3_formula(run_snippet):
    x = np.linspace(-4, 4, 161).astype("float32")
    y, dy = value_and_derivative(ACTIVATIONS["hard sigmoid"], x)
    assert np.allclose(y, np.clip(x + 3, 0, 6) / 6, atol=1e-6)
    assert not np.allclose(y, np.clip(0.2 * x + 0.5, 0, 1), atol=1e-3)
    inside = np.abs(x) < 2.9
    assert np.allclose(dy[inside], 1 / 6)
    run = run_snippet("part2/s04_activations")
    values = run.result
    assert values["hard_sigmoid_d0"] == pytest.approx(1 / 6)
    assert values["sigmoid_d0"] == pytest.approx(0.25)
    assert values["relu_d0"] == 0.0
    # four numbers per activation in the page's table
    assert len(values) == 4 * len(ACTIVATIONS)
    assert [p.name for p in run.figures] == ["s04_activations_grid.svg"]
