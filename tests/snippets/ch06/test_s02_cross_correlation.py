"""6-2: the hand loops equal scipy.signal, and Keras's "conv" is the
cross-correlation, not the convolution."""
import numpy as np
from scipy import signal

from snippets.ch06 import s02_cross_correlation as s02


def test_hand_results_match_scipy_and_keras(run_snippet):
    r = run_snippet("ch06/s02_cross_correlation").result
    assert r["scipy_xcorr_diff"] == r["scipy_conv_diff"] == 0
    assert r["keras_xcorr_diff"] < 1e-6
    assert r["keras_vs_conv"] > 1  # Keras does not flip the kernel
    assert r["top_left"] == -4.0


def test_random_inputs_too():
    rng = np.random.default_rng(0)
    x, k = rng.normal(size=(9, 7)), rng.normal(size=(4, 3))
    np.testing.assert_allclose(s02.cross_correlate(x, k),
                               signal.correlate2d(x, k, "valid"), atol=1e-12)
    np.testing.assert_allclose(s02.convolve(x, k),
                               signal.convolve2d(x, k, "valid"), atol=1e-12)
    np.testing.assert_allclose(s02.keras_conv(x, k),
                               s02.cross_correlate(x, k), atol=1e-5)
