"""5-6 … 5-8: the split is in time, the forecasts beat "next = last",
the bidirectional many-to-many leaks, parameter counts match the
formula."""
import numpy as np

from snippets.ch05 import s06_lstm_practice as s06

FORECASTS = ["lstm_many_to_one", "lstm_many_to_many", "bi_many_to_one",
             "stacked_uni_bi"]  # the forecasts that use only the past


def test_split_is_in_time_and_windows_line_up():
    series = s06.noisy_sine()
    train, test = s06.time_split(series)
    cut = len(train)
    assert np.array_equal(test[s06.WINDOW:], series[cut:])
    X, y, Y = s06.windows(series[:40])
    assert np.array_equal(X[3, :, 0], series[3:3 + s06.WINDOW])
    assert y[3] == series[3 + s06.WINDOW]
    assert np.array_equal(Y[3, :, 0], series[4:4 + s06.WINDOW])


def test_forecasts_beat_the_naive_baseline(run_snippet):
    r = run_snippet("ch05/s06_lstm_practice").result
    for name in FORECASTS:
        assert r[name] < r["naive"], name
    assert r[r["best_model"]] == min(r[n] for n in FORECASTS)
    assert r["bi_many_to_many"] > r["naive"]  # the leaky model, 5-7
    assert r["num_test"] == s06.NUM_POINTS // 4
    assert len(run_snippet("ch05/s06_lstm_practice").figures) == 2


def test_bidirectional_many_to_many_sees_the_future(run_snippet):
    r = run_snippet("ch05/s06_lstm_practice").result
    # inside the window the target is in the input: far below the noise
    uni = r["lstm_many_to_many_per_step"]
    assert r["bi_inner_rmse"] < r["noise"] < min(uni)
    assert r["bi_last_rmse"] > r["naive"]


def test_parameter_counts_match_the_formula(run_snippet):
    r = run_snippet("ch05/s06_lstm_practice").result
    assert r["stacked_uni_bi_params"] == r["stacked_formula"]
    u = s06.UNITS
    assert r["lstm_many_to_one_params"] == s06.lstm_params(1, u) + u + 1
    assert r["bi_many_to_one_params"] == 2 * s06.lstm_params(1, u) + 2 * u + 1
