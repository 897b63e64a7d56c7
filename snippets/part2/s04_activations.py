"""Activation functions and their derivatives (from the tape), drawn.

Eleven activations from keras.activations, and hard_sigmoid then/now.

Section: II-4 Activation functions
Figure: s04_activations_grid.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 4

# --8<-- [start:activations]
ACTIVATIONS = {  # name on the plot: the function from keras.activations
    "sigmoid": keras.activations.sigmoid,
    "tanh": keras.activations.tanh,
    "ReLU": keras.activations.relu,
    "leaky ReLU (0.2)": keras.activations.leaky_relu,
    "ELU": keras.activations.elu,
    "SELU": keras.activations.selu,
    "softplus": keras.activations.softplus,
    "softsign": keras.activations.softsign,
    "swish / SiLU": keras.activations.silu,
    "GELU": keras.activations.gelu,
    "hard sigmoid": keras.activations.hard_sigmoid,
}


def value_and_derivative(activation, x):
    """f(x) and f'(x), elementwise, the derivative from GradientTape."""
    x = tf.constant(x, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(x)               # x is a constant: watch it
        y = activation(x)
    # f acts elementwise, so the gradient of sum(f(x)) is f'(x) per x
    return y.numpy(), tape.gradient(y, x).numpy()
# --8<-- [end:activations]


def plot_all(x, curves):
    fig, axes = plt.subplots(3, 4, figsize=(12, 8), sharex=True)
    for ax, (name, (y, dy)) in zip(axes.flat, curves.items()):
        ax.plot(x, y, color="#1f77b4", lw=2, label="f(x)")
        ax.plot(x, dy, color="#d62728", lw=1.5, ls="--", label="f'(x)")
        ax.axhline(0, color="black", lw=0.5)
        ax.axvline(0, color="black", lw=0.5)
        ax.set_title(name)
        ax.set_ylim(-1.5, 3)
        ax.grid(alpha=0.3)
    axes.flat[0].legend(loc="upper left")
    last = axes.flat[-1]  # Keras 2 vs Keras 3 hard sigmoid
    last.plot(x, np.clip(0.2 * x + 0.5, 0, 1), color="#7f7f7f", lw=2,
              label="Keras 2: 0.2x + 0.5")
    last.plot(x, curves["hard sigmoid"][0], color="#1f77b4", lw=2,
              ls=":", label="Keras 3: relu6(x + 3) / 6")
    last.plot(x, keras.activations.sigmoid(x), color="black", lw=0.8,
              label="sigmoid")
    last.set(title="hard sigmoid, then and now", ylim=(-0.1, 1.1))
    last.legend(fontsize=7, loc="upper left")
    last.grid(alpha=0.3)
    for ax in axes[-1]:
        ax.set_xlabel("x")
    fig.tight_layout()


def main() -> dict:
    """Evaluate every activation on [-4, 4]; return f(-2), f(2), f'(0)."""
    keras.utils.set_random_seed(SEED)
    x = np.linspace(-4, 4, 801).astype("float32")
    curves = {name: value_and_derivative(f, x)
              for name, f in ACTIVATIONS.items()}
    plot_all(x, curves)
    plt.show()
    values = {}
    for name, f in ACTIVATIONS.items():
        key = name.split(" (")[0].split(" /")[0].replace(" ", "_").lower()
        y, dy = value_and_derivative(f, np.array([-2.0, 0.0, 2.0]))
        values.update({f"{key}_m2": float(y[0]), f"{key}_0": float(y[1]),
                       f"{key}_p2": float(y[2]), f"{key}_d0": float(dy[1])})
    return values


if __name__ == "__main__":
    main()
