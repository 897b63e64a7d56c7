"""snippets/ch02/s06_mse_vs_ce.py: the two gradients are GradientTape's,
MSE learns slowly when wrong, and BCE equals two-class CCE."""

import numpy as np

from snippets.ch02 import s06_mse_vs_ce as s06


def test_gradient_formulas_equal_the_tape(run_snippet):
    assert run_snippet("ch02/s06_mse_vs_ce").result.tape_vs_formula < 1e-12
    z = np.linspace(-6, 6, 25)
    for y in (0.0, 1.0):
        mse, ce = s06.tape_grads_z(z, np.full_like(z, y))
        np.testing.assert_allclose(mse, s06.mse_grad_z(z, y), atol=1e-14)
        np.testing.assert_allclose(ce, s06.ce_grad_z(z, y), atol=1e-14)


def test_mse_learns_slowly_when_confidently_wrong(run_snippet):
    r = run_snippet("ch02/s06_mse_vs_ce").result
    assert r.start_output > 0.98
    assert r.mse_grad_at_start < r.ce_grad_at_start / 10
    assert r.ce_steps_to_half * 3 < r.mse_steps_to_half < r.num_steps
    assert r.ce_output_50 < 0.5 < r.mse_output_50
    assert r.ce_output_end < r.mse_output_end


def test_bce_is_two_class_cce(run_snippet):
    r = run_snippet("ch02/s06_mse_vs_ce").result
    assert r.bce_vs_cce < 1e-12
    assert r.bce_vs_cce_probs < 1e-6
    bce, cce = s06.bce_and_cce(np.array([-30.0, 0.0, 30.0]),
                               np.array([1.0, 0.0, 0.0]))
    np.testing.assert_allclose(bce, cce, rtol=1e-12)


def test_figures(run_snippet):
    assert [f.name for f in run_snippet("ch02/s06_mse_vs_ce").figures] == [
        "s06_mse_vs_ce_gradients.svg", "s06_mse_vs_ce_training.svg"]
