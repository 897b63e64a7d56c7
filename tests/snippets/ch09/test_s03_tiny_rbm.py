"""snippets/ch09/s03_tiny_rbm.py: p(h | x), F(x), Z and p(x) of a 4 x 3
RBM agree with brute-force enumeration and with scikit-learn."""

import numpy as np

from snippets.ch09 import s03_tiny_rbm as s03


def test_s03_formulas_match_enumeration_and_sklearn(run_snippet):
    run = run_snippet("ch09/s03_tiny_rbm")
    r = run.result
    assert r["num_states"] == 2 ** 4 * 2 ** 3
    assert r["p_h_given_x_max_diff"] < 1e-12
    assert r["p_h_given_x_rows_sum"] < 1e-12
    assert r["free_energy_max_diff"] < 1e-10
    assert abs(r["p_x_sum"] - 1) < 1e-12
    assert r["p_x_marginal_max_diff"] < 1e-12
    np.testing.assert_allclose(r["Z"], r["Z_from_free_energy"], rtol=1e-12)
    assert r["sklearn_free_energy_max_diff"] < 1e-12
    assert r["sklearn_transform_max_diff"] < 1e-12
    assert r["sklearn_pll_max_diff"] < 1e-12
    # the page: the pseudo-likelihood is not the log-likelihood
    assert abs(r["mean_pseudo_ll"] - r["mean_exact_ll"]) > 1e-3
    assert [p.name for p in run.figures] == ["s03_tiny_rbm_graph.svg",
                                             "s03_tiny_rbm_px.svg"]


def test_s03_energy_of_one_pair_by_hand():
    W, b, c = s03.tiny_rbm()
    x, h = np.array([[1.0, 0, 1, 1]]), np.array([[0.0, 1, 1]])
    by_hand = -(b[0] + b[2] + b[3]) - (c[1] + c[2]) - (
        W[1, 0] + W[1, 2] + W[1, 3] + W[2, 0] + W[2, 2] + W[2, 3])
    np.testing.assert_allclose(s03.energy(x, h, W, b, c)[0, 0], by_hand,
                               rtol=1e-12)
