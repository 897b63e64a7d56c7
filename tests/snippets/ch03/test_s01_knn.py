"""snippets/ch03/s01_knn.py: the TensorFlow KNN is scikit-learn's, and
k trades variance for bias as the page says."""

import numpy as np
from sklearn.neighbors import KNeighborsClassifier

from snippets.ch03 import s01_knn as s01


def test_distances_are_exact():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(7, 3)), rng.normal(size=(5, 3))
    direct = ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)
    np.testing.assert_allclose(s01.pairwise_sq_distances(a, b).numpy(),
                               direct, rtol=1e-12, atol=1e-12)


def test_matches_sklearn(run_snippet):
    r = run_snippet("ch03/s01_knn").result
    assert r.mismatches_val == 0 and r.mismatches_grid == 0
    assert r.proba_difference < 1e-12
    rng = np.random.default_rng(1)
    X, y = s01.three_blobs(30, rng)
    Q = rng.normal(1, 2, (50, 2))
    for k in (1, 4, 9):  # even k: ties in the vote go the same way
        sk = KNeighborsClassifier(n_neighbors=k, algorithm="brute")
        np.testing.assert_array_equal(s01.knn_predict(X, y, Q, k, 3),
                                      sk.fit(X, y).predict(Q))


def test_bias_variance(run_snippet):
    r = run_snippet("ch03/s01_knn").result
    assert r.train_error_k1 == 0
    assert r.val_error_k1 > r.best_val_error
    assert 1 < r.best_k < r.ks[-1]
    assert r.val_error[-1] > r.best_val_error
    assert r.best_val_error < r.majority_error - 0.3


def test_figures(run_snippet):
    assert [f.name for f in run_snippet("ch03/s01_knn").figures] == [
        "s01_knn_regions.svg", "s01_knn_error.svg"]
