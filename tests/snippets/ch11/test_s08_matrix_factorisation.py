"""snippets/ch11/s08_matrix_factorisation.py: the hand-derived
gradients are TensorFlow's, and the model beats every baseline."""

import numpy as np
import pandas as pd
import tensorflow as tf

from snippets.ch11 import s08_matrix_factorisation as mf


def test_s08_gradients_match_autodiff():
    rng = np.random.default_rng(0)
    nu, ni, n = 6, 8, 30
    u, i = rng.integers(nu, size=n), rng.integers(ni, size=n)
    r = rng.integers(1, 6, n).astype("float32")
    params = mf.initial_parameters(nu, ni, r.mean())
    params["b_u"] += rng.normal(0, .1, (nu, 1)).astype("float32")
    loss, grads = mf.loss_and_grads(params, u, i, r, nu, ni)
    tv = {k: tf.Variable(v) for k, v in params.items() if k != "mu"}
    with tf.GradientTape() as tape:
        pred = (params["mu"] + tf.gather(tv["b_u"][:, 0], u)
                + tf.gather(tv["b_i"][:, 0], i)
                + tf.reduce_sum(tf.gather(tv["P"], u)
                                * tf.gather(tv["Q"], i), axis=1))
        tf_loss = tf.reduce_mean((r - pred) ** 2) + mf.REG * sum(
            tf.reduce_sum(v ** 2) for v in tv.values())
    tf_grads = tape.gradient(tf_loss, tv)
    np.testing.assert_allclose(loss, tf_loss.numpy(), rtol=1e-6)
    for name, g in tf_grads.items():
        np.testing.assert_allclose(grads[name], tf.convert_to_tensor(g),
                                   atol=1e-7, err_msg=name)


def test_s08_beats_the_baselines(run_snippet):
    r = run_snippet("ch11/s08_matrix_factorisation").result
    item = run_snippet("ch11/s06_item_cf").result
    assert r["rmse_test"] < item["rmse_best"] < r["rmse_bias"]
    assert r["rmse_train"] < r["rmse_test"]
    assert item["p10_best"] < r["p10_mf"]
