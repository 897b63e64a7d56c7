"""6-5: upsampling and the transposed convolution by hand equal Keras;
the transposed convolution is the adjoint of the strided convolution."""
import numpy as np
import pytest

from snippets.ch06 import s05_transposed_conv as s05


def test_hand_results_match_keras(run_snippet):
    run = run_snippet("ch06/s05_transposed_conv")
    r = run.result
    for key in ("nearest_diff", "bilinear_diff", "transpose_s1_diff",
                "transpose_s2_diff"):
        assert r[key] < 1e-6, key
    assert r["adjoint_gap"] < 1e-10
    assert r["size_formula_ok"]
    assert (r["checker_min"], r["checker_max"]) == (1.0, 4.0)
    assert len(run.figures) == 1


def test_transposed_conv_of_random_inputs_matches_keras():
    rng = np.random.default_rng(3)
    x, k = rng.normal(size=(3, 4)), rng.normal(size=(3, 3))
    for stride in (1, 2, 3):
        np.testing.assert_allclose(s05.conv_transpose(x, k, stride),
                                   s05.keras_transpose(x, k, stride),
                                   atol=1e-5)


def test_bilinear_keeps_constants_and_means():
    x = np.full((3, 3), 2.0)
    np.testing.assert_allclose(s05.upsample_bilinear(x, 3), 2.0)
    assert s05.interpolate_1d(4, 2).sum(axis=1) == pytest.approx(np.ones(8))
