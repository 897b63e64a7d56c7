"""5-2: hand BPTT equals GradientTape; the gradient vanishes and explodes
with the recurrent scale; clipping matches Keras's global_clipnorm."""
import numpy as np

from snippets.ch05 import s02_bptt_gradients as s02


def test_bptt_matches_tape_and_truncation_converges(run_snippet):
    r = run_snippet("ch05/s02_bptt_gradients").result
    assert r["bptt_diff"] < 1e-12
    errs = [r[f"trunc_err_{k}"] for k in (1, 5, 10, 20)]
    assert errs == sorted(errs, reverse=True) and errs[-1] < 1e-3


def test_vanishing_and_exploding_as_the_page_says(run_snippet):
    r = run_snippet("ch05/s02_bptt_gradients").result
    assert r["tanh_small_50"] < 1e-6  # vanishes
    assert r["linear_large_50"] > 1e4  # explodes
    assert r["linear_large_99"] > r["linear_large_50"]
    assert 0.1 < r["tanh_large_50"] < 10  # tanh saturates: neither
    assert r["ratio_lag_50"]["linear_1.0"] < 10


def test_clipping_keeps_direction_and_matches_keras(run_snippet):
    r = run_snippet("ch05/s02_bptt_gradients").result
    assert r["unclipped_norm"] > 1e6
    assert abs(r["clipped_norm"] - r["clip_norm"]) < 1e-12
    assert abs(r["clip_cosine"] - 1) < 1e-12
    assert r["clip_keras_diff"] < 1e-12
    assert len(run_snippet("ch05/s02_bptt_gradients").figures) == 1


def test_small_gradients_are_not_clipped():
    g = [np.array([0.3, 0.4])]
    clipped, norm = s02.clip_by_global_norm(g, 1.0)
    assert norm == 0.5 and np.array_equal(clipped[0], g[0])
