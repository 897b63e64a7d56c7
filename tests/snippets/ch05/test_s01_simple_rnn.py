"""5-1: the NumPy simple RNN is keras.layers.SimpleRNN."""
import numpy as np

from snippets.ch05 import s01_simple_rnn as s01


def test_numpy_rnn_matches_keras(run_snippet):
    run = run_snippet("ch05/s01_simple_rnn")
    assert run.result["max_abs_diff"] < 1e-6
    assert run.result["num_params"] == 3 * 4 + 4 * 4 + 4
    assert [f.name for f in run.figures] == [
        "s01_simple_rnn_unrolled.svg", "s01_simple_rnn_states.svg"]


def test_other_weights_and_sizes_match_too():
    rng = np.random.default_rng(0)
    W_x, W_h, b = s01.random_weights(rng, num_inputs=5, num_units=7)
    xs = rng.normal(size=(3, 20, 5))
    np.testing.assert_allclose(s01.simple_rnn(xs, W_x, W_h, b),
                               s01.keras_simple_rnn(xs, W_x, W_h, b),
                               atol=1e-6)
