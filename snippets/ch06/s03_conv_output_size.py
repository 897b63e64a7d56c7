"""The convolution output-size formula, checked against Keras's shapes
for many sizes, strides and paddings; a strided, padded convolution by
hand against Conv2D.

Section: 6-3 The convolutional layer
"""
import itertools

import keras
import numpy as np


# --8<-- [start:formula]
def output_size(n, k, s=1, p=0):
    """⌊(n + 2p − k) / s⌋ + 1 for input n, kernel k, stride s, padding p."""
    return (n + 2 * p - k) // s + 1


def same_size(n, s):
    """Keras's padding='same': ⌈n / s⌉, whatever the kernel."""
    return -(-n // s)
# --8<-- [end:formula]


def keras_size(n, k, s, padding="valid", p=0):
    layers = [keras.Input((n, n, 1))]
    if p:
        layers.append(keras.layers.ZeroPadding2D(p))
    layers.append(keras.layers.Conv2D(1, k, strides=s, padding=padding))
    return keras.Sequential(layers).output_shape[1]


# --8<-- [start:hand]
def conv2d(x, w, b, stride=1, pad=0):
    """x (h, w, c_in), w (k, k, c_in, c_out), b (c_out,): every output
    channel sums a cross-correlation over all input channels."""
    x = np.pad(x, ((pad, pad), (pad, pad), (0, 0)))
    k, c_out = w.shape[0], w.shape[3]
    n_out = output_size(x.shape[0], k, stride)
    m_out = output_size(x.shape[1], k, stride)
    y = np.zeros((n_out, m_out, c_out))
    for i in range(n_out):
        for j in range(m_out):
            patch = x[i * stride:i * stride + k, j * stride:j * stride + k]
            y[i, j] = np.tensordot(patch, w, axes=3) + b
    return y
# --8<-- [end:hand]


def main() -> dict:
    keras.utils.set_random_seed(63)
    rng = np.random.default_rng(63)
    cases = 0
    mismatches = []
    for n, k, s, p in itertools.product((5, 7, 8, 28), (1, 2, 3, 5),
                                        (1, 2, 3), (0, 1, 2)):
        if k > n + 2 * p:
            continue
        cases += 1
        if keras_size(n, k, s, p=p) != output_size(n, k, s, p):
            mismatches.append((n, k, s, p))
        if p == 0 and keras_size(n, k, s, "same") != same_size(n, s):
            mismatches.append((n, k, s, "same"))
    # a two-channel input, three filters, stride 2, padding 1
    x = rng.normal(size=(7, 7, 2))
    w, b = rng.normal(size=(3, 3, 2, 3)), rng.normal(size=3)
    layer = keras.layers.Conv2D(3, 3, strides=2)
    padded = keras.layers.ZeroPadding2D(1)(x[None].astype("float32"))
    layer.build(padded.shape)
    layer.set_weights([w, b])
    theirs = keras.ops.convert_to_numpy(layer(padded))[0]
    ours = conv2d(x, w, b, stride=2, pad=1)
    return {"num_cases": cases, "mismatches": mismatches,
            "hand_shape": "×".join(map(str, ours.shape)),
            "hand_diff": float(np.abs(ours - theirs).max()),
            "num_params": layer.count_params()}


if __name__ == "__main__":
    main()
