"""snippets/ch01/s08_learning_rate.py: four learning rates on θ²."""

import keras
import numpy as np
import pytest

from snippets.ch01.s08_learning_rate import LEARNING_RATES, gradient_descent


def test_s08_worked_examples():
    one = gradient_descent(lambda t: np.array([-3.0]), np.array([0.5]),
                           0.25, 1)
    assert one[1] == pytest.approx([1.25])
    two = gradient_descent(lambda t: np.array([2.0, -2.0]),
                           np.array([3.0, 2.0]), 0.25, 1)
    assert two[1] == pytest.approx([2.5, 2.5])
    # Keras's SGD takes the same step.
    theta = keras.Variable(np.array([3.0, 2.0]), dtype="float64")
    keras.optimizers.SGD(learning_rate=0.25).apply_gradients(
        [(np.array([2.0, -2.0]), theta)])
    assert theta.numpy() == pytest.approx([2.5, 2.5])


def test_s08_learning_rate_regimes(run_snippet):
    run = run_snippet("ch01/s08_learning_rate")
    result = run.result
    n = result["num_steps"]
    for label, lr in LEARNING_RATES.items():
        # On f = θ², θ_t = (1 - 2α)^t θ_0 exactly.
        expected = 4.0 * (1 - 2 * lr) ** n
        assert result[label.replace(" ", "_")] == pytest.approx(expected)
    assert abs(result["about_right"]) < 1e-3 < abs(result["too_large"])
    assert abs(result["divergent"]) > 4.0 > abs(result["too_small"]) > 1
    assert [p.name for p in run.figures] == ["s08_learning_rate.svg"]
