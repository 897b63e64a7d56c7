"""Weight sharing and translation equivariance: a convolution's
parameters against a dense layer's, and a shifted input's output.

Section: 6-1 CNN overview
"""
import keras
import numpy as np

SEED = 61
SIZE, FILTERS, KERNEL = 28, 32, 3


# --8<-- [start:count]
def conv_params(kernel, c_in, c_out):
    """One kernel × kernel × c_in filter and one bias per output channel."""
    return kernel * kernel * c_in * c_out + c_out


def dense_params(n_in, n_out):
    return n_in * n_out + n_out
# --8<-- [end:count]


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    conv = keras.layers.Conv2D(FILTERS, KERNEL, padding="same")
    conv.build((None, SIZE, SIZE, 1))
    n_out = SIZE * SIZE * FILTERS  # the same output as a dense layer
    # translation equivariance: shift the input, the output shifts
    image = np.zeros((1, SIZE, SIZE, 1), "float32")
    image[0, 5:12, 6:10, 0] = rng.uniform(size=(7, 4))
    shifted = np.roll(image, (4, 7), axis=(1, 2))
    out, out_shifted = (keras.ops.convert_to_numpy(conv(a))
                        for a in (image, shifted))
    equiv = np.abs(np.roll(out, (4, 7), axis=(1, 2)) - out_shifted).max()
    return {
        "conv_params": conv.count_params(),
        "conv_formula": conv_params(KERNEL, 1, FILTERS),
        "dense_params": dense_params(SIZE * SIZE, n_out),
        "ratio": dense_params(SIZE * SIZE, n_out) / conv.count_params(),
        "equivariance_diff": float(equiv),
        "size": SIZE, "filters": FILTERS, "kernel": KERNEL,
    }


if __name__ == "__main__":
    main()
