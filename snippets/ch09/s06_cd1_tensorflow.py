"""Hinton's CD-1 update in TensorFlow, checked on the tiny RBM.

Averaged over many copies of the data, the TensorFlow step's sampled
gradient must equal CD-1's expected gradient, which 9-5 computes
exactly through the Gibbs transition matrix.

Section: 9-6 The learning rule and pseudo-code
"""
import numpy as np
import tensorflow as tf

from snippets.ch09.s03_tiny_rbm import tiny_rbm
from snippets.ch09.s05_cd_gradient import DATA, cd_k_expected, flat

SEED = 6
NUM_COPIES = 50_000  # copies of each data row in the one big batch


# --8<-- [start:cd1]
def bernoulli(p, rng):
    """A 0/1 sample of each unit, on with probability p."""
    return tf.cast(rng.uniform(tf.shape(p), dtype=p.dtype) < p, p.dtype)


def cd1_gradients(W, b, c, x, rng, sampled=True):
    """One CD-1 estimate of d log p / d(W, b, c) from the batch x.

    sampled=True: every unit is sampled and the statistics use the
    samples. sampled=False (Hinton's recipe): only h0 is sampled, to
    drive the reconstruction; the rest are probabilities."""
    p_h0 = tf.sigmoid(tf.matmul(x, W, transpose_b=True) + c)
    h0 = bernoulli(p_h0, rng)
    p_x1 = tf.sigmoid(tf.matmul(h0, W) + b)
    x1 = bernoulli(p_x1, rng) if sampled else p_x1
    p_h1 = tf.sigmoid(tf.matmul(x1, W, transpose_b=True) + c)
    h1 = bernoulli(p_h1, rng) if sampled else p_h1
    h0 = h0 if sampled else p_h0
    n = tf.cast(tf.shape(x)[0], x.dtype)
    dW = (tf.matmul(h0, x, transpose_a=True)
          - tf.matmul(h1, x1, transpose_a=True)) / n
    db = tf.reduce_mean(x - x1, axis=0)
    dc = tf.reduce_mean(h0 - h1, axis=0)
    return dW, db, dc


def cd1_update(params, x, rng, lr, sampled=True):
    """W += lr dW, b += lr db, c += lr dc (params: three tf.Variable)."""
    for param, grad in zip(params,
                           cd1_gradients(*params, x, rng, sampled)):
        param.assign_add(lr * grad)
# --8<-- [end:cd1]


def main() -> dict:
    """The TF sampled CD-1 gradient against its exact expectation."""
    rng = tf.random.Generator.from_seed(SEED)
    W, b, c = tiny_rbm()
    x = tf.constant(np.repeat(DATA, NUM_COPIES, axis=0))
    sampled = flat([g.numpy() for g in cd1_gradients(
        tf.constant(W), tf.constant(b), tf.constant(c), x, rng)])
    expected = flat(cd_k_expected(W, b, c, DATA, 1))
    gap = float(np.abs(sampled - expected).max())
    print(f"largest gap, TF CD-1 vs exact CD-1 expectation: {gap:.4f}")
    return {"num_samples": int(x.shape[0]), "max_gap": gap,
            "largest_entry": float(np.abs(expected).max())}


if __name__ == "__main__":
    main()
