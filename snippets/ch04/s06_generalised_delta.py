"""The generalised delta rule: every layer's deltas by hand, checked
against tf.GradientTape.

Section: 4-6 The generalised delta rule: backpropagation
"""
import numpy as np
import tensorflow as tf

from snippets.ch04.s03_forward_pass import (B1, B2, W1, W2, XOR_T, XOR_X,
                                            sigmoid)


# --8<-- [start:deltas]
def hand_backprop(x, t, weights, biases):
    """Sigmoid layers, E = sum((t - y)**2) / 2 over the rows of x.
    Returns the deltas dE/dz of every layer and the weight gradients."""
    outputs = [x]                       # outputs[l] enters layer l
    for w, b in zip(weights, biases):
        outputs.append(sigmoid(outputs[-1] @ w + b))
    y = outputs[-1]
    delta = (y - t) * y * (1 - y)       # the output layer
    deltas = [delta]
    for l in range(len(weights) - 1, 0, -1):
        h = outputs[l]                  # a hidden layer's output
        delta = (delta @ weights[l].T) * h * (1 - h)
        deltas.insert(0, delta)
    grad_w = [a.T @ d for a, d in zip(outputs[:-1], deltas)]
    grad_b = [d.sum(axis=0) for d in deltas]
    return deltas, grad_w, grad_b
# --8<-- [end:deltas]


# --8<-- [start:tape]
def tape_backprop(x, t, weights, biases):
    """The same quantities from the tape: it can differentiate with
    respect to the pre-activations z too, if they are watched."""
    ws = [tf.Variable(w) for w in weights]
    bs = [tf.Variable(b) for b in biases]
    zs = []
    with tf.GradientTape() as tape:
        a = tf.constant(x)
        for w, b in zip(ws, bs):
            z = a @ w + b
            tape.watch(z)
            zs.append(z)
            a = tf.sigmoid(z)
        error = 0.5 * tf.reduce_sum((t - a) ** 2)
    deltas, grad_w, grad_b = tape.gradient(error, [zs, ws, bs])
    return ([d.numpy() for d in deltas], [g.numpy() for g in grad_w],
            [g.numpy() for g in grad_b])
# --8<-- [end:tape]


def largest_difference(hand, tape):
    return max(float(np.max(np.abs(m - n)))
               for mine, theirs in zip(hand, tape)
               for m, n in zip(mine, theirs))


def random_network(sizes, seed=0):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, 1, (m, n)) for m, n in zip(sizes, sizes[1:])]
    biases = [rng.normal(0, 1, n) for n in sizes[1:]]
    return weights, biases


def main() -> dict:
    """Compare hand and tape on the chapter's 2-2-1 XOR net and on a
    deeper random 3-4-3-2 net."""
    # --8<-- [start:check]
    xor_args = (XOR_X, XOR_T, [W1, W2], [B1, B2])
    xor_hand = hand_backprop(*xor_args)
    xor_diff = largest_difference(xor_hand, tape_backprop(*xor_args))
    print("XOR 2-2-1, output deltas:", np.round(xor_hand[0][1][:, 0], 4))
    print("XOR 2-2-1, hidden deltas:\n", np.round(xor_hand[0][0], 4))
    print("XOR 2-2-1: hand == tape to 1e-15:", xor_diff < 1e-15)
    rng = np.random.default_rng(1)
    weights, biases = random_network([3, 4, 3, 2])
    x, t = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    deep_diff = largest_difference(hand_backprop(x, t, weights, biases),
                                   tape_backprop(x, t, weights, biases))
    print("3-4-3-2:   hand == tape to 1e-15:", deep_diff < 1e-15)
    # --8<-- [end:check]
    deltas = xor_hand[0]
    return {"xor_diff": xor_diff, "deep_diff": deep_diff,
            "out_delta_00": float(deltas[1][0, 0]),
            "hidden_delta_00_1": float(deltas[0][0, 0]),
            "hidden_delta_00_2": float(deltas[0][0, 1]),
            "ratio": float(np.abs(deltas[0]).max()
                           / np.abs(deltas[1]).max())}


if __name__ == "__main__":
    main()
