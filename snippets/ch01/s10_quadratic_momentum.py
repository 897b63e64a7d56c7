"""Fit y = 2x² + 3x + 5 with SGD + momentum and apply_gradients.

Section: 1-10 Quadratic fit with an optimizer
Practice: 1-2.이차방정식(tensorflow_2).py
Figure: s10_quadratic_momentum_loss.svg
"""

# %% [markdown]
# # Practice 1-2: the quadratic fit with an optimizer
#
# The model and the loss are those of practice 1-1: find $w_1$, $w_2$
# and $b$ of $y = w_1 x^2 + w_2 x + b$ from 100 points of
# $y = 2x^2 + 3x + 5$. Only the update changes: instead of writing
# `w1.assign_sub(lr * dw1)` for each variable, we hand the gradients to
# `keras.optimizers.SGD` with momentum 0.7, for 300 epochs.

# %%
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 10
COURSE_EPOCHS = [240, 250, 260, 270, 280, 290]  # the course printed 0.3696
COURSE_LOSS = 0.3696


def quadratic_table():
    """x from -5 to 4.9 in steps of 0.1, and y = 2x² + 3x + 5."""
    x = np.arange(-5, 5, 0.1)
    y = 2 * x * x + 3 * x + 5
    return x, y


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
    plain_final_loss: float  # plain gradient descent after 300 epochs


# %% [markdown]
# ## The loop
#
# The tape records the loss and returns the three gradients; one call of
# `optimizer.apply_gradients` updates all three variables.

# %%
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


# %% [markdown]
# ## How the run ends
#
# With momentum the loss does not settle: the last epochs repeat a cycle.
# `cycle_period` finds its length. For comparison, plain gradient descent
# (practice 1-1's rule) is recomputed in NumPy.

# %%
# --8<-- [start:period]
def cycle_period(history, max_period=50, tol=1e-3):
    """Smallest p such that the last 3p losses repeat with period p."""
    tail = np.array(history[-3 * max_period:])
    for p in range(1, max_period + 1):
        if np.max(np.abs(tail[-2 * p:] - tail[-3 * p:-p])) < tol:
            return p
    return 0
# --8<-- [end:period]


def rmse_and_grad(theta, x, y):
    """RMSE of theta[0]·x² + theta[1]·x + theta[2] and its gradient."""
    X = np.column_stack([x * x, x, np.ones_like(x)])
    e = X @ theta - y
    rmse = np.sqrt(np.mean(e * e))
    return rmse, X.T @ e / (len(x) * rmse)


def plain_descent_losses(x, y, lr=0.01, num_epochs=300):
    """Practice 1-1's rule in NumPy (float64): the loss before each step."""
    theta, losses = np.ones(3), []
    for _ in range(num_epochs):
        loss, grad = rmse_and_grad(theta, x, y)
        losses.append(loss)
        theta = theta - lr * grad
    return losses


def plot_losses(plain, history, period):
    """Loss per epoch of both runs, and a zoom on momentum's last epochs."""
    fig, (ax, ax_zoom) = plt.subplots(
        1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1.4, 1]})
    epochs = np.arange(len(history))
    ax.semilogy(epochs, plain, color="#7f7f7f",
                label="gradient descent, lr 0.01 (as in 1-7)")
    ax.semilogy(epochs, history, color="#1f77b4",
                label="SGD, lr 0.01, momentum 0.7 (this build)")
    ax.semilogy(COURSE_EPOCHS, [COURSE_LOSS] * len(COURSE_EPOCHS), "s",
                color="#d62728", ms=5, label="printed by the course")
    ax.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    last = epochs[-3 * period:]
    ax_zoom.plot(last, history[-3 * period:], "-o", ms=3, color="#1f77b4")
    for start in range(len(history) - 3 * period, len(history), period):
        ax_zoom.axvline(start, color="#d62728", lw=0.8, ls="--")
    ax_zoom.set(xlabel="epoch", ylabel="RMSE loss",
                title=f"last {3 * period} epochs: a {period}-epoch cycle")
    ax_zoom.grid(alpha=0.3)
    fig.tight_layout()


# %%
def main() -> FitResult:
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
    plain = plain_descent_losses(x, y)
    plot_losses(plain, history, period)
    plt.show()
    best = int(np.argmin(history))
    return FitResult(w1, w2, b, history[-1], history, history[best], best,
                     period, min(cycle), max(cycle),
                     float(np.mean(history[-50:])), float(plain[-1]))


if __name__ == "__main__":
    main()
