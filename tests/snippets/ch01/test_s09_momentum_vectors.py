"""snippets/ch01/s09_momentum_vectors.py: the arrows are the steps of
section 1-9's Momentum and Nesterov classes."""

import numpy as np

from snippets.ch01 import s09_momentum_vectors as vectors
from snippets.ch01.s09_optimizers_numpy import Momentum, Nesterov


def test_s09_vector_pictures_are_real_steps(run_snippet):
    run = run_snippet("ch01/s09_momentum_vectors")
    result = run.result
    theta, v = vectors.state_after(3)
    assert [result["theta_x"], result["theta_y"]] == list(theta)
    for name, cls in [("momentum", Momentum), ("nesterov", Nesterov)]:
        optimizer = cls(lr=vectors.LR, beta=vectors.BETA, form="course")
        optimizer.v = v.copy()
        new = optimizer.step(theta, vectors.bowl_grad)
        np.testing.assert_allclose(
            [result[f"{name}_step_x"], result[f"{name}_step_y"]],
            new - theta, atol=1e-12)
    # The look-ahead sees the far wall: Nesterov's step turns back up.
    assert result["nesterov_step_y"] > result["momentum_step_y"]
    assert [p.name for p in run.figures] == ["s09_momentum_vectors.svg"]
