"""snippets/ch04/s15_som_mnist.py: the batch map is the neighbourhood-
weighted mean, the radius shrinks on schedule, and quantisation error
falls once the map has formed."""

import numpy as np

from snippets.ch04 import s15_som_mnist as sm


def test_s15_batch_update_is_the_weighted_mean():
    rng = np.random.default_rng(0)
    x = rng.random((40, 6))
    w = rng.random((sm.ROWS * sm.COLS, 6))
    new, bmu = sm.batch_som_epoch(w, x, sigma=2.0)
    d = np.linalg.norm(x[:, None] - w[None], axis=2)
    np.testing.assert_array_equal(bmu, d.argmin(axis=1))
    for j in (0, 37, 99):
        h = np.exp(-np.sum((sm.GRID[j] - sm.GRID[bmu]) ** 2, axis=1) / 8)
        np.testing.assert_allclose(new[j], h @ x / h.sum(), rtol=1e-12)
    # tiny radius: each unit that wins images is their plain mean
    new, bmu = sm.batch_som_epoch(w, x, sigma=0.05)
    for j in np.unique(bmu):
        np.testing.assert_allclose(new[j], x[bmu == j].mean(axis=0),
                                   rtol=1e-9)
    # ... and a unit that no neighbourhood reaches (every h underflows
    # to 0) keeps its prototype instead of becoming 0/0 = NaN
    grid_d2 = np.sum((sm.GRID[:, None] - sm.GRID[bmu][None]) ** 2, axis=2)
    unreached = np.flatnonzero(
        np.exp(-grid_d2 / (2 * 0.05 ** 2)).sum(axis=1) == 0)
    assert len(unreached) > 0 and np.isfinite(new).all()
    np.testing.assert_array_equal(new[unreached], w[unreached])


def test_s15_result(run_snippet):
    run = run_snippet("ch04/s15_som_mnist")
    r = run.result
    assert [p.name for p in run.figures] == [
        "s15_som_mnist_prototypes.svg", "s15_som_mnist_error.svg"]
    sigmas = np.array(r.sigmas)
    assert np.all(np.diff(sigmas) < 0)
    np.testing.assert_allclose([sigmas[0], sigmas[-1]],
                               [sm.SIGMA0, sm.SIGMA_END])
    errors = np.array(r.errors)
    assert len(errors) == r.epochs + 1
    assert errors[1] > errors[0]             # the page: rises at first
    assert np.all(np.diff(errors[1:]) < 0)   # then falls every epoch
    assert r.qe_end < r.qe_start < r.qe_mean_image
    assert 0.5 < r.purity < 1
