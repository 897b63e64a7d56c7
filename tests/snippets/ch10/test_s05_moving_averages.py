"""snippets/ch10/s05_moving_averages.py: the running mean is NumPy's
mean, the EMA is pandas' ewm(adjust=False), TD(0) approaches the
solved V."""

import numpy as np
import pandas as pd

from snippets.ch10 import s05_moving_averages as ma


def test_s05_averages_match_numpy_and_pandas():
    x = np.random.default_rng(0).normal(size=200)
    np.testing.assert_allclose(ma.running_mean(x),
                               np.cumsum(x) / np.arange(1, 201), rtol=1e-12)
    expected = pd.Series(x).ewm(alpha=0.1, adjust=False).mean().to_numpy()
    np.testing.assert_allclose(ma.ema(x, 0.1), expected, rtol=1e-12)


def test_s05_td0_errors(run_snippet):
    result = run_snippet("ch10/s05_moving_averages").result
    assert abs(result["mean_last"] - (2 + 1.5)) < 0.2  # average of halves
    assert abs(result["ema_last"] - 5) < 0.5  # tracks the new level
    assert result["td_error_001"] < result["td_error_01"]
    assert result["td_error_001"] < min(result["td_error_1n"], 0.05)
