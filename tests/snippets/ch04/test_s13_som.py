"""snippets/ch04/s13_som.py: the BMU takes a full Instar step, the
neighbourhood decays with grid distance, radius and rate shrink on
schedule, and quantisation error falls."""

import numpy as np

from snippets.ch04 import s13_som as som


def test_s13_schedule_shrinks_from_start_to_end():
    steps = np.arange(som.NUM_STEPS + 1)
    sigma, alpha = som.schedule(steps)
    assert np.all(np.diff(sigma) < 0) and np.all(np.diff(alpha) < 0)
    np.testing.assert_allclose([sigma[0], alpha[0]],
                               [som.SIGMA0, som.ALPHA0])
    np.testing.assert_allclose([sigma[-1], alpha[-1]],
                               [som.SIGMA_END, som.ALPHA_END])
    # exponential: a constant ratio per step
    np.testing.assert_allclose(sigma[1:] / sigma[:-1], sigma[1] / sigma[0])


def test_s13_step_is_instar_weighted_by_the_neighbourhood():
    rng = np.random.default_rng(0)
    w = rng.random((som.ROWS * som.COLS, 2))
    x = rng.random(2)
    new, bmu = som.som_step(w, x, sigma=1.5, alpha=0.3)
    assert bmu == np.argmin(np.linalg.norm(w - x, axis=1))
    np.testing.assert_allclose(new[bmu] - w[bmu], 0.3 * (x - w[bmu]),
                               rtol=1e-12)
    grid_d = np.linalg.norm(som.GRID - som.GRID[bmu], axis=1)
    h = np.exp(-grid_d**2 / (2 * 1.5**2))
    np.testing.assert_allclose(new - w, 0.3 * h[:, None] * (x - w),
                               rtol=1e-9, atol=1e-15)
    # the neighbourhood falls with grid distance, 1 at the BMU
    assert h[bmu] == 1 and np.all(h[grid_d > 0] < 1)
    # every unit ends no farther from x than it was
    assert np.all(np.linalg.norm(new - x, axis=1)
                  <= np.linalg.norm(w - x, axis=1) + 1e-15)


def test_s13_quantisation_error_falls(run_snippet):
    run = run_snippet("ch04/s13_som")
    r = run.result
    assert [p.name for p in run.figures] == ["s13_som_unfolding.svg"]
    errors = np.array(r.quantisation_errors)
    assert np.all(np.diff(errors) < 0)  # the page: falls at every snapshot
    assert r.qe_end < r.qe_start / 4
    # 100 units evenly on the unit square: mean distance ≈ 0.038 at best
    assert r.qe_end < 0.06
