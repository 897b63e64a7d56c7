"""snippets/ch08/s02_optimal_discriminator.py: a discriminator trained
to its optimum is D* = p_data / (p_data + p_g), and the two generator
losses have the gradients the page derives."""

import numpy as np
import pytest

from snippets.ch08 import s02_optimal_discriminator as s02


def test_s02_trained_discriminator_is_d_star(run_snippet):
    run = run_snippet("ch08/s02_optimal_discriminator")
    result = run.result
    assert result.num_bins == 20
    # Keras's optimum, bin by bin, is the closed form to rounding error
    assert result.max_abs_error < 1e-5
    # and no discriminator does better than D* (V is maximised there), to
    # the resolution of Keras's float32 outputs: on this CPU's BLAS the
    # trained D came out 2.9e-9 above V(D*), beyond a 1e-9 bound
    assert result.value_trained <= (result.value_optimal
                                    + np.finfo(np.float32).eps)
    assert result.value_trained == pytest.approx(result.value_optimal,
                                                 abs=1e-7)
    assert [p.name for p in run.figures] == [
        "s02_optimal_discriminator_fit.svg",
        "s02_optimal_discriminator_grads.svg"]


def test_s02_d_star_maximises_the_value_on_random_histograms():
    rng = np.random.default_rng(0)
    n_real, n_fake = rng.integers(1, 50, 12), rng.integers(1, 50, 12)
    best = s02.value(s02.optimal_discriminator(n_real, n_fake),
                     n_real, n_fake)
    for _ in range(20):
        other = rng.uniform(0.01, 0.99, 12)
        assert s02.value(other, n_real, n_fake) < best


def test_s02_tape_gradients_are_the_closed_forms():
    logits = np.linspace(-8, 8, 33)
    sat, non_sat = s02.generator_loss_gradients(logits)
    d = 1 / (1 + np.exp(-logits))
    np.testing.assert_allclose(sat, -d, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(non_sat, -(1 - d), rtol=1e-12, atol=1e-15)
