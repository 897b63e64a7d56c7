"""Upsampling and transposed convolution by hand, checked against Keras;
the transposed convolution as the adjoint of the convolution; the
checkerboard of uneven overlaps.

Section: 6-5 Upsampling and transposed convolution
Figure: s05_transposed_conv_checkerboard.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch06.s02_cross_correlation import tex
from snippets.ch06.s03_conv_output_size import conv2d

SEED = 65


# --8<-- [start:upsample]
def upsample_nearest(x, factor=2):
    """Repeat every pixel factor × factor times."""
    return np.repeat(np.repeat(x, factor, axis=0), factor, axis=1)


def interpolate_1d(n_in, factor):
    """Weights (n_out, n_in) of linear interpolation with half-pixel
    centres: output o samples input position (o + ½)/factor − ½."""
    pos = (np.arange(n_in * factor) + 0.5) / factor - 0.5
    pos = np.clip(pos, 0, n_in - 1)
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, n_in - 1)
    w = np.zeros((n_in * factor, n_in))
    w[np.arange(len(pos)), lo] += 1 - (pos - lo)
    w[np.arange(len(pos)), hi] += pos - lo
    return w


def upsample_bilinear(x, factor=2):
    """Bilinear = linear along the rows, then along the columns."""
    return (interpolate_1d(x.shape[0], factor) @ x
            @ interpolate_1d(x.shape[1], factor).T)
# --8<-- [end:upsample]


# --8<-- [start:transposed]
def conv_transpose(x, k, stride=1):
    """Scatter: every input pixel adds x[i, j] · k into the output at
    (i·s, j·s). Output size (n − 1)·s + k ('valid')."""
    n, m = x.shape
    kh, kw = k.shape
    y = np.zeros(((n - 1) * stride + kh, (m - 1) * stride + kw))
    for i in range(n):
        for j in range(m):
            y[i * stride:i * stride + kh,
              j * stride:j * stride + kw] += x[i, j] * k
    return y
# --8<-- [end:transposed]


# --8<-- [start:size]
def transposed_size(n, k, s, padding="valid"):
    """Keras: (n − 1)·s + k for 'valid' when k ≥ s; a kernel smaller
    than the stride leaves gaps, and Keras pads them: (n − 1)·s + s.
    'same': n·s, the inverse of a 'same' convolution's ⌈n / s⌉."""
    if padding == "same":
        return n * s
    return (n - 1) * s + max(k, s)
# --8<-- [end:size]


def keras_2d(layer, x, weights=None):
    x4 = x[None, :, :, None].astype("float32")
    if weights is not None:
        layer.build(x4.shape)
        layer.set_weights(weights)
    return keras.ops.convert_to_numpy(layer(x4))[0, :, :, 0]


def keras_transpose(x, k, stride):
    layer = keras.layers.Conv2DTranspose(1, k.shape, strides=stride,
                                         use_bias=False)
    return keras_2d(layer, x, [k[:, :, None, None]])


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    k = np.array([[1.0, 0.0], [2.0, 1.0]])
    near = upsample_nearest(x)
    bil = upsample_bilinear(x)
    tr1, tr2 = conv_transpose(x, k, 1), conv_transpose(x, k, 2)
    diffs = {
        "nearest_diff": np.abs(near - keras_2d(
            keras.layers.UpSampling2D(2), x)).max(),
        "bilinear_diff": np.abs(bil - keras_2d(keras.layers.UpSampling2D(
            2, interpolation="bilinear"), x)).max(),
        "transpose_s1_diff": np.abs(tr1 - keras_transpose(x, k, 1)).max(),
        "transpose_s2_diff": np.abs(tr2 - keras_transpose(x, k, 2)).max(),
    }
    # the adjoint: <conv(a), b> = <a, conv_transpose(b)> for every a, b
    kern = rng.normal(size=(3, 3))
    a, b = rng.normal(size=(9, 9)), rng.normal(size=(4, 4))
    conv_ab = conv2d(a[..., None], kern[:, :, None, None], np.zeros(1),
                     stride=2)[..., 0]
    adjoint_gap = abs(np.sum(conv_ab * b)
                      - np.sum(a * conv_transpose(b, kern, 2)))
    # output-size formula against Keras's shapes
    size_ok = all(
        keras.Sequential([keras.Input((n, n, 1)), keras.layers.Conv2DTranspose(
            1, kk, strides=s, padding=pad)]).output_shape[1]
        == transposed_size(n, kk, s, pad)
        for n in (3, 4, 7) for kk in (2, 3, 4) for s in (1, 2, 3)
        for pad in ("valid", "same"))
    # checkerboard: ones through a 3×3 kernel of ones with stride 2
    board = conv_transpose(np.ones((6, 6)), np.ones((3, 3)), 2)
    fig, axes = plt.subplots(1, 2, figsize=(6.5, 3.3))
    for ax, (img, title) in zip(axes, [
            (board, "kernel 3, stride 2"),
            (conv_transpose(np.ones((6, 6)), np.ones((4, 4)), 2),
             "kernel 4, stride 2")]):
        im = ax.imshow(img, cmap="viridis")
        ax.set(title=title, xticks=[], yticks=[])
        fig.colorbar(im, ax=ax, shrink=0.75)
    fig.suptitle("Transposed convolution of a constant image")
    fig.tight_layout()
    plt.show()
    inner = board[2:-2, 2:-2]
    return {
        **{key: float(v) for key, v in diffs.items()},
        "x_tex": tex(x), "k_tex": tex(k), "nearest_tex": tex(near),
        "bilinear_tex": tex(bil), "tr1_tex": tex(tr1), "tr2_tex": tex(tr2),
        "adjoint_gap": float(adjoint_gap), "size_formula_ok": size_ok,
        "checker_min": float(inner.min()), "checker_max": float(inner.max()),
    }


if __name__ == "__main__":
    main()
