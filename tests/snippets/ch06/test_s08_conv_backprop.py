"""6-8: the input gradient is a full convolution (flipped kernel), the
kernel gradient a correlation; both equal GradientTape's."""
import numpy as np

from snippets.ch06 import s08_conv_backprop as s08


def test_gradients_match_the_tape(run_snippet):
    r = run_snippet("ch06/s08_conv_backprop").result
    assert r["input_grad_diff"] < 1e-12
    assert r["flip_form_diff"] < 1e-12
    assert r["kernel_grad_diff"] < 1e-12
    assert r["unflipped_diff"] > 0.1  # without the flip it is wrong


def test_other_shapes():
    rng = np.random.default_rng(5)
    x, k = rng.normal(size=(8, 5)), rng.normal(size=(4, 4))
    dy = rng.normal(size=(5, 2))
    gx, gk = s08.tape_grads(x, k, dy)
    np.testing.assert_allclose(s08.conv_input_grad(dy, k), gx, atol=1e-12)
    np.testing.assert_allclose(s08.conv_kernel_grad(x, dy), gk, atol=1e-12)
