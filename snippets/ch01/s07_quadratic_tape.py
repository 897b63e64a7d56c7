"""Fit y = 2x² + 3x + 5 by gradient descent with tf.GradientTape.

Section: 1-7 Estimating a quadratic's coefficients
Practice: 1-1.이차방정식(tensorflow_1).py
Figure: s07_quadratic_tape_fit.svg, s07_quadratic_tape_loss.svg
"""

# %% [markdown]
# # Practice 1-1: a quadratic's coefficients with tf.GradientTape
#
# We observe 100 points of $y = 2x^2 + 3x + 5$ and look for the
# parameters $w_1$, $w_2$ and $b$ of $y = w_1 x^2 + w_2 x + b$. TensorFlow
# records the computation of the loss on a `GradientTape`, returns its
# derivatives, and we move each variable a small step against its own:
# plain gradient descent. The answer should be $w_1 = 2$, $w_2 = 3$,
# $b = 5$.

# %%
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 7


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
    min_epoch: int  # epoch (from 0) with the lowest loss
    min_loss: float


# %% [markdown]
# ## Gradient descent
#
# The loss is the root mean square error (RMSE) of the 100 predictions.
# Every epoch computes it under the tape, asks for
# $\partial L / \partial w_1$, $\partial L / \partial w_2$ and
# $\partial L / \partial b$, and subtracts `lr` times each.

# %%
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


# %% [markdown]
# ## The fit and the loss
#
# Two figures: the data with the fitted parabola, and the loss of every
# epoch on a log scale.

# %%
def plot_fit(x, y, result):
    """Observed points and the fitted parabola."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(x, y, "o", ms=3, color="#1f77b4", label="data: 2x² + 3x + 5")
    y_fit = result.w1 * x * x + result.w2 * x + result.b
    label = (f"fit: {result.w1:.2f}x² + {result.w2:.2f}x"
             f" + {result.b:.2f}")
    ax.plot(x, y_fit, "-", color="#d62728", lw=2, label=label)
    ax.set(xlabel="x", ylabel="y")
    ax.legend()
    ax.grid(alpha=0.3)


def plot_loss(result):
    """RMSE per epoch on a log scale."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.semilogy(np.arange(1, len(result.loss_history) + 1),
                result.loss_history, color="#2ca02c")
    ax.axhline(result.final_loss, ls="--", color="grey", lw=1,
               label=f"final loss {result.final_loss:.4f}")
    ax.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
    ax.legend()
    ax.grid(alpha=0.3, which="both")


# %%
def main() -> FitResult:
    """Train on the table, print the estimate, draw both figures."""
    tf.keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    result = train_quadratic_tape(x, y, lr=0.01, num_epochs=1000)
    print(f"w1 = {result.w1:.2f}")
    print(f"w2 = {result.w2:.2f}")
    print(f"b = {result.b:.2f}")
    print(f"final loss = {result.final_loss:.4f}")
    plot_fit(x, y, result)
    plot_loss(result)
    plt.show()
    return result


if __name__ == "__main__":
    main()
