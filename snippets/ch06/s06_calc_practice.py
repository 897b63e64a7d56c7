"""Calculation practice: convolution, stride, padding, pooling and
transposed convolution exercises, each answered by hand and by Keras.

Section: 6-6 Calculation practice
"""
import keras
import numpy as np

from snippets.ch06.s02_cross_correlation import cross_correlate, tex
from snippets.ch06.s03_conv_output_size import conv2d, output_size
from snippets.ch06.s04_pooling import pool
from snippets.ch06.s05_transposed_conv import conv_transpose

# --8<-- [start:exercises]
E1_X = np.array([[2, 0, 1, 3], [1, 4, 0, 2], [0, 1, 2, 1], [3, 0, 1, 0.]])
E1_K = np.array([[1, -1], [0, 2.]])  # exercise 1: valid, stride 1
E2_X = np.arange(1, 26, dtype=float).reshape(5, 5)
E2_K = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0.]])  # 2: stride 2, pad 1
E3_X = np.array([[1, 5, 2, 0], [3, 2, 8, 1], [0, 4, 6, 6], [7, 1, 2, 3.]])
E4_X = np.array([[1, -1], [2, 0.]])  # exercise 4: transposed, stride 2
E4_K = np.array([[1, 2], [3, 4.]])
E5 = dict(n=32, c_in=3, k=5, filters=16, s=1, p=0)  # 5: shape, params
# --8<-- [end:exercises]


def keras_layer(layer, x, kernel=None):
    x4 = x[None, :, :, None].astype("float32")
    if kernel is not None:
        layer.build(x4.shape)
        layer.set_weights([kernel[:, :, None, None]])
    return keras.ops.convert_to_numpy(layer(x4))[0, :, :, 0]


def main() -> dict:
    hand = {
        "e1": cross_correlate(E1_X, E1_K),
        "e2": conv2d(E2_X[..., None], E2_K[:, :, None, None], np.zeros(1),
                     stride=2, pad=1)[..., 0],
        "e3_max": pool(E3_X), "e3_avg": pool(E3_X, reduce=np.mean),
        "e4": conv_transpose(E4_X, E4_K, 2),
    }
    conv = keras.layers.Conv2D
    e2_pad = np.pad(E2_X, 1)
    by_keras = {
        "e1": keras_layer(conv(1, 2, use_bias=False), E1_X, E1_K),
        "e2": keras_layer(conv(1, 3, strides=2, use_bias=False), e2_pad,
                          E2_K),
        "e3_max": keras_layer(keras.layers.MaxPooling2D(2), E3_X),
        "e3_avg": keras_layer(keras.layers.AveragePooling2D(2), E3_X),
        "e4": keras_layer(keras.layers.Conv2DTranspose(
            1, 2, strides=2, use_bias=False), E4_X, E4_K),
    }
    n5 = output_size(E5["n"], E5["k"], E5["s"], E5["p"])
    p5 = E5["k"] ** 2 * E5["c_in"] * E5["filters"] + E5["filters"]
    model5 = keras.Sequential([keras.Input((E5["n"], E5["n"], E5["c_in"])),
                               conv(E5["filters"], E5["k"])])
    return {
        **{f"{key}_tex": tex(v) for key, v in hand.items()},
        "e1_x_tex": tex(E1_X), "e1_k_tex": tex(E1_K),
        "e2_x_tex": tex(E2_X), "e2_k_tex": tex(E2_K),
        "e3_x_tex": tex(E3_X), "e4_x_tex": tex(E4_X), "e4_k_tex": tex(E4_K),
        "e2_shape": "×".join(map(str, hand["e2"].shape)),
        "e4_shape": "×".join(map(str, hand["e4"].shape)),
        "e5_size": n5, "e5_params": p5,
        "e5_keras_shape": list(model5.output_shape[1:]),
        "e5_keras_params": model5.count_params(),
        "e5_keras_shape_text": str(tuple(model5.output_shape)),
        "worst_diff": float(max(np.abs(hand[k] - by_keras[k]).max()
                                for k in hand)),
        "answers": {k: v.tolist() for k, v in hand.items()},
    }


if __name__ == "__main__":
    main()
