"""snippets/ch01/s09_momentum_rates.py: the rate argument for momentum,
checked against the 2 × 2 iteration matrix it rests on."""

import numpy as np
import pytest

from snippets.ch01 import s09_momentum_rates as rates


def test_s09_closed_form_roots_match_the_matrix():
    rng = np.random.default_rng(9)
    for h, beta in zip(rng.uniform(0, 4.5, 50), rng.uniform(0, 0.99, 50)):
        assert rates.spectral_radius_grid(h, beta) == pytest.approx(
            rates.spectral_radius(h, beta), rel=1e-7)


@pytest.mark.parametrize("beta", [0.0, 0.3, 0.9])
def test_s09_stability_edge_is_2_times_1_plus_beta(beta):
    edge = 2 * (1 + beta)
    assert rates.spectral_radius(edge * 0.99, beta) < 1
    assert rates.spectral_radius(edge * 1.01, beta) > 1


def test_s09_polyak_gives_every_direction_the_rate_sqrt_beta(run_snippet):
    run = run_snippet("ch01/s09_momentum_rates")
    result = run.result
    root = np.sqrt(result["polyak_beta"])
    assert result["rho_polyak_small"] == pytest.approx(root, rel=1e-6)
    assert result["rho_polyak_large"] == pytest.approx(root, rel=1e-6)
    assert root == pytest.approx(result["rate_momentum_10"])
    # Between the two curvatures the roots are complex, |r| = √β.
    for lam in np.linspace(1, 10, 19):
        assert rates.spectral_radius(result["polyak_lr"] * lam,
                                     result["polyak_beta"]) == \
            pytest.approx(root, rel=1e-6)
    assert [p.name for p in run.figures] == [
        "s09_momentum_rates_region.svg", "s09_momentum_rates_steps.svg"]


def test_s09_sqrt_kappa_against_kappa(run_snippet):
    result = run_snippet("ch01/s09_momentum_rates").result
    # The heavy ball on κ = 100 is exactly as fast as descent on κ = 10.
    assert result["rate_momentum_100"] == pytest.approx(
        result["rate_sgd_10"])
    assert result["steps_momentum_100"] == result["steps_sgd_10"]
    # Ten times κ: about ten times the steps for descent, √10 for momentum.
    assert 9 < result["steps_sgd_100"] / result["steps_sgd_10"] < 11
    assert 2.5 < (result["steps_momentum_100"]
                  / result["steps_momentum_10"]) < 3.7
    assert (result["steps_momentum_100"] < result["steps_nesterov_100"]
            < result["steps_sgd_100"])
