"""Fit y = 2x² + 3x + 5 with Adam: minimize() as a tf.function step.

Section: 1-11 Quadratic fit with minimize()
Practice: 1-3.이차방정식(tensorflow_3).py
"""
from dataclasses import dataclass
from pathlib import Path

import keras
import tensorflow as tf

from snippets.common.data import quadratic_table

SEED = 11


@dataclass
class FitResult:
    """Learned coefficients of y = w1·x² + w2·x + b and the loss curve."""

    w1: float
    w2: float
    b: float
    final_loss: float  # after the last update, as the course logged it
    loss_history: list[float]
    loss_290: float
    loss_280: float
    min_loss: float


# --8<-- [start:minimize]
def minimize(optimizer, loss_fn, var_list):
    """What Keras 2's optimizer.minimize(loss_fn, var_list) did:
    differentiate the callable loss, then apply one update."""
    with tf.GradientTape() as tape:
        loss = loss_fn()
    grads = tape.gradient(loss, var_list)
    optimizer.apply_gradients(zip(grads, var_list))
    return loss
# --8<-- [end:minimize]


# --8<-- [start:train]
def train_quadratic_adam(x, y, lr=0.05, num_epochs=300):
    """Adam on the RMSE of w1·x² + w2·x + b; one graph per step."""
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1, w2, b = tf.Variable(1.0), tf.Variable(1.0), tf.Variable(1.0)
    var_list = [w1, w2, b]

    def loss():
        y_hat = w1 * x * x + w2 * x + b
        return tf.sqrt(tf.reduce_mean(tf.square(y_hat - y)))

    optimizer = keras.optimizers.Adam(learning_rate=lr)

    @tf.function
    def train_step():
        minimize(optimizer, loss, var_list)
        return loss()  # the loss after the update, as the course logged

    loss_history = []
    for epoch in range(num_epochs):
        loss_history.append(float(train_step()))
        if epoch % 10 == 0:
            print(f"epoch = {epoch:3d}, loss = {loss_history[-1]:.4f}")
    return [float(v.numpy()) for v in var_list], loss_history
# --8<-- [end:train]


def main(out_dir: Path | None = None) -> FitResult:
    """The practice file: Adam(0.05), 300 epochs."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    (w1, w2, b), history = train_quadratic_adam(x, y, lr=0.05,
                                                num_epochs=300)
    print(f"w1 = {w1:.2f}")
    print(f"w2 = {w2:.2f}")
    print(f"b = {b:.2f}")
    print(f"final loss = {history[-1]:.4f}")
    return FitResult(w1, w2, b, history[-1], history, history[290],
                     history[280], min(history))


if __name__ == "__main__":
    main()
