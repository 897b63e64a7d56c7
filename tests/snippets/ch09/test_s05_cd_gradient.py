"""snippets/ch09/s05_cd_gradient.py: the exact gradient is autodiff's,
CD-k's bias shrinks with k, and CD-1 trains to a worse likelihood."""

import numpy as np

from snippets.ch09 import s05_cd_gradient as s05
from snippets.ch09.s03_tiny_rbm import tiny_rbm


def test_s05_exact_gradient_and_cd_bias(run_snippet):
    run = run_snippet("ch09/s05_cd_gradient")
    r = run.result
    assert r["autodiff_max_diff"] < 1e-12
    bias = r["bias"]
    assert all(a > b for a, b in zip(bias, bias[1:]))  # shrinks with k
    assert bias[0] > 0.1  # the page: CD-1 is visibly biased here
    assert bias[-1] < 1e-10
    assert r["cosine"][0] > 0.9  # ... but points uphill
    # Monte Carlo agrees with the exact CD-1 expectation to its noise
    assert abs(r["bias_sampled"][0] - bias[0]) < 0.05
    # training: both climb, exact ends higher, nobody beats the bound
    assert r["start_ll"] < r["cd1_final_ll"] < r["exact_final_ll"]
    assert r["exact_final_ll"] <= r["best_ll"]
    assert r["final_gap"] > 0
    assert [p.name for p in run.figures] == [
        "s05_cd_gradient_bias.svg", "s05_cd_gradient_training.svg"]


def test_s05_transition_matrix_is_stochastic_with_p_x_stationary():
    W, b, c = tiny_rbm()
    T = s05.transition_matrix(W, b, c)
    np.testing.assert_allclose(T.sum(axis=1), 1, rtol=1e-12)
    _, px, _ = s05.p_x(W, b, c)
    np.testing.assert_allclose(px @ T, px, atol=1e-12)


def test_s05_exact_gradient_matches_finite_differences():
    W, b, c = tiny_rbm()
    dW, _, _ = s05.exact_gradient(W, b, c, s05.DATA)
    eps = 1e-6
    W_plus = W.copy()
    W_plus[0, 1] += eps
    W_minus = W.copy()
    W_minus[0, 1] -= eps
    numeric = (s05.log_likelihood(W_plus, b, c, s05.DATA)
               - s05.log_likelihood(W_minus, b, c, s05.DATA)) / (2 * eps)
    np.testing.assert_allclose(dW[0, 1], numeric, rtol=1e-6)


def test_s05_page_scalars_are_the_lists_entries(run_snippet):
    r = run_snippet("ch09/s05_cd_gradient").result
    assert r["bias_k1"] == r["bias"][0]
    assert r["bias_k5"] == r["bias"][r["ks"].index(5)]
    assert r["bias_k50"] == r["bias"][r["ks"].index(50)]
    assert r["cosine_k1"] == r["cosine"][0]
