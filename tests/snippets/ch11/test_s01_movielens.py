"""snippets/ch11/s01_movielens.py: the published counts of
ml-latest-small, a split without unknown users or movies, the bias
baseline beating the global mean, and precision@k on a toy case."""

import numpy as np
import pandas as pd

from snippets.ch11 import s01_movielens as ml


def test_s01_counts_and_baselines(run_snippet):
    run = run_snippet("ch11/s01_movielens")
    r = run.result
    assert (r["num_ratings"], r["num_users"]) == (100836, 610)
    assert r["num_rated_movies"] == 9742
    assert r["num_train"] + r["num_test"] <= 100836
    assert abs(r["num_test"] / 100836 - 0.2) < 0.01
    assert r["rmse_bias"] < r["rmse_global"]
    assert len(run.figures) == 2


def test_s01_precision_at_k_by_hand():
    train = pd.DataFrame({"u": [0, 0], "i": [0, 1], "rating": [5.0, 5.0]})
    test = pd.DataFrame({"u": [0, 0], "i": [2, 3], "rating": [5.0, 2.0]})
    scores = np.array([[9.0, 8.0, 1.0, 7.0, 0.0]])
    # training movies 0, 1 excluded; top-2 = {3, 2}; liked = {2}
    assert ml.precision_at_k(scores, train, test, k=2) == 0.5


def test_s01_biases_solve_their_ridge_equations():
    rng = np.random.default_rng(0)
    train = pd.DataFrame({"u": rng.integers(5, size=60),
                          "i": rng.integers(7, size=60),
                          "rating": rng.integers(1, 6, 60).astype(float)})
    mu, b_u, b_i = ml.fit_biases(train, 5, 7, reg=2.0, sweeps=500)
    # stationary point of sum (r - mu - b_u - b_i)^2 + reg (|b_u|^2+|b_i|^2)
    res = train.rating - mu - b_u[train.u] - b_i[train.i]
    np.testing.assert_allclose(np.bincount(train.u, res, 5), 2.0 * b_u,
                               atol=1e-9)
    np.testing.assert_allclose(np.bincount(train.i, res, 7), 2.0 * b_i,
                               atol=1e-9)


def test_s01_page_claims(run_snippet):
    # 11-5: "4 is the most common value", whole stars commoner than half
    ratings, _ = ml.load_movielens()
    counts = ratings.rating.value_counts()
    assert counts.idxmax() == 4.0
    assert counts[[1.0, 2.0, 3.0, 4.0, 5.0]].sum() > counts[
        [0.5, 1.5, 2.5, 3.5, 4.5]].sum()
    assert ratings.groupby("userId").size().min() >= 20
    r = run_snippet("ch11/s01_movielens").result
    assert r["top10pct_share"] > 0.5
