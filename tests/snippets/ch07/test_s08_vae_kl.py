"""snippets/ch07/s08_vae_kl.py: the VAE's closed-form KL term is the
KL divergence, by Monte Carlo and by quadrature."""

import numpy as np
import pytest

from snippets.ch07 import s08_vae_kl as s08


def test_s08_closed_form_agrees_with_monte_carlo(run_snippet):
    run = run_snippet("ch07/s08_vae_kl")
    result = run.result
    # within 4 standard errors of the estimate (≈ 1 in 16,000 to fail
    # by chance; the run is seeded, so it either always passes or never)
    assert abs(result.monte_carlo - result.closed_form) < (
        4 * result.standard_error)
    assert result.standard_error < 0.005
    assert [p.name for p in run.figures] == ["s08_vae_kl_monte_carlo.svg"]


def test_s08_closed_form_is_scipys_integral_to_rounding_error(run_snippet):
    result = run_snippet("ch07/s08_vae_kl").result
    assert result.closed_form_1d == pytest.approx(result.quadrature_1d,
                                                  rel=1e-10)
    for mu, log_var in [(0.0, 0.0), (2.0, -3.0), (-0.3, 1.5)]:
        closed = s08.kl_closed_form(np.array([mu]), np.array([log_var]))
        assert closed == pytest.approx(s08.kl_quadrature_1d(mu, log_var),
                                       rel=1e-9, abs=1e-12)


def test_s08_kl_is_zero_only_at_the_prior():
    assert s08.kl_closed_form(np.zeros(3), np.zeros(3)) == 0.0
    assert s08.kl_closed_form(np.array([0.1]), np.zeros(1)) > 0
    assert s08.kl_closed_form(np.zeros(1), np.array([0.1])) > 0
