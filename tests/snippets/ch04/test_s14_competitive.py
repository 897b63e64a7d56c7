"""snippets/ch04/s14_competitive.py: online winner-take-all ends where
K-Means does on the Gaussian mixture, and its inertia falls."""

import numpy as np

from snippets.ch04 import s14_competitive as comp


def test_s14_inertia_matches_sklearn_definition():
    from sklearn.cluster import KMeans
    rng = np.random.default_rng(3)
    x = rng.normal(size=(50, 2))
    km = KMeans(3, init=x[:3], n_init=1).fit(x)
    np.testing.assert_allclose(comp.inertia(x, km.cluster_centers_),
                               km.inertia_, rtol=1e-9)


def test_s14_result(run_snippet):
    run = run_snippet("ch04/s14_competitive")
    r = run.result
    assert [p.name for p in run.figures] == ["s14_competitive_clusters.svg"]
    assert r.wta_inertia < r.start_inertia
    # the page: the two end in the same place
    assert r.max_centre_distance < 0.1
    assert abs(r.wta_inertia - r.kmeans_inertia) < 0.01 * r.kmeans_inertia
    history = np.array(r.inertia_history)
    assert history[-1] <= history[0]


def test_s14_mixture_is_chapter_3s():
    from snippets.ch03 import s03_kmeans
    np.testing.assert_array_equal(comp.MEANS, s03_kmeans.MEANS)
    a = comp.gaussian_mixture(60, np.random.default_rng(5))
    b = s03_kmeans.gaussian_mixture(60, np.random.default_rng(5))
    np.testing.assert_array_equal(a, b)
