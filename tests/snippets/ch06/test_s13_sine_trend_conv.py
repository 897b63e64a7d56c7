"""6-11 … 6-14: causal padding, the receptive-field formula, the shapes
of 1-D/2-D/3-D convolutions, and forecasts that beat "next = last"."""
import numpy as np

from snippets.ch06 import s13_sine_trend_conv as s13


def test_causal_and_receptive_field(run_snippet):
    r = run_snippet("ch06/s13_sine_trend_conv").result
    assert r["future_influence"] == 0.0
    assert r["steps_seen"] == r["receptive_formula"] == 16


def test_shapes(run_snippet):
    r = run_snippet("ch06/s13_sine_trend_conv").result
    assert r["conv1d_out"] == "4×98×8"
    assert r["conv3d_out"] == "4×14×26×26×8"
    assert r["conv1d_params"] == 3 * 2 * 8 + 8
    assert r["conv3d_params"] == 27 * 8 + 8


def test_forecasts_beat_next_equals_last(run_snippet):
    run = run_snippet("ch06/s13_sine_trend_conv")
    r = run.result
    assert r["conv1d"] < r["naive"] and r["conv2d"] < r["naive"]
    assert min(r["conv1d"], r["conv2d"]) > r["noise"]
    assert r["test_max"] > r["train_max"]
    assert len(run.figures) == 1


def test_relative_windows():
    series = np.arange(40, dtype="float32") ** 1.5
    X, y, last = s13.relative_windows(series)
    assert X[0, -1, 0] == 0 and last[0] == series[s13.WINDOW - 1]
    assert y[0] == series[s13.WINDOW] - series[s13.WINDOW - 1]
    two = s13.with_difference(X)
    assert two.shape == (len(X), s13.WINDOW, 2, 1)
