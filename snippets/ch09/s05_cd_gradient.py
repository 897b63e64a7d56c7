"""The exact log-likelihood gradient of the tiny RBM against CD-k's.

The exact gradient (data term minus model term, the model term summed
over all 16 visible states) is checked against TensorFlow's autodiff of
the exact log-likelihood. CD-k's expected gradient is computed exactly
too, through the Gibbs chain's 16 x 16 transition matrix, and estimated
from many chains; its bias shrinks as k grows. Training with CD-1 and
with the exact gradient shows where the bias leads.

Section: 9-5 Training: contrastive divergence
Figure: s05_cd_gradient_bias.svg, s05_cd_gradient_training.svg
"""
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch09.s03_tiny_rbm import (all_states, free_energy, p_x,
                                        sigmoid, tiny_rbm)

SEED = 5
# A data set of 12 binary vectors: two patterns and a few others.
DATA = np.array([[1, 1, 0, 0]] * 5 + [[0, 0, 1, 1]] * 4
                + [[1, 0, 0, 0], [1, 1, 1, 1], [0, 1, 1, 1]], float)
KS = [1, 2, 3, 5, 10, 20, 50]
NUM_CHAINS = 20_000  # Gibbs chains per k for the Monte-Carlo estimate
LR, NUM_STEPS = 0.2, 1500


# --8<-- [start:exact]
def statistics(x, weight, W, c):
    """The sufficient statistics averaged with weights over the rows of
    x, with h replaced by p(h = 1 | x): (<h x^T>, <x>, <h>)."""
    p_h = sigmoid(x @ W.T + c)
    return ((p_h * weight[:, None]).T @ x, weight @ x, weight @ p_h)


def exact_gradient(W, b, c, data):
    """d mean log p(data) / d(W, b, c): data term - model term."""
    positive = statistics(data, np.full(len(data), 1 / len(data)), W, c)
    xs, px, _ = p_x(W, b, c)  # the model term: every x, weighted p(x)
    negative = statistics(xs, px, W, c)
    return [pos - neg for pos, neg in zip(positive, negative)]


def log_likelihood(W, b, c, data):
    """Mean log p(x) over the data, Z by enumeration."""
    xs = all_states(W.shape[1])
    log_z = np.logaddexp.reduce(-free_energy(xs, W, b, c))
    return float(np.mean(-free_energy(data, W, b, c)) - log_z)
# --8<-- [end:exact]


def tf_gradient(W, b, c, data):
    """The same gradient by autodiff of the exact log-likelihood."""
    W, b, c = (tf.Variable(v) for v in (W, b, c))
    xs, data = tf.constant(all_states(W.shape[1])), tf.constant(data)

    def neg_free_energy(x):
        pre = tf.matmul(x, W, transpose_b=True) + c
        return tf.linalg.matvec(x, b) + tf.reduce_sum(
            tf.math.softplus(pre), axis=1)

    with tf.GradientTape() as tape:
        ll = tf.reduce_mean(neg_free_energy(data)) - tf.reduce_logsumexp(
            neg_free_energy(xs))
    return [g.numpy() for g in tape.gradient(ll, [W, b, c])]


# --8<-- [start:cd]
def transition_matrix(W, b, c):
    """T[x, x'] = sum_h p(h | x) p(x' | h): one step of block Gibbs
    sampling, x -> h -> x', over all visible states."""
    xs, hs = all_states(W.shape[1]), all_states(W.shape[0])

    def conditional(on, states):  # rows: p(state | the unit's inputs)
        return np.prod(np.where(states[None] == 1, on[:, None],
                                1 - on[:, None]), axis=2)

    p_h = conditional(sigmoid(xs @ W.T + c), hs)  # (16, 8)
    p_x_given_h = conditional(sigmoid(hs @ W + b), xs)  # (8, 16)
    return p_h @ p_x_given_h


def cd_k_expected(W, b, c, data, k):
    """CD-k's gradient averaged over all its randomness: the chains
    start at the data and their state after k steps is distributed
    as q0 T^k, q0 the data's histogram over the 16 states."""
    xs = all_states(W.shape[1])
    index = (data @ 2 ** np.arange(data.shape[1])[::-1]).astype(int)
    q = np.bincount(index, minlength=len(xs)) / len(data)
    q = q @ np.linalg.matrix_power(transition_matrix(W, b, c), k)
    positive = statistics(data, np.full(len(data), 1 / len(data)), W, c)
    negative = statistics(xs, q, W, c)
    return [pos - neg for pos, neg in zip(positive, negative)]


def cd_k_sampled(W, b, c, data, k, num_chains, rng):
    """The same by running num_chains Gibbs chains from the data."""
    x = np.repeat(data, num_chains // len(data), axis=0)
    start = x
    for _ in range(k):
        h = (rng.random((len(x), W.shape[0])) < sigmoid(x @ W.T + c))
        x = (rng.random(x.shape) < sigmoid(h @ W + b)).astype(float)
    weight = np.full(len(x), 1 / len(x))
    positive = statistics(start, weight, W, c)
    negative = statistics(x, weight, W, c)
    return [pos - neg for pos, neg in zip(positive, negative)]
# --8<-- [end:cd]


def flat(grads):
    return np.concatenate([g.ravel() for g in grads])


# --8<-- [start:train]
def train(data, gradient, num_steps=NUM_STEPS, lr=LR):
    """Gradient ascent from the tiny RBM's weights with a given
    gradient rule; the exact log-likelihood after every step."""
    W, b, c = tiny_rbm()
    history = []
    for _ in range(num_steps):
        dW, db, dc = gradient(W, b, c, data)
        W, b, c = W + lr * dW, b + lr * db, c + lr * dc
        history.append(log_likelihood(W, b, c, data))
    return np.array(history)
# --8<-- [end:train]


def entropy_bound(data):
    """The best mean log-likelihood any model can reach: the data's
    own histogram, minus its entropy."""
    _, counts = np.unique(data, axis=0, return_counts=True)
    q = counts / counts.sum()
    return float(np.sum(q * np.log(q)))


def main() -> dict:
    """Exact against autodiff; CD-k's bias; training by CD-1 and exact."""
    rng = np.random.default_rng(SEED)
    W, b, c = tiny_rbm()
    exact = flat(exact_gradient(W, b, c, DATA))
    autodiff = flat(tf_gradient(W, b, c, DATA))
    exact_norm = np.linalg.norm(exact)
    expected, sampled, cosines = [], [], []
    for k in KS:
        g = flat(cd_k_expected(W, b, c, DATA, k))
        expected.append(np.linalg.norm(g - exact) / exact_norm)
        cosines.append(g @ exact / np.linalg.norm(g) / exact_norm)
        s = flat(cd_k_sampled(W, b, c, DATA, k, NUM_CHAINS, rng))
        sampled.append(np.linalg.norm(s - exact) / exact_norm)
    mc_gap = np.linalg.norm(
        flat(cd_k_sampled(W, b, c, DATA, 1, NUM_CHAINS, rng))
        - flat(cd_k_expected(W, b, c, DATA, 1)))
    exact_run = train(DATA, exact_gradient)
    cd1_run = train(DATA, lambda *a: cd_k_expected(*a, 1))
    best = entropy_bound(DATA)

    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.loglog(KS, expected, "o-", label="CD-k expected (via T^k)")
    ax.loglog(KS, sampled, "x", ms=9,
              label=f"CD-k from {NUM_CHAINS:,} chains")
    ax.set(xlabel="k, Gibbs steps per chain",
           ylabel="‖CD-k − exact‖ / ‖exact‖",
           title="CD-k's bias at the tiny RBM's weights")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    fig.tight_layout()
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.plot(exact_run, label="exact gradient")
    ax.plot(cd1_run, label="CD-1 (expected)")
    ax.axhline(best, color="#bbbbbb", ls="--",
               label="best possible (−entropy of data)")
    ax.set(xlabel="step", ylabel="mean log p(x) of the data",
           title="gradient ascent, learning rate 0.2")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    plt.show()
    return {
        "autodiff_max_diff": float(np.abs(exact - autodiff).max()),
        "exact_norm": float(exact_norm),
        "ks": KS,
        "bias": [float(v) for v in expected],
        "bias_sampled": [float(v) for v in sampled],
        "cosine": [float(v) for v in cosines],
        "bias_k1": float(expected[0]),  # scalars for the page
        "bias_k5": float(expected[KS.index(5)]),
        "bias_k50": float(expected[KS.index(50)]),
        "cosine_k1": float(cosines[0]),
        "mc_gap_cd1": float(mc_gap),
        "num_chains": NUM_CHAINS,
        "num_data": len(DATA),
        "num_steps": NUM_STEPS,
        "start_ll": log_likelihood(W, b, c, DATA),
        "exact_final_ll": float(exact_run[-1]),
        "cd1_final_ll": float(cd1_run[-1]),
        "best_ll": best,
        "final_gap": float(exact_run[-1] - cd1_run[-1]),
    }


if __name__ == "__main__":
    main()
