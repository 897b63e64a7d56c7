"""docs/ch05-rnn/06-lstm-practice.md: the comparisons its prose makes."""

FORECASTS = ["lstm_many_to_one", "lstm_many_to_many", "bi_many_to_one",
             "stacked_uni_bi"]


def test_models_end_near_the_noise_and_close_together(run_snippet):
    r = run_snippet("ch05/s06_lstm_practice").result
    errors = [r[name] for name in FORECASTS]
    assert max(errors) - min(errors) < 0.03
    assert all(0.9 * r["noise"] < e < 1.5 * r["noise"] for e in errors)


def test_stacking_buys_no_clearly_better_forecast(run_snippet):
    r = run_snippet("ch05/s06_lstm_practice").result
    assert r["stacked_uni_bi_params"] > 4 * r["lstm_many_to_one_params"]
    assert r["stacked_uni_bi"] > r["lstm_many_to_one"] - 0.01
