"""Cross-entropy losses by hand (NumPy) vs keras.losses.

Binary, categorical (one-hot) and sparse categorical
(integer labels), each from probabilities and from logits.

Section: II-5 Loss functions for classification
"""
import keras
import numpy as np

SEED = 5
EPSILON = 1e-7  # keras.config.epsilon(): Keras clips probabilities to it


# --8<-- [start:hand]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))  # shift: no overflow
    return e / e.sum(axis=-1, keepdims=True)


def binary_crossentropy(y, p):
    """-mean[y log p + (1 - y) log(1 - p)] over all entries."""
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def binary_crossentropy_from_logits(y, z):
    """The same with p = sigmoid(z), never forming p: since
    -log sigmoid(z) = log(1 + e^-z), the loss is max(z, 0) - z y
    + log(1 + e^-|z|), which neither overflows nor takes log 0."""
    return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))


def categorical_crossentropy(y_onehot, p):
    """-mean over samples of sum_k y_k log p_k (one-hot labels)."""
    return -np.mean(np.sum(y_onehot * np.log(p), axis=-1))


def log_softmax(z):
    """log softmax(z) = z - logsumexp(z), computed stably."""
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


def categorical_crossentropy_from_logits(y_onehot, z):
    return -np.mean(np.sum(y_onehot * log_softmax(z), axis=-1))


def sparse_categorical_crossentropy(labels, p):
    """Integer labels: pick -log p[label] in each row, then average."""
    return -np.mean(np.log(p[np.arange(len(labels)), labels]))
# --8<-- [end:hand]


def make_examples(rng):
    """Binary: 6 labels and logits. Multi-class: 5 samples, 3 classes."""
    y_bin = np.array([[0], [1], [1], [0], [1], [0]], dtype="float32")
    z_bin = rng.normal(0, 2, y_bin.shape).astype("float32")
    labels = np.array([0, 2, 1, 2, 0])
    z_multi = rng.normal(0, 2, (5, 3)).astype("float32")
    return y_bin, z_bin, labels, z_multi


def compare_all(y_bin, z_bin, labels, z_multi):
    """Hand value and Keras value of each loss, as {name: (hand, keras)}."""
    f64 = np.float64
    p_bin = sigmoid(z_bin.astype(f64))
    p_multi = softmax(z_multi.astype(f64))
    onehot = np.eye(3)[labels]
    losses = keras.losses
    return {
        "binary": (binary_crossentropy(y_bin, p_bin),
                   losses.BinaryCrossentropy()(y_bin, p_bin)),
        "binary_logits": (
            binary_crossentropy_from_logits(y_bin, z_bin.astype(f64)),
            losses.BinaryCrossentropy(from_logits=True)(y_bin, z_bin)),
        "categorical": (categorical_crossentropy(onehot, p_multi),
                        losses.CategoricalCrossentropy()(onehot, p_multi)),
        "categorical_logits": (
            categorical_crossentropy_from_logits(onehot, z_multi.astype(f64)),
            losses.CategoricalCrossentropy(from_logits=True)(onehot,
                                                             z_multi)),
        "sparse": (sparse_categorical_crossentropy(labels, p_multi),
                   losses.SparseCategoricalCrossentropy()(labels, p_multi)),
        "sparse_logits": (
            sparse_categorical_crossentropy(labels, softmax(
                z_multi.astype(f64))),
            losses.SparseCategoricalCrossentropy(from_logits=True)(
                labels, z_multi)),
    }


def main() -> dict:
    """The page's two worked examples, then every loss by hand and by
    Keras on random logits; the largest difference."""
    # --8<-- [start:binary]
    y = np.array([[1.0], [0.0], [1.0]], dtype="float32")   # true labels
    p = np.array([[0.9], [0.2], [0.6]], dtype="float32")   # P(label = 1)
    z = np.log(p / (1 - p))                         # logits: p = sigmoid(z)

    print("hand:  ", round(binary_crossentropy(y, p), 5))
    print("Keras: ", round(float(keras.losses.BinaryCrossentropy()(y, p)), 5))
    print("hand, logits:  ", round(binary_crossentropy_from_logits(y, z), 5))
    print("Keras, logits: ", round(float(
        keras.losses.BinaryCrossentropy(from_logits=True)(y, z)), 5))
    # --8<-- [end:binary]
    # --8<-- [start:categorical]
    labels = np.array([0, 2])              # integer labels: class 0, class 2
    onehot = keras.utils.to_categorical(labels, num_classes=3)
    z = np.array([[2.0, 1.0, 0.1],         # logits, one row per sample
                  [0.5, 1.5, 2.5]], dtype="float32")
    p = softmax(z)                         # probabilities, rows sum to 1
    print("one-hot:", onehot.tolist())
    print("p:", p.astype(float).round(4).tolist())

    cce, scce = keras.losses.CategoricalCrossentropy, \
        keras.losses.SparseCategoricalCrossentropy
    print("hand:", round(categorical_crossentropy(onehot, p), 5),
          round(categorical_crossentropy_from_logits(onehot, z), 5),
          round(sparse_categorical_crossentropy(labels, p), 5))
    print("categorical (one-hot)     :",
          round(float(cce()(onehot, p)), 5),
          round(float(cce(from_logits=True)(onehot, z)), 5))
    print("sparse categorical (ints) :",
          round(float(scce()(labels, p)), 5),
          round(float(scce(from_logits=True)(labels, z)), 5))
    # --8<-- [end:categorical]
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    pairs = compare_all(*make_examples(rng))
    values = {}
    for name, (hand, by_keras) in pairs.items():
        hand, by_keras = float(hand), float(by_keras)
        print(f"{name:19s} hand {hand:.6f}  keras {by_keras:.6f}")
        values[f"{name}_hand"] = hand
        values[f"{name}_keras"] = by_keras
    values["max_diff"] = max(abs(values[f"{n}_hand"] - values[f"{n}_keras"])
                             for n in pairs)
    print(f"largest |hand - keras| = {values['max_diff']:.1e}")
    return values


if __name__ == "__main__":
    main()
