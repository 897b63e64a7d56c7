"""Max, average and global pooling by hand, checked against Keras.

Section: 6-4 Pooling
"""
import keras
import numpy as np

from snippets.ch06.s02_cross_correlation import tex

X = np.array([[1, 3, 2, 0],
              [4, 6, 1, 1],
              [0, 2, 5, 7],
              [1, 1, 8, 2]], dtype=float)


# --8<-- [start:hand]
def pool(x, size=2, stride=2, reduce=np.max):
    """Slide a size × size window with the given stride; reduce each."""
    n = (x.shape[0] - size) // stride + 1
    m = (x.shape[1] - size) // stride + 1
    return np.array([[reduce(x[i * stride:i * stride + size,
                               j * stride:j * stride + size])
                      for j in range(m)] for i in range(n)])
# --8<-- [end:hand]


def keras_pool(layer, x):
    return keras.ops.convert_to_numpy(
        layer(x[None, :, :, None].astype("float32")))[0, ..., 0]


def main() -> dict:
    max_pool, avg_pool = pool(X), pool(X, reduce=np.mean)
    overlap = pool(X, size=3, stride=1)
    k_max = keras_pool(keras.layers.MaxPooling2D(2), X)
    k_avg = keras_pool(keras.layers.AveragePooling2D(2), X)
    k_overlap = keras_pool(keras.layers.MaxPooling2D(3, strides=1), X)
    k_global = keras.ops.convert_to_numpy(
        keras.layers.GlobalAveragePooling2D()(
            X[None, :, :, None].astype("float32")))[0, 0]
    return {
        "x_tex": tex(X), "max_tex": tex(max_pool), "avg_tex": tex(avg_pool),
        "overlap_tex": tex(overlap), "global_avg": float(X.mean()),
        "max_diff": float(np.abs(max_pool - k_max).max()),
        "avg_diff": float(np.abs(avg_pool - k_avg).max()),
        "overlap_diff": float(np.abs(overlap - k_overlap).max()),
        "global_diff": float(abs(X.mean() - k_global)),
        "num_params": keras.layers.MaxPooling2D(2).count_params(),
    }


if __name__ == "__main__":
    main()
