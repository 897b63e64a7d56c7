"""5-3: the NumPy LSTM step, gates in the order i, f, c, o, is Keras's."""
import numpy as np

from snippets.ch05 import s03_lstm_cell as s03


def test_numpy_lstm_matches_keras(run_snippet):
    result = run_snippet("ch05/s03_lstm_cell").result
    assert result["max_abs_diff"] < 1e-6
    # unit_forget_bias: ones in the forget block, zeros elsewhere
    u = result["num_units"]
    assert result["initial_bias"] == [0.0] * u + [1.0] * u + [0.0] * 2 * u
    assert result["forget_bias"] == 1.0


def test_a_different_gate_order_does_not_match():
    rng = np.random.default_rng(1)
    W = rng.normal(0, 0.5, (3, 8))
    U = rng.normal(0, 0.5, (2, 8))
    b = rng.normal(0, 0.5, 8)
    xs = rng.normal(size=(1, 6, 3))
    theirs = s03.keras_lstm(xs, W, U, b)
    np.testing.assert_allclose(s03.lstm(xs, W, U, b), theirs, atol=1e-6)
    swap = np.r_[0:2, 6:8, 4:6, 2:4]  # i, o, c, f: the wrong order
    assert np.abs(s03.lstm(xs, W[:, swap], U[:, swap], b[swap])
                  - theirs).max() > 1e-2
