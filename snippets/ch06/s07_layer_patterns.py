"""Typical CNN layer patterns as Keras models, LeNet-5 and a small
VGG-style network with batch normalisation and global average pooling;
their summaries and parameter counts by formula.

Section: 6-7 Typical CNN layer patterns
"""
import contextlib
import io

import keras

from snippets.ch06.s01_cnn_overview import conv_params, dense_params


# --8<-- [start:lenet]
def lenet5():
    """LeCun et al. (1998), with today's ReLU and max pooling."""
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.Conv2D(6, 5, activation="relu"),  # 28×28×6
        keras.layers.MaxPooling2D(2),  # 14×14×6
        keras.layers.Conv2D(16, 5, activation="relu"),  # 10×10×16
        keras.layers.MaxPooling2D(2),  # 5×5×16
        keras.layers.Flatten(),  # 400
        keras.layers.Dense(120, activation="relu"),
        keras.layers.Dense(84, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ], name="lenet5")
# --8<-- [end:lenet]


# --8<-- [start:vgg]
def vgg_block(filters):
    """conv–BN–ReLU twice, then pool: the pattern of VGG (2014), with
    the batch normalisation of Ioffe and Szegedy (2015)."""
    layers = []
    for _ in range(2):
        layers += [keras.layers.Conv2D(filters, 3, padding="same",
                                       use_bias=False),  # BN has a shift
                   keras.layers.BatchNormalization(),
                   keras.layers.ReLU()]
    return layers + [keras.layers.MaxPooling2D(2)]


def small_vgg():
    return keras.Sequential(
        [keras.Input((32, 32, 3))] + vgg_block(32) + vgg_block(64)
        + [keras.layers.GlobalAveragePooling2D(),  # 64 numbers
           keras.layers.Dense(10, activation="softmax")], name="small_vgg")
# --8<-- [end:vgg]


def summary_text(model):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        model.summary(line_length=64)
    return out.getvalue()


def main() -> dict:
    lenet, vgg = lenet5(), small_vgg()
    lenet_formula = (conv_params(5, 1, 6) + conv_params(5, 6, 16)
                     + dense_params(400, 120) + dense_params(120, 84)
                     + dense_params(84, 10))
    bn = 4  # γ, β trainable; moving mean and variance not
    vgg_formula = (3 * 3 * 3 * 32 + 32 * bn + 3 * 3 * 32 * 32 + 32 * bn
                   + 3 * 3 * 32 * 64 + 64 * bn + 3 * 3 * 64 * 64 + 64 * bn
                   + dense_params(64, 10))
    vgg_trainable = sum(int(w.numpy().size) for w in vgg.trainable_weights)
    return {
        "lenet_params": lenet.count_params(), "lenet_formula": lenet_formula,
        "vgg_params": vgg.count_params(), "vgg_formula": vgg_formula,
        "vgg_trainable": vgg_trainable,
        "vgg_non_trainable": vgg.count_params() - vgg_trainable,
        "lenet_summary": summary_text(lenet),
        "vgg_summary": summary_text(vgg),
        "vgg_flatten_alternative": dense_params(8 * 8 * 64, 10),
    }


if __name__ == "__main__":
    main()
