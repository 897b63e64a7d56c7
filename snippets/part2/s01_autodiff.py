"""Part II, page 1: fit a line with tf.GradientTape, gradients checked.

The linear model of the notes (MSE, lr 0.05, 200 epochs); the tape's
gradients are compared with the hand-derived formula at every epoch.

Section: II-1 Automatic differentiation
"""
from dataclasses import dataclass, field
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

SEED = 0
TRUE_A, TRUE_B = 3.0, 2.0


@dataclass
class LineFit:
    """Learned a, b, the MSE per epoch and the tape-vs-formula check."""

    a: float
    b: float
    first_mse: float
    final_mse: float
    max_grad_error: float  # largest |tape - formula| over all epochs
    grad_a0: float  # dMSE/da at the start (a = b = 0)
    grad_b0: float
    mse_history: list[float] = field(default_factory=list)
    ab_history: list[tuple[float, float]] = field(default_factory=list)


def make_line_data(n=10):
    """n standard-normal x values and y = 3x + 2 (no noise)."""
    X = tf.random.normal([n])
    Y = TRUE_A * X + TRUE_B
    return X, Y


# --8<-- [start:train]
def cal_mse(X, Y, a, b):
    """Mean squared error of the line a·X + b."""
    y_pred = a * X + b
    squared_error = (y_pred - Y) ** 2
    return tf.reduce_mean(squared_error)


def hand_gradients(X, Y, a, b):
    """dMSE/da = 2·mean(e·x), dMSE/db = 2·mean(e), with e = aX + b - Y."""
    e = a * X + b - Y
    return 2 * tf.reduce_mean(e * X), 2 * tf.reduce_mean(e)


def train_line(X, Y, lr=0.05, num_epochs=200):
    a = tf.Variable(0.0)
    b = tf.Variable(0.0)
    mse_history, ab_history, max_error = [], [(0.0, 0.0)], 0.0
    for epoch in range(1, num_epochs + 1):
        with tf.GradientTape() as tape:
            mse = cal_mse(X, Y, a, b)
        grad = tape.gradient(mse, {"a": a, "b": b})
        d_a, d_b = grad["a"], grad["b"]
        h_a, h_b = hand_gradients(X, Y, a, b)  # same point, by formula
        max_error = max(max_error, float(abs(d_a - h_a)),
                        float(abs(d_b - h_b)))
        if epoch == 1:
            grad0 = float(d_a), float(d_b)
        a.assign_sub(d_a * lr)
        b.assign_sub(d_b * lr)
        mse_history.append(float(mse))
        ab_history.append((float(a), float(b)))
        if epoch % 20 == 0:
            print(f"EPOCH {epoch:3d} - MSE: {float(mse):.4f} "
                  f"-- a: {float(a):.2f} -- b: {float(b):.2f}")
    return LineFit(float(a), float(b), mse_history[0], mse_history[-1],
                   max_error, *grad0, mse_history, ab_history)
# --8<-- [end:train]


def main(out_dir: Path | None = None) -> LineFit:
    """Make the data, train 200 epochs and report the fit."""
    keras.utils.set_random_seed(SEED)
    X, Y = make_line_data()
    result = train_line(X, Y, lr=0.05, num_epochs=200)
    print(f"largest |tape - formula| = {result.max_grad_error:.1e}")
    return result


if __name__ == "__main__":
    main()
