"""Backpropagation by hand (NumPy) vs tf.GradientTape.

A two-layer network's gradients by the chain rule, and mini-batch SGD
in five steps.

Section: II-2 Backpropagation and the chain rule
"""
import math
from dataclasses import dataclass

import keras
import numpy as np
import tensorflow as tf

SEED = 2


@dataclass
class BackpropCheck:
    """Largest |hand - tape| per parameter, and the mini-batch SGD run."""

    max_diff_W1: float
    max_diff_b1: float
    max_diff_W2: float
    max_diff_b2: float
    max_diff: float
    loss: float
    sgd_steps_per_epoch: int
    sgd_first_loss: float
    sgd_final_loss: float


def init_params(rng, n_in=3, n_hidden=4, n_out=1):
    """Small random weights, zero biases (float64 for an exact check)."""
    return {"W1": rng.normal(0, 0.5, (n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": rng.normal(0, 0.5, (n_hidden, n_out)),
            "b2": np.zeros(n_out)}


# --8<-- [start:backprop]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(params, X):
    """z1 = X W1 + b1, h = sigmoid(z1), y_hat = h W2 + b2."""
    z1 = X @ params["W1"] + params["b1"]
    h = sigmoid(z1)
    y_hat = h @ params["W2"] + params["b2"]
    return h, y_hat


def backward(params, X, y, h, y_hat):
    """Gradients of E = mean((y_hat - y)**2), output layer first."""
    n = X.shape[0]
    d_yhat = 2 * (y_hat - y) / n          # dE/dy_hat
    grads = {"W2": h.T @ d_yhat,          # y_hat = h W2 + b2
             "b2": d_yhat.sum(axis=0)}
    d_h = d_yhat @ params["W2"].T         # back through W2
    d_z1 = d_h * h * (1 - h)              # sigmoid'(z) = s(z)(1 - s(z))
    grads["W1"] = X.T @ d_z1              # z1 = X W1 + b1
    grads["b1"] = d_z1.sum(axis=0)
    return grads


def tape_gradients(params, X, y):
    """The same gradients from tf.GradientTape."""
    tf_params = {k: tf.Variable(v) for k, v in params.items()}
    with tf.GradientTape() as tape:
        h = tf.sigmoid(X @ tf_params["W1"] + tf_params["b1"])
        y_hat = h @ tf_params["W2"] + tf_params["b2"]
        loss = tf.reduce_mean((y_hat - y) ** 2)
    grads = tape.gradient(loss, tf_params)
    return float(loss), {k: g.numpy() for k, g in grads.items()}
# --8<-- [end:backprop]


# --8<-- [start:sgd]
def minibatch_sgd(params, X, y, lr=0.1, batch_size=16, num_epochs=200,
                  rng=None):
    """Mini-batch SGD in five steps; returns the loss after each epoch."""
    n = X.shape[0]
    steps_per_epoch = math.ceil(n / batch_size)
    history = []
    for epoch in range(num_epochs):
        order = rng.permutation(n)        # a fresh shuffle every epoch
        for step in range(steps_per_epoch):
            # 1. draw a batch of inputs and their targets
            idx = order[step * batch_size:(step + 1) * batch_size]
            X_b, y_b = X[idx], y[idx]
            # 2. forward pass: predictions for the batch
            h, y_hat = forward(params, X_b)
            # 3. the loss on the batch (mean squared error)
            loss = np.mean((y_hat - y_b) ** 2)
            # 4. backward pass: gradient of the loss for every parameter
            grads = backward(params, X_b, y_b, h, y_hat)
            # 5. move every parameter a little against its gradient
            for name in params:
                params[name] -= lr * grads[name]
        history.append(float(np.mean((forward(params, X)[1] - y) ** 2)))
    return steps_per_epoch, history
# --8<-- [end:sgd]


def make_regression_data(rng, n=100):
    """n points in [-2, 2]^3 and a smooth target with a little noise."""
    X = rng.uniform(-2, 2, (n, 3))
    y = np.sin(X[:, :1]) + 0.5 * X[:, 1:2] * X[:, 2:3]
    return X, y + rng.normal(0, 0.05, y.shape)


def main() -> BackpropCheck:
    """Compare hand and tape gradients, then train with mini-batch SGD."""
    keras.utils.set_random_seed(SEED)
    # --8<-- [start:check]
    rng = np.random.default_rng(SEED)
    params = init_params(rng)
    X, y = make_regression_data(rng, n=6)
    h, y_hat = forward(params, X)
    hand = backward(params, X, y, h, y_hat)
    loss, tape = tape_gradients(params, X, y)
    for name in ["W1", "b1", "W2", "b2"]:
        same = np.allclose(hand[name], tape[name], rtol=0, atol=1e-12)
        print(f"{name}: shape {hand[name].shape}, hand == tape: {same}")
    # --8<-- [end:check]
    diffs = {k: float(np.max(np.abs(hand[k] - tape[k]))) for k in hand}
    X, y = make_regression_data(rng, n=100)
    steps, history = minibatch_sgd(init_params(rng, n_hidden=16), X, y,
                                   lr=0.1, batch_size=16, num_epochs=200,
                                   rng=rng)
    print(f"SGD: {steps} steps per epoch, loss {history[0]:.4f} after "
          f"epoch 1, {history[-1]:.4f} after epoch {len(history)}")
    return BackpropCheck(diffs["W1"], diffs["b1"], diffs["W2"],
                         diffs["b2"], max(diffs.values()), loss, steps,
                         history[0], history[-1])


if __name__ == "__main__":
    main()
