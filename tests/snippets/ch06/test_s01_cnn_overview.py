"""6-1: a convolution's parameter count by formula, and translation
equivariance."""


def test_counts_and_equivariance(run_snippet):
    r = run_snippet("ch06/s01_cnn_overview").result
    assert r["conv_params"] == r["conv_formula"] == 3 * 3 * 1 * 32 + 32
    assert r["dense_params"] == 784 * 784 * 32 + 784 * 32
    assert r["equivariance_diff"] < 1e-6
