"""Backpropagation through time by hand, checked against GradientTape;
gradient norm against time lag for three recurrent-weight scales;
truncation and gradient clipping.

Section: 5-2 Backpropagation through time
Figure: s02_bptt_gradients_lag.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch05.s01_simple_rnn import simple_rnn

SEED = 52
NUM_STEPS, NUM_INPUTS, NUM_UNITS = 100, 4, 16
SCALES = (0.7, 1.0, 1.3)  # recurrent weights = scale × orthogonal matrix
CLIP_NORM = 1.0


# --8<-- [start:bptt]
def bptt(xs, y, W_x, W_h, b, truncate=None):
    """Gradients of L = ½‖h_T − y‖² for one sequence xs (time, features),
    going back `truncate` steps (all of them if None)."""
    hs = simple_rnn(xs[None], W_x, W_h, b)[0]  # (time, units)
    h_prev = np.vstack([np.zeros(W_h.shape[0]), hs[:-1]])
    grads = [np.zeros_like(W_x), np.zeros_like(W_h), np.zeros_like(b)]
    delta = hs[-1] - y  # ∂L/∂h_T
    first = 0 if truncate is None else len(xs) - truncate
    for t in range(len(xs) - 1, first - 1, -1):
        da = delta * (1 - hs[t] ** 2)  # through tanh: ∂L/∂a_t
        grads[0] += np.outer(xs[t], da)
        grads[1] += np.outer(h_prev[t], da)
        grads[2] += da
        delta = da @ W_h.T  # ∂L/∂h_{t-1}
    return grads
# --8<-- [end:bptt]


def tape_gradients(xs, y, W_x, W_h, b):
    """The same gradients from tf.GradientTape."""
    weights = [tf.Variable(w) for w in (W_x, W_h, b)]
    with tf.GradientTape() as tape:
        h = tf.zeros((1, W_h.shape[0]), tf.float64)
        for t in range(len(xs)):
            h = tf.tanh(xs[t:t + 1] @ weights[0] + h @ weights[1]
                        + weights[2])
        loss = 0.5 * tf.reduce_sum((h[0] - y) ** 2)
    return [g.numpy() for g in tape.gradient(loss, weights)]


# --8<-- [start:lag]
def input_gradients(scale, rng, activation=tf.tanh):
    """∂(Σ h_T)/∂x_t for every t, (time, features), with
    W_h = scale × a random orthogonal matrix."""
    W_x = rng.normal(0, 1 / np.sqrt(NUM_INPUTS), (NUM_INPUTS, NUM_UNITS))
    Q, _ = np.linalg.qr(rng.normal(size=(NUM_UNITS, NUM_UNITS)))
    W_h = scale * Q
    xs = tf.constant(rng.normal(0, 0.05, (1, NUM_STEPS, NUM_INPUTS)))
    with tf.GradientTape() as tape:
        tape.watch(xs)
        h = tf.zeros((1, NUM_UNITS), tf.float64)
        for t in range(NUM_STEPS):
            h = activation(xs[:, t] @ W_x + h @ W_h)
        out = tf.reduce_sum(h)
    return tape.gradient(out, xs)[0].numpy()


def norm_by_lag(grad):
    """‖∂(Σ h_T)/∂x_t‖ indexed by the lag T - t."""
    return np.linalg.norm(grad, axis=1)[::-1]
# --8<-- [end:lag]


# --8<-- [start:clip]
def clip_by_global_norm(grads, clip_norm):
    """g ← g · min(1, c / ‖g‖), ‖g‖ over all the arrays together."""
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    return [g * min(1.0, clip_norm / norm) for g in grads], norm
# --8<-- [end:clip]


def keras_clipped_step(weights, grads, clip_norm):
    """One SGD step (rate 1) with Keras's global_clipnorm; the change."""
    variables = [keras.Variable(w) for w in weights]
    opt = keras.optimizers.SGD(learning_rate=1.0, global_clipnorm=clip_norm)
    opt.apply_gradients(zip([tf.constant(g) for g in grads], variables))
    return [w - v.numpy() for w, v in zip(weights, variables)]


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    # 1. hand BPTT vs GradientTape on a 30-step sequence
    W_x = rng.normal(0, 0.5, (NUM_INPUTS, 8))
    W_h = rng.normal(0, 0.4, (8, 8))
    b = rng.normal(0, 0.1, 8)
    xs, y = rng.normal(size=(30, NUM_INPUTS)), rng.normal(size=8)
    ours = bptt(xs, y, W_x, W_h, b)
    theirs = tape_gradients(xs, y, W_x, W_h, b)
    bptt_diff = max(np.abs(g - t).max() for g, t in zip(ours, theirs))
    # truncation: how far the W_h gradient is from the full one
    trunc_err = {k: float(np.linalg.norm(bptt(xs, y, W_x, W_h, b, k)[1]
                                         - ours[1])
                          / np.linalg.norm(ours[1]))
                 for k in (1, 5, 10, 20)}
    # 2. gradient norm against lag
    linear = {s: input_gradients(s, rng, tf.identity) for s in SCALES}
    norms = {"tanh": {s: norm_by_lag(input_gradients(s, rng))
                      for s in SCALES},
             "linear": {s: norm_by_lag(g) for s, g in linear.items()}}
    fig, axes = plt.subplots(1, 2, figsize=(7, 3.5), sharey=True)
    for ax, (name, runs) in zip(axes, norms.items()):
        for s, n in runs.items():
            ax.semilogy(n, label=rf"$W_h = {s}\,Q$")
        ax.set(xlabel=r"time lag $T - t$", title=f"{name} RNN")
    axes[0].set_ylabel(r"$\|\partial \sum h_T / \partial x_t\|$")
    axes[0].legend()
    fig.tight_layout()
    plt.show()
    # 3. clipping the exploding gradient of the linear RNN
    big = [linear[SCALES[-1]]]
    clipped, norm = clip_by_global_norm(big, CLIP_NORM)
    step = keras_clipped_step([np.zeros_like(big[0])], big, CLIP_NORM)
    clip_diff = max(np.abs(c - s).max() for c, s in zip(clipped, step))
    cos = (sum(np.sum(c * g) for c, g in zip(clipped, big))
           / (np.sqrt(sum(np.sum(c ** 2) for c in clipped)) * norm))
    return {
        "bptt_diff": float(bptt_diff), "num_steps": NUM_STEPS,
        **{f"trunc_err_{k}": e for k, e in trunc_err.items()},
        "ratio_lag_50": {f"{name}_{s}": float(n[50] / n[0])
                         for name, runs in norms.items()
                         for s, n in runs.items()},
        "tanh_small_50": float(norms["tanh"][SCALES[0]][50]
                               / norms["tanh"][SCALES[0]][0]),
        "tanh_large_50": float(norms["tanh"][SCALES[-1]][50]
                               / norms["tanh"][SCALES[-1]][0]),
        "linear_large_50": float(norms["linear"][SCALES[-1]][50]
                                 / norms["linear"][SCALES[-1]][0]),
        "linear_large_99": float(norms["linear"][SCALES[-1]][-1]
                                 / norms["linear"][SCALES[-1]][0]),
        "scale_small": SCALES[0], "scale_large": SCALES[-1],
        "unclipped_norm": float(norm), "clip_norm": CLIP_NORM,
        "clipped_norm": float(np.sqrt(sum(np.sum(c ** 2)
                                          for c in clipped))),
        "clip_cosine": float(cos), "clip_keras_diff": float(clip_diff),
    }


if __name__ == "__main__":
    main()
