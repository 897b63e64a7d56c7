"""snippets/ch03/s03_kmeans.py: Lloyd's iterations in TensorFlow are
scikit-learn's from the same start; restarts, elbow and failures."""

import numpy as np
from sklearn.cluster import KMeans

from snippets.ch03 import s03_kmeans as s03


def test_same_start_same_result(run_snippet):
    r = run_snippet("ch03/s03_kmeans").result
    assert r.label_mismatches == 0
    assert r.centre_difference < 1e-10
    np.testing.assert_allclose(r.inertia_tf, r.inertia_sklearn, rtol=1e-12)


def test_other_starts_agree_too():
    rng = np.random.default_rng(5)
    X = s03.gaussian_mixture(20, rng, scales=[1.2] * 5)
    for k in (2, 4, 7):
        start = X[rng.choice(len(X), k, replace=False)]
        centres, labels, inertia, path = s03.lloyd(X, start)
        sk = KMeans(n_clusters=k, init=start, n_init=1, algorithm="lloyd",
                    tol=0).fit(X)
        np.testing.assert_allclose(centres, sk.cluster_centers_,
                                   atol=1e-10)
        np.testing.assert_array_equal(labels, sk.labels_)
        np.testing.assert_allclose(inertia, sk.inertia_, rtol=1e-12)
        # every iteration lowers (never raises) the objective
        objective = [float(s03.assign(X, c)[1]) for c in path]
        assert all(b <= a + 1e-9 for a, b in zip(objective, objective[1:]))


def test_kmeans_plus_plus_picks_data_points():
    X = s03.gaussian_mixture(10, np.random.default_rng(2))
    centres = s03.kmeans_plus_plus(X, 5, np.random.default_rng(3))
    assert len({tuple(c) for c in centres}) == 5
    assert all((X == c).all(1).any() for c in centres)


def test_restarts_elbow_failures(run_snippet):
    r = run_snippet("ch03/s03_kmeans").result
    assert r.num_restarts == 20
    # local optima exist: some restarts of each kind end higher
    assert r.num_random_stuck > 0 and r.num_plusplus_stuck > 0
    # the figure: "most runs reach the same lowest value"
    assert max(r.num_random_stuck, r.num_plusplus_stuck) < 10
    assert r.worst_random > 1.01 * r.best_random
    assert r.best_plusplus == min(r.plusplus_inertias)
    assert np.all(np.diff(r.elbow_inertias) < 0)
    assert r.elbow_drop_at_true_k > 5 * r.elbow_drop_after
    assert r.wide_cluster_labels > 1 and r.small_clusters_labels == 1
    assert r.moons_agreement < 0.9


def test_figures(run_snippet):
    assert [f.name for f in run_snippet("ch03/s03_kmeans").figures] == [
        "s03_kmeans_iterations.svg", "s03_kmeans_restarts.svg",
        "s03_kmeans_elbow.svg", "s03_kmeans_failures.svg"]
