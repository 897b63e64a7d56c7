"""The gradients of a convolution: with respect to its input, a full
convolution with the (flipped) kernel; with respect to its kernel, a
cross-correlation of the input with the output gradient. Checked against
tf.GradientTape.

Section: 6-8 Backpropagation in CNNs
"""
import numpy as np
import tensorflow as tf
from scipy import signal

SEED = 68


# --8<-- [start:grads]
def conv_input_grad(dy, k):
    """∂L/∂x for y = x ⋆ k ('valid'): pad dy by k − 1 on every side and
    cross-correlate with the flipped kernel, which is a full convolution
    with k."""
    return signal.convolve2d(dy, k, mode="full")


def conv_kernel_grad(x, dy):
    """∂L/∂k[m, n] = Σ_ij dy[i, j] x[i + m, j + n]: x ⋆ dy ('valid')."""
    return signal.correlate2d(x, dy, mode="valid")
# --8<-- [end:grads]


def by_hand_flip(dy, k):
    """The same input gradient spelled out: zero-pad, flip, correlate."""
    kh, kw = k.shape
    padded = np.pad(dy, ((kh - 1, kh - 1), (kw - 1, kw - 1)))
    return signal.correlate2d(padded, k[::-1, ::-1], mode="valid")


def tape_grads(x, k, dy):
    """GradientTape on tf.nn.conv2d (which cross-correlates), with the
    loss L = Σ y ⊙ dy, so that ∂L/∂y = dy."""
    x_t = tf.Variable(x[None, :, :, None])
    k_t = tf.Variable(k[:, :, None, None])
    with tf.GradientTape() as tape:
        y = tf.nn.conv2d(x_t, k_t, strides=1, padding="VALID")
        loss = tf.reduce_sum(y[0, :, :, 0] * dy)
    gx, gk = tape.gradient(loss, [x_t, k_t])
    return gx.numpy()[0, :, :, 0], gk.numpy()[:, :, 0, 0]


def main() -> dict:
    rng = np.random.default_rng(SEED)
    x, k = rng.normal(size=(6, 7)), rng.normal(size=(3, 2))
    dy = rng.normal(size=(6 - 3 + 1, 7 - 2 + 1))
    gx, gk = tape_grads(x, k, dy)
    return {
        "input_grad_diff": float(np.abs(conv_input_grad(dy, k) - gx).max()),
        "flip_form_diff": float(np.abs(by_hand_flip(dy, k) - gx).max()),
        "kernel_grad_diff": float(np.abs(conv_kernel_grad(x, dy)
                                         - gk).max()),
        "unflipped_diff": float(np.abs(signal.correlate2d(
            dy, k, mode="full") - gx).max()),
    }


if __name__ == "__main__":
    main()
