"""Cross-correlation and convolution by hand on a small matrix, checked
against scipy.signal and keras.ops.conv.

Section: 6-2 Cross-correlation and convolution
"""
import keras
import numpy as np
from scipy import signal

X = np.array([[1, 2, 0, 1, 3],
              [0, 1, 3, 2, 1],
              [2, 0, 1, 1, 0],
              [1, 3, 2, 0, 2],
              [0, 1, 1, 2, 1]], dtype=float)
K = np.array([[1, 0, -1],
              [2, 0, -2],
              [1, 0, -1]], dtype=float)  # a Sobel kernel: not symmetric


# --8<-- [start:hand]
def cross_correlate(x, k):
    """y[i, j] = Σ_m Σ_n x[i + m, j + n] k[m, n]  ('valid': no padding)."""
    kh, kw = k.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i:i + kh, j:j + kw] * k)
    return out


def convolve(x, k):
    """y[i, j] = Σ_m Σ_n x[i + m, j + n] k[M - m, N - n]: the kernel
    flipped in both axes, then cross-correlated."""
    return cross_correlate(x, k[::-1, ::-1])
# --8<-- [end:hand]


# --8<-- [start:keras]
def keras_conv(x, k):
    """keras.ops.conv wants (batch, h, w, channels) and a kernel
    (kh, kw, in_channels, out_channels)."""
    y = keras.ops.conv(x[None, :, :, None].astype("float32"),
                       k[:, :, None, None].astype("float32"),
                       padding="valid")
    return keras.ops.convert_to_numpy(y)[0, :, :, 0]
# --8<-- [end:keras]


def tex(a):
    """A matrix as LaTeX, for the page."""
    rows = [" & ".join(f"{v:g}" for v in row) for row in a]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def main() -> dict:
    xcorr, conv = cross_correlate(X, K), convolve(X, K)
    return {
        "x_tex": tex(X), "k_tex": tex(K), "k_flip_tex": tex(K[::-1, ::-1]),
        "xcorr_tex": tex(xcorr), "conv_tex": tex(conv),
        "top_left": float(xcorr[0, 0]),
        "scipy_xcorr_diff": float(np.abs(
            xcorr - signal.correlate2d(X, K, mode="valid")).max()),
        "scipy_conv_diff": float(np.abs(
            conv - signal.convolve2d(X, K, mode="valid")).max()),
        "keras_xcorr_diff": float(np.abs(xcorr - keras_conv(X, K)).max()),
        "keras_vs_conv": float(np.abs(conv - keras_conv(X, K)).max()),
    }


if __name__ == "__main__":
    main()
