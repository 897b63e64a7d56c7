"""snippets/ch01/s09_rotated_bowl.py: per-coordinate methods undo
ill-conditioning along the axes, and cannot undo it off them."""

import numpy as np
import pytest

from snippets.ch01 import s09_rotated_bowl as rotated

ADAPTIVE = ["adagrad", "rmsprop", "adam"]


def test_s09_turning_the_bowl_keeps_its_curvatures():
    for degrees in [0, 45]:
        _, hessian, theta0 = rotated.turned_bowl(100, degrees)
        np.testing.assert_allclose(np.linalg.eigvalsh(hessian), [1, 100])
        assert np.linalg.norm(theta0) == pytest.approx(np.sqrt(17))


def test_s09_rotated_bowl_race(run_snippet):
    run = run_snippet("ch01/s09_rotated_bowl")
    result = run.result
    # Plain descent does not care which way the bowl points.
    for kappa in rotated.KAPPAS:
        assert result[f"sgd_45_{kappa}"] == pytest.approx(
            result[f"sgd_0_{kappa}"], rel=1e-6, abs=1e-300)
    # Along the axes a per-coordinate rescaling removes κ ...
    assert result["diagonal_kappa_0"] == pytest.approx(1)
    for name in ADAPTIVE:
        assert result[f"{name}_0_1000"] < 1e-5 < result["sgd_0_1000"]
    # ... turned by 45° it cannot: every coordinate has curvature
    # (1 + κ)/2, and the rescaled bowl keeps condition number κ.
    assert result["diagonal_kappa_45"] == pytest.approx(1000)
    for name in ADAPTIVE:
        assert result[f"{name}_45_1000"] > 1e3 * result[f"{name}_0_1000"]
        assert result[f"{name}_45_1000"] > 0.1 * result["sgd_45_1000"]
    assert [p.name for p in run.figures] == ["s09_rotated_bowl.svg"]
