"""Fit y = 2x² + 3x + 5 by gradient descent with tf.GradientTape.

Section: 1-7 Estimating a quadratic's coefficients
Practice: 1-1.이차방정식(tensorflow_1).py
"""
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tensorflow as tf

from snippets.common.data import quadratic_table

SEED = 7


@dataclass
class FitResult:
    """Learned coefficients of y = w1·x² + w2·x + b and the loss curve."""

    w1: float
    w2: float
    b: float
    final_loss: float
    loss_history: list[float]
    min_epoch: int  # epoch (from 0) with the lowest loss
    min_loss: float


# --8<-- [start:train]
def train_quadratic_tape(x, y, lr=0.01, num_epochs=1000):
    """Minimise the RMSE of w1·x² + w2·x + b by plain gradient descent."""
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1, w2, b = tf.Variable(1.0), tf.Variable(1.0), tf.Variable(1.0)
    loss_history = []
    for epoch in range(num_epochs):
        with tf.GradientTape() as tape:
            y_hat = w1 * x * x + w2 * x + b
            loss = tf.sqrt(tf.reduce_mean(tf.square(y_hat - y)))
        dw1, dw2, db = tape.gradient(loss, [w1, w2, b])
        w1.assign_sub(lr * dw1)  # w1 <- w1 - lr * dL/dw1
        w2.assign_sub(lr * dw2)
        b.assign_sub(lr * db)
        loss_history.append(float(loss))
        if epoch % 100 == 0:
            print(f"epoch = {epoch:4d}, loss = {float(loss):.4f}")
    best = int(np.argmin(loss_history))
    return FitResult(float(w1.numpy()), float(w2.numpy()),
                     float(b.numpy()), loss_history[-1], loss_history,
                     best, loss_history[best])
# --8<-- [end:train]


def main(out_dir: Path | None = None) -> FitResult:
    """Train on the section's table and print the estimate."""
    tf.keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    result = train_quadratic_tape(x, y, lr=0.01, num_epochs=1000)
    print(f"w1 = {result.w1:.2f}")
    print(f"w2 = {result.w2:.2f}")
    print(f"b = {result.b:.2f}")
    print(f"final loss = {result.final_loss:.4f}")
    return result


if __name__ == "__main__":
    main()
