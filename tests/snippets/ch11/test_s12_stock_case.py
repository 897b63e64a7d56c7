"""snippets/ch11/s12_stock_case.py: the window similarity equals
scikit-learn's cosine_similarity, the split in time does not overlap,
the forecasts follow their definition, and the data are the file the
datasets README describes."""

import numpy as np
import pandas as pd
from sklearn.metrics.pairwise import cosine_similarity

from snippets.ch11 import s12_stock_case as sc


def test_s12_similarity_matches_sklearn():
    W, starts, ends = sc.return_windows(sc.load_closes())
    S = sc.window_similarity(W)
    np.testing.assert_allclose(S, cosine_similarity(W), rtol=1e-12,
                               atol=1e-14)
    np.testing.assert_allclose(np.diag(S), 1.0, rtol=1e-12)
    assert W.shape[1] == sc.WINDOW
    # consecutive, non-overlapping windows, the last ending on the last day
    assert (starts[1:] > ends[:-1]).all()
    assert pd.Timestamp(ends[-1]) == pd.Timestamp("2018-10-29")


def test_s12_data_are_the_documented_file():
    close = sc.load_closes()
    assert len(close) == 1225 - 5  # the 5 zero-volume rows dropped
    assert close.index.is_monotonic_increasing
    # Close is already split-adjusted: no 50:1 jump in May 2018
    assert np.abs(np.diff(np.log(close.to_numpy()))).max() < np.log(1.1)


def test_s12_split_in_time_has_no_overlap():
    library, queries, n_train = sc.split_in_time(60)
    used_before = set(library) | set(library + 1)  # windows and next ones
    used_after = set(queries) | set(queries + 1)
    assert used_before.isdisjoint(used_after)
    assert max(used_before) < n_train <= min(used_after)
    assert max(used_after) == 59


def test_s12_knn_forecast_by_hand():
    S = np.array([[1, .9, .1, .5], [.9, 1, .2, .3],
                  [.1, .2, 1, .8], [.5, .3, .8, 1]])
    totals = np.array([1.0, 2.0, 3.0, 4.0])
    # query 3, library {0, 1}, k = 1: nearest is 0 (0.5), its next is 1
    f, nearest = sc.knn_forecasts(S, totals, np.array([0, 1]),
                                  np.array([3]), k=1)
    assert nearest.tolist() == [[0]] and f.tolist() == [2.0]
    f, _ = sc.knn_forecasts(S, totals, np.array([0, 1]), np.array([3]), k=2)
    assert f.tolist() == [2.5]


def test_s12_run(run_snippet):
    run = run_snippet("ch11/s12_stock_case")
    r = run.result
    assert len(run.figures) == 2
    assert r["num_windows"] == len(r["similarity_diag"]) == 60
    assert r["library_last_end"] < r["split_date"] == r["query_first_start"]
    assert set(np.ravel(r["nearest_idx"])) <= set(r["library_idx"])
    assert r["num_queries"] == len(r["query_idx"]) >= 15
    assert r["knn_vs_mean"] == ("lower" if r["rmse_knn"] < r["rmse_mean"]
                                else "higher")
    assert r["latest_end"] == r["last_date"] == "2018-10-29"
    # "cosine and correlation nearly agree" is not claimed beyond this
    assert 0 < r["cos_corr_max_diff"] < 0.5


def test_s12_page_claims(run_snippet):
    """The sentences of docs/ch11-recommenders/12-stock-case.md."""
    r = run_snippet("ch11/s12_stock_case").result
    # the chance value: the Gamma-function formula against Monte Carlo
    a, b = np.random.default_rng(0).standard_normal((2, 20000, sc.WINDOW))
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    np.testing.assert_allclose(np.abs(cos).mean(), r["chance_abs_cosine"],
                               atol=0.005)
    # "about as alike as chance makes them"
    assert abs(r["mean_abs_similarity"] - r["chance_abs_cosine"]) < 0.03
    # "the mean, a forecast of 'up' every time"
    assert r["mean_forecast"] > 0
    # "every row ... about as wide of the mark as the returns vary"
    for key in ("rmse_knn", "rmse_mean", "rmse_zero", "rmse_random_k"):
        assert 0.8 < r[key] / r["sd_actual"] < 1.25
    # "these differences are a few windows either way"
    assert abs(r["hit_knn"] - r["hit_mean"]) * r["num_queries"] <= 3
