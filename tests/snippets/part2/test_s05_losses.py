"""II-5: every cross-entropy by hand equals Keras's, and Keras clips
probabilities at epsilon."""

import keras
import numpy as np
import pytest


def test_hand_losses_equal_keras(run_snippet):
    values = run_snippet("part2/s05_losses").result
    assert values["max_diff"] < 1e-5
    for name in ["binary", "categorical", "sparse"]:
        # from probabilities and from logits: the same loss
        assert values[f"{name}_hand"] == pytest.approx(
            values[f"{name}_logits_hand"], rel=1e-9)
        assert values[f"{name}_keras"] == pytest.approx(
            values[f"{name}_logits_keras"], abs=1e-5)
    # one-hot and integer labels describe the same targets
    assert values["categorical_hand"] == pytest.approx(
        values["sparse_hand"], rel=1e-12)


def test_keras_clips_probabilities_at_epsilon():
    assert keras.config.epsilon() == 1e-7
    bce = keras.losses.BinaryCrossentropy()
    y = np.zeros((1, 1), dtype="float32")
    p = np.ones((1, 1), dtype="float32")
    cap = -np.log(1 - np.float32(1 - 1e-7))
    assert float(bce(y, p)) == pytest.approx(cap, rel=1e-6)
    z = np.full((1, 1), 30.0, dtype="float32")
    logits = keras.losses.BinaryCrossentropy(from_logits=True)(y, z)
    assert float(logits) == pytest.approx(30.0)
