"""Fit a line with tf.GradientTape, check its gradients, draw the fit.

The linear model of the notes (MSE, lr 0.05, 200 epochs); the tape's
gradients are compared with the hand-derived formula at every epoch.
The figure shows the MSE per epoch and the path of (a, b).

Section: II-1 Automatic differentiation
Figure: s01_autodiff_fit.svg
"""
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
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


def plot_fit(X, Y, result):
    """Left: MSE per epoch (log scale). Right: (a, b) on MSE contours."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))
    epochs = np.arange(1, len(result.mse_history) + 1)
    ax1.semilogy(epochs, result.mse_history, color="#2ca02c")
    ax1.set(xlabel="epoch", ylabel="MSE (log scale)",
            title="loss per epoch, lr = 0.05")
    ax1.grid(alpha=0.3, which="both")
    x, y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    a_grid, b_grid = np.meshgrid(np.linspace(-0.5, 4, 181),
                                 np.linspace(-0.5, 3.5, 161))
    mse = ((a_grid[..., None] * x + b_grid[..., None] - y) ** 2).mean(-1)
    levels = np.geomspace(0.05, mse.max(), 12)
    ax2.contour(a_grid, b_grid, mse, levels=levels, colors="#999999",
                linewidths=0.7)
    path = np.array(result.ab_history)
    ax2.plot(path[:, 0], path[:, 1], ".-", ms=3, lw=1, color="#d62728",
             label="(a, b) after each epoch")
    ax2.plot([TRUE_A], [TRUE_B], "*", ms=12, color="#1f77b4",
             label=f"true line: a = {TRUE_A:g}, b = {TRUE_B:g}")
    ax2.set(xlabel="a", ylabel="b", title="the path on the MSE surface")
    ax2.legend(loc="lower right", fontsize=8)
    fig.tight_layout()


def main() -> LineFit:
    """Make the data, train 200 epochs, report and draw the fit."""
    # --8<-- [start:run]
    keras.utils.set_random_seed(SEED)
    X, Y = make_line_data()
    result = train_line(X, Y, lr=0.05, num_epochs=200)
    # --8<-- [end:run]
    print(f"largest |tape - formula| = {result.max_grad_error:.1e}")
    plot_fit(X, Y, result)
    plt.show()
    return result


if __name__ == "__main__":
    main()
