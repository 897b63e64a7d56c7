"""snippets/ch09/s06_cd1_tensorflow.py: TensorFlow's sampled CD-1
gradient averages to CD-1's exact expectation."""

import numpy as np
import tensorflow as tf

from snippets.ch09 import s06_cd1_tensorflow as s06


def test_s06_tf_cd1_matches_exact_expectation(run_snippet):
    r = run_snippet("ch09/s06_cd1_tensorflow").result
    assert r["num_samples"] == 12 * 50_000
    # standard error per entry is below 1e-3 with 600,000 samples
    assert r["max_gap"] < 5e-3
    assert r["largest_entry"] > 0.1  # so the check is not trivial


def test_s06_update_moves_the_variables_by_lr_times_gradient():
    rng = tf.random.Generator.from_seed(0)
    W, b, c = (tf.Variable(tf.zeros(s)) for s in [(2, 3), (3,), (2,)])
    x = tf.constant([[1.0, 0.0, 1.0]])
    s06.cd1_update((W, b, c), x, rng, 0.5, sampled=False)
    # from zero weights every probability is 1/2: db = 0.5 (x - 1/2)
    np.testing.assert_allclose(b.numpy(), 0.5 * (x.numpy()[0] - 0.5))
    np.testing.assert_allclose(c.numpy(), 0.0, atol=1e-7)
