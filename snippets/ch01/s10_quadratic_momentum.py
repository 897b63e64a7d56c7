"""Fit y = 2x² + 3x + 5 with SGD + momentum and apply_gradients.

Section: 1-10 Quadratic fit with an optimizer
Practice: 1-2.이차방정식(tensorflow_2).py
"""
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from snippets.common.data import quadratic_table

SEED = 10


@dataclass
class FitResult:
    """Learned coefficients of y = w1·x² + w2·x + b and the loss curve."""

    w1: float
    w2: float
    b: float
    final_loss: float
    loss_history: list[float]
    min_loss: float
    min_epoch: int  # epoch (from 0) with the lowest loss
    cycle_period: int  # 0 when the last epochs repeat no pattern
    cycle_min: float
    cycle_max: float
    tail_mean: float  # mean loss of the last 50 epochs


# --8<-- [start:train]
def train_quadratic_optimizer(x, y, optimizer, num_epochs=300):
    """Minimise the RMSE of w1·x² + w2·x + b with a Keras optimizer."""
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1, w2, b = tf.Variable(1.0), tf.Variable(1.0), tf.Variable(1.0)
    var_list = [w1, w2, b]
    loss_history = []
    for epoch in range(num_epochs):
        with tf.GradientTape() as tape:
            y_hat = w1 * x * x + w2 * x + b
            loss = tf.sqrt(tf.reduce_mean(tf.square(y_hat - y)))
        grads = tape.gradient(loss, var_list)
        optimizer.apply_gradients(zip(grads, var_list))
        loss_history.append(float(loss))
        if epoch % 10 == 0:
            print(f"epoch = {epoch:3d}, loss = {float(loss):.4f}")
    return [float(v.numpy()) for v in var_list], loss_history
# --8<-- [end:train]


# --8<-- [start:period]
def cycle_period(history, max_period=50, tol=1e-3):
    """Smallest p such that the last 3p losses repeat with period p."""
    tail = np.array(history[-3 * max_period:])
    for p in range(1, max_period + 1):
        if np.max(np.abs(tail[-2 * p:] - tail[-3 * p:-p])) < tol:
            return p
    return 0
# --8<-- [end:period]


def main(out_dir: Path | None = None) -> FitResult:
    """The practice file: SGD(0.01, momentum 0.7), 300 epochs."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    # --8<-- [start:optimizer]
    optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.7,
                                     nesterov=False)
    (w1, w2, b), history = train_quadratic_optimizer(x, y, optimizer,
                                                     num_epochs=300)
    # --8<-- [end:optimizer]
    period = cycle_period(history)
    cycle = history[-period:] if period else history[-1:]
    print(f"w1 = {w1:.2f}")
    print(f"w2 = {w2:.2f}")
    print(f"b = {b:.2f}")
    print(f"final loss = {history[-1]:.4f}")
    print(f"the last epochs repeat every {period} epochs, loss between "
          f"{min(cycle):.4f} and {max(cycle):.4f}")
    best = int(np.argmin(history))
    return FitResult(w1, w2, b, history[-1], history, history[best], best,
                     period, min(cycle), max(cycle),
                     float(np.mean(history[-50:])))


if __name__ == "__main__":
    main()
