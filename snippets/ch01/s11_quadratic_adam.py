"""Fit y = 2x² + 3x + 5 with Adam: minimize() as a tf.function step.

Section: 1-11 Quadratic fit with minimize()
Practice: 1-3.이차방정식(tensorflow_3).py
Figure: s11_quadratic_adam_loss.svg
"""

# %% [markdown]
# # Practice 1-3: the quadratic fit with Adam and minimize
#
# The same model and loss as practices 1-1 and 1-2, now trained with
# `keras.optimizers.Adam(learning_rate=0.05)` for 300 epochs. The course
# called `optimizer.minimize(loss, var_list)`, which Keras 3 no longer
# has; a four-line function does the same, and `tf.function` turns each
# training step into one graph.

# %%
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 11
# What the course's practice file 1-3 printed (epochs 230 to 290).
COURSE = {230: 0.0411, 240: 0.0334, 250: 0.0402, 260: 0.0328,
          270: 0.0394, 280: 0.0323, 290: 0.0388}


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
    final_loss: float  # after the last update, as the course logged it
    loss_history: list[float]
    loss_290: float
    loss_280: float
    min_loss: float
    tail_mean: float  # mean loss of the last 50 epochs
    course_gap: float  # largest |loss - course| at the epochs it printed


# %% [markdown]
# ## The minimize call and the training loop

# %%
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


# %% [markdown]
# ## The loss, next to what the course printed

# %%
def plot_loss(history):
    """The full loss curve and a zoom on the end, with the course's."""
    fig, (ax, ax_zoom) = plt.subplots(
        1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1.4, 1]})
    epochs = np.arange(len(history))
    for axis in (ax, ax_zoom):
        axis.semilogy(epochs, history, color="#d62728",
                      label="Adam, lr 0.05 (this build)")
        axis.semilogy(list(COURSE), list(COURSE.values()), "ks", ms=5,
                      mfc="none", label="printed by the course")
        axis.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
        axis.grid(alpha=0.3, which="both")
    ax.legend()
    ax_zoom.set(xlim=(225, 299), ylim=(0.025, 0.06),
                title="epochs 225-299")
    fig.tight_layout()


# %%
def main() -> FitResult:
    """The practice file: Adam(0.05), 300 epochs."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    (w1, w2, b), history = train_quadratic_adam(x, y, lr=0.05,
                                                num_epochs=300)
    print(f"w1 = {w1:.2f}")
    print(f"w2 = {w2:.2f}")
    print(f"b = {b:.2f}")
    print(f"final loss = {history[-1]:.4f}")
    plot_loss(history)
    plt.show()
    gap = max(abs(history[epoch] - loss) for epoch, loss in COURSE.items())
    return FitResult(w1, w2, b, history[-1], history, history[290],
                     history[280], min(history),
                     float(np.mean(history[-50:])), float(gap))


if __name__ == "__main__":
    main()
