"""snippets/ch02/s03_logistic_regression.py: the gradient formula is
GradientTape's, and NumPy, Keras and scikit-learn find one optimum."""

import numpy as np

from snippets.ch02 import s03_logistic_regression as s03


def test_gradient_formula_equals_gradient_tape():
    rng = np.random.default_rng(0)
    X, y = s03.two_blobs(20, rng)
    for _ in range(3):
        w, b = rng.normal(size=2), float(rng.normal())
        np.testing.assert_allclose(np.append(*s03.log_loss_gradient(
            w, b, X, y)), np.append(*s03.tape_gradient(w, b, X, y)),
            rtol=1e-12, atol=1e-14)


def test_three_fits_agree(run_snippet):
    r = run_snippet("ch02/s03_logistic_regression").result
    assert r.tape_vs_formula < 1e-12
    ref = np.append(r.w_sklearn, r.b_sklearn)
    np.testing.assert_allclose(np.append(r.w_gd, r.b_gd), ref, atol=1e-8)
    np.testing.assert_allclose(np.append(r.w_keras, r.b_keras), ref,
                               atol=1e-4)
    assert r.keras_vs_sklearn < 1e-4 and r.gd_vs_sklearn < 1e-8
    assert r.w1_sklearn == r.w_sklearn[0]
    # gradient descent's loss fell to the optimum's
    assert r.losses[-1] == r.loss_gd
    assert abs(r.loss_gd - r.loss_sklearn) < 1e-12


def test_sklearn_default_is_penalised():
    # the page: the default C=1 pulls the weights towards zero
    from sklearn.linear_model import LogisticRegression
    X, y = s03.two_blobs(100, np.random.default_rng(s03.SEED))
    w_none, _ = s03.fit_sklearn(X, y)
    w_default = LogisticRegression().fit(X, y).coef_[0]
    assert np.linalg.norm(w_default) < np.linalg.norm(w_none)


def test_beats_the_baseline_and_draws(run_snippet):
    run = run_snippet("ch02/s03_logistic_regression")
    assert run.result.accuracy > run.result.majority_accuracy + 0.2
    assert [f.name for f in run.figures] == [
        "s03_logistic_regression_boundary.svg"]
