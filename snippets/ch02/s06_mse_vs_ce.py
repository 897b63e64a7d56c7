"""Why a sigmoid output learns slowly under MSE, and BCE = two-class CCE.

Section: 2-6 Cross-entropy vs mean squared error
Figure: s06_mse_vs_ce_gradients.svg, s06_mse_vs_ce_training.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 26


# --8<-- [start:gradients]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def mse_grad_z(z, y):
    """d/dz of (σ(z) - y)²: 2(σ(z) - y)·σ'(z), with σ' = σ(1 - σ)."""
    p = sigmoid(z)
    return 2 * (p - y) * p * (1 - p)


def ce_grad_z(z, y):
    """d/dz of -[y log σ(z) + (1 - y) log(1 - σ(z))]: σ(z) - y."""
    return sigmoid(z) - y
# --8<-- [end:gradients]


def tape_grads_z(z, y):
    """Both derivatives by GradientTape through Keras's losses."""
    z = tf.Variable(z)
    y = tf.constant(y, tf.float64)
    with tf.GradientTape(persistent=True) as tape:
        p = tf.sigmoid(z)
        mse = tf.reduce_sum((p - y) ** 2)
        ce = tf.reduce_sum(keras.losses.binary_crossentropy(
            y[:, None], z[:, None], from_logits=True))
    return tape.gradient(mse, z).numpy(), tape.gradient(ce, z).numpy()


# --8<-- [start:experiment]
def train_one_neuron(grad_z, w=2.0, b=2.0, lr=0.15, num_steps=300):
    """One sigmoid neuron, input x = 1, target y = 0, started badly wrong
    (output σ(4) ≈ 0.98), trained by gradient descent. Returns the
    output after every step."""
    outputs = []
    for _ in range(num_steps):
        g = grad_z(w * 1.0 + b, 0.0)  # dL/dz; dz/dw = x = 1, dz/db = 1
        w, b = w - lr * g, b - lr * g
        outputs.append(sigmoid(w + b))
    return np.array(outputs)
# --8<-- [end:experiment]


# --8<-- [start:bce_cce]
def bce_and_cce(logits, labels):
    """The same predictions scored twice: BCE on σ(z), and CCE on a
    softmax over two logits (0, z), whose second share is σ(z)."""
    bce = keras.losses.binary_crossentropy(
        labels[:, None], logits[:, None], from_logits=True)
    two_logits = np.stack([np.zeros_like(logits), logits], axis=1)
    one_hot = np.stack([1 - labels, labels], axis=1)
    cce = keras.losses.categorical_crossentropy(
        one_hot, two_logits, from_logits=True)
    return np.asarray(bce), np.asarray(cce)
# --8<-- [end:bce_cce]


@dataclass
class MseCeResult:
    """What the 2-6/2-7 part of the page quotes."""

    start_output: float
    mse_output_50: float  # σ after 50 steps
    ce_output_50: float
    mse_output_end: float
    ce_output_end: float
    num_steps: int
    mse_steps_to_half: int  # first step with output < 0.5
    ce_steps_to_half: int
    mse_grad_at_start: float  # |dL/dz| at z = 4, y = 0
    ce_grad_at_start: float
    tape_vs_formula: float
    bce_vs_cce: float  # largest difference over random logits
    bce_vs_cce_probs: float  # the same through probabilities (clipped)


def main() -> MseCeResult:
    """Draw both gradients, run the one-neuron experiment, and compare
    BCE with two-class CCE."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    z = np.linspace(-8, 8, 401)
    # --8<-- [start:plot]
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.plot(z, np.abs(mse_grad_z(z, 0.0)), label="MSE: 2|σ − y|σ'(z)")
    ax.plot(z, np.abs(ce_grad_z(z, 0.0)), label="CE: |σ(z) − y|")
    ax.axvspan(2, 8, color="tab:red", alpha=0.1,
               label="confidently wrong (y = 0)")
    ax.set(xlabel="z (target y = 0)", ylabel="|dL/dz|")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    # --8<-- [end:plot]
    num_steps = 300
    mse_out = train_one_neuron(mse_grad_z, num_steps=num_steps)
    ce_out = train_one_neuron(ce_grad_z, num_steps=num_steps)
    fig, ax = plt.subplots(figsize=(6, 3.8))
    steps = np.arange(1, num_steps + 1)
    ax.plot(steps, mse_out, label="MSE")
    ax.plot(steps, ce_out, label="cross-entropy")
    ax.set(xlabel="gradient-descent step", ylabel="output σ(w + b)",
           title="one neuron, target 0, started at σ(4)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    zs = rng.normal(0, 3, 50)
    ys = rng.integers(0, 2, 50).astype("float64")
    mse_t, ce_t = tape_grads_z(zs, ys)
    tape_diff = max(np.abs(mse_t - mse_grad_z(zs, ys)).max(),
                    np.abs(ce_t - ce_grad_z(zs, ys)).max())
    bce, cce = bce_and_cce(zs, ys)
    p = sigmoid(zs)
    bce_p = np.asarray(keras.losses.binary_crossentropy(ys[:, None],
                                                        p[:, None]))
    cce_p = np.asarray(keras.losses.categorical_crossentropy(
        np.stack([1 - ys, ys], 1), np.stack([1 - p, p], 1)))
    print(f"largest |BCE - CCE| over 50 logits: {np.abs(bce - cce).max():.2e}")
    return MseCeResult(
        start_output=float(sigmoid(4.0)),
        mse_output_50=float(mse_out[49]), ce_output_50=float(ce_out[49]),
        mse_output_end=float(mse_out[-1]), ce_output_end=float(ce_out[-1]),
        num_steps=num_steps,
        mse_steps_to_half=int(np.argmax(mse_out < 0.5)) + 1,
        ce_steps_to_half=int(np.argmax(ce_out < 0.5)) + 1,
        mse_grad_at_start=float(abs(mse_grad_z(4.0, 0.0))),
        ce_grad_at_start=float(abs(ce_grad_z(4.0, 0.0))),
        tape_vs_formula=float(tape_diff),
        bce_vs_cce=float(np.abs(bce - cce).max()),
        bce_vs_cce_probs=float(np.abs(bce_p - cce_p).max()))


if __name__ == "__main__":
    main()
