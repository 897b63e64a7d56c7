"""snippets/ch07/s05_stock_lstm.py: the split is in time, the scaling
uses the training days only, the predictor's inputs end on "today",
and the run is scored against "tomorrow = today"."""

import numpy as np

from snippets.ch07 import s05_stock_lstm as s05


def test_s05_scaling_uses_training_days_only():
    close = np.array([10., 20., 30., 40., 50., 100.])
    scaled, n_train, low, high = s05.split_and_scale(close, train_frac=0.5)
    assert (n_train, low, high) == (3, 10.0, 30.0)
    np.testing.assert_allclose(scaled, [0, .5, 1, 1.5, 2, 4.5])


def test_s05_windows_and_inputs_never_see_the_target():
    scaled = np.arange(40, dtype="float64")
    W, end = s05.windows(scaled, window=5)
    assert W.shape == (36, 5, 1) and end[0] == 4 and end[-1] == 39
    np.testing.assert_array_equal(W[:, -1, 0], scaled[end])
    codes = np.zeros((len(W), 2))
    X, y, target_day = s05.predictor_inputs(codes, scaled, end, history=3)
    assert X.shape == (len(W) - 3, 3, 3)
    # today's close is the last step's last entry; the target is tomorrow
    np.testing.assert_array_equal(X[:, -1, -1] + 1, y)
    np.testing.assert_array_equal(scaled[target_day], y)
    # every input day is before the target day
    assert (end[2:-1] < target_day).all()


def test_s05_predictor_adds_a_change_to_today():
    model = s05.build_predictor()
    x = np.random.default_rng(0).random((4, s05.HISTORY, s05.CODE_SIZE + 1))
    dense = [la for la in model.layers if la.name.startswith("dense")][0]
    dense.set_weights([np.zeros_like(w) for w in dense.get_weights()])
    np.testing.assert_allclose(model.predict(x, verbose=0)[:, 0],
                               x[:, -1, -1], rtol=1e-6)


def test_s05_stock_run(run_snippet):
    run = run_snippet("ch07/s05_stock_lstm")
    r = run.result
    assert r.num_train_days + r.num_test_days <= r.num_days
    assert r.num_test_days > 200
    assert r.first_test_date > "2017-10" and r.last_date == "2018-10-29"
    # the test period leaves the training range, as the page says
    assert r.test_high > r.train_high
    np.testing.assert_allclose(r.ratio, r.model_rmse / r.persistence_rmse)
    # close to the baseline either way: no sign of a leak
    assert 0.8 < r.ratio < 1.5
    assert 0.5 <= r.direction_baseline < 0.6
    assert [p.name for p in run.figures] == ["s05_stock_lstm_test.svg"]
