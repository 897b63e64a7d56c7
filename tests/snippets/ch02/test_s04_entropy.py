"""snippets/ch02/s04_entropy.py: the definitions, SciPy and Keras agree,
with the conventions the page's table states."""

import keras
import numpy as np
import pytest
from scipy import stats

from snippets.ch02 import s04_entropy as s04


def test_worked_example(run_snippet):
    r = run_snippet("ch02/s04_entropy").result
    assert r.h_q_bits == pytest.approx(2.0)
    assert r.h_pq_bits == pytest.approx(r.h_p_bits + r.kl_pq_bits)
    assert r.h_qp_bits == pytest.approx(r.h_q_bits + r.kl_qp_bits)
    assert r.kl_pq_bits > 0 and r.kl_qp_bits > 0
    assert abs(r.kl_pq_bits - r.kl_qp_bits) > 0.01  # asymmetric
    assert r.h_p_nats == pytest.approx(r.h_p_bits * np.log(2))


def test_libraries_agree(run_snippet):
    r = run_snippet("ch02/s04_entropy").result
    np.testing.assert_allclose(r.scipy_h_p_nats, r.h_p_nats, rtol=1e-14)
    np.testing.assert_allclose(r.scipy_h_p_bits, r.h_p_bits, rtol=1e-14)
    np.testing.assert_allclose(r.scipy_kl_pq_nats, r.kl_pq_nats,
                               rtol=1e-14)
    np.testing.assert_allclose(r.keras_kl_pq, r.kl_pq_nats, rtol=1e-6)
    np.testing.assert_allclose(r.keras_cce_pq, r.h_pq_bits * np.log(2),
                               rtol=1e-6)
    assert r.worst_difference < 1e-6


@pytest.mark.parametrize("seed", range(5))
def test_random_distributions(seed):
    rng = np.random.default_rng(seed)
    p, q = rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6))
    np.testing.assert_allclose(s04.kl_divergence(p, q),
                               stats.entropy(p, q), rtol=1e-12)
    np.testing.assert_allclose(s04.entropy(p, 2), stats.entropy(p, base=2),
                               rtol=1e-12)
    np.testing.assert_allclose(
        s04.cross_entropy(p, q),
        s04.entropy(p) + s04.kl_divergence(p, q), rtol=1e-12)
    np.testing.assert_allclose(
        float(keras.losses.KLDivergence()(p[None], q[None])),
        s04.kl_divergence(p, q), rtol=1e-5)
    np.testing.assert_allclose(
        float(keras.losses.CategoricalCrossentropy()(p[None], q[None])),
        s04.cross_entropy(p, q), rtol=1e-5)


def test_zero_in_q_is_infinite_by_definition_finite_in_keras(run_snippet):
    r = run_snippet("ch02/s04_entropy").result
    assert r.scratch_kl_zero_q == np.inf
    assert np.isfinite(r.keras_kl_zero_q) and r.keras_kl_zero_q > 1
    with np.errstate(divide="ignore"):
        assert stats.entropy(s04.P, [0.5, 0.5, 0, 0]) == np.inf


def test_scipy_normalises_its_input():
    # the table: scipy rescales p to sum 1 first
    assert stats.entropy([1, 1]) == pytest.approx(np.log(2))


def test_figure(run_snippet):
    assert [f.name for f in run_snippet("ch02/s04_entropy").figures] == [
        "s04_entropy_coin.svg"]
