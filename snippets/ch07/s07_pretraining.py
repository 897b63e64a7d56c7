"""Unsupervised pre-training: an encoder trained as part of an
autoencoder on 6,000 unlabelled digits, then fine-tuned as a classifier
on the first few hundred labels; against the same network trained from
scratch on the same labels for the same epochs, neither tuned.

Section: 7-7 Unsupervised pre-training
Figure: s07_pretraining_accuracy.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch07.s02_dense_ae_mnist import mnist_subset

SEED = 7
WIDTHS = (128, 32)  # the encoder's layers
NUM_LABELLED = 300  # the first 300 training images keep their labels
PRETRAIN_EPOCHS = 5  # on all 6,000 images, labels unused
FINETUNE_EPOCHS = 20  # on the labelled images, in batches of 30
STEPS_PER_CALL = 10  # 10 batches per call: same updates, faster


@dataclass
class PretrainingResult:
    """What the page quotes from the pre-training run."""

    num_unlabelled: int
    num_labelled: int
    num_test: int
    pretrain_epochs: int
    finetune_epochs: int
    scratch_accuracy: float  # test accuracy
    pretrained_accuracy: float
    gain: float  # pretrained - scratch, in accuracy
    majority_accuracy: float  # baseline: the commonest labelled digit
    verdict: str  # "beats" or "does not beat", for the page's sentence


# --8<-- [start:model]
def build_encoder(widths=WIDTHS):
    """784 -> 128 -> 32, ReLU: shared by the autoencoder and the
    classifier."""
    inputs = keras.Input(shape=(784,))
    h = inputs
    for width in widths:
        h = keras.layers.Dense(width, activation="relu")(h)
    return keras.Model(inputs, h, name="encoder")


def build_autoencoder(encoder):
    """The encoder, then a mirrored decoder 32 -> 128 -> 784."""
    inputs = keras.Input(shape=(784,))
    h = keras.layers.Dense(WIDTHS[0], activation="relu")(encoder(inputs))
    outputs = keras.layers.Dense(784, activation="sigmoid")(h)
    return keras.Model(inputs, outputs, name="autoencoder")


def build_classifier(encoder):
    """The encoder, then a softmax layer over the 10 digits."""
    inputs = keras.Input(shape=(784,))
    outputs = keras.layers.Dense(10, activation="softmax")(encoder(inputs))
    model = keras.Model(inputs, outputs, name="classifier")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"],
                  steps_per_execution=STEPS_PER_CALL)
    return model
# --8<-- [end:model]


def main() -> PretrainingResult:
    """Pre-train one encoder, then fine-tune it and a fresh one alike."""
    keras.utils.set_random_seed(SEED)
    x_train, x_test, y_test = mnist_subset()
    (_, y_all), _ = keras.datasets.mnist.load_data()
    x_few, y_few = x_train[:NUM_LABELLED], y_all[:NUM_LABELLED]
    # --8<-- [start:run]
    pretrained = build_encoder()
    autoencoder = build_autoencoder(pretrained)
    autoencoder.compile(optimizer="adam", loss="binary_crossentropy",
                        steps_per_execution=STEPS_PER_CALL)
    autoencoder.fit(x_train, x_train, epochs=PRETRAIN_EPOCHS,
                    batch_size=128, verbose=0)  # no labels used
    accuracy = {}
    for name, encoder in [("scratch", build_encoder()),
                          ("pre-trained", pretrained)]:
        keras.utils.set_random_seed(SEED)  # the same softmax layer
        classifier = build_classifier(encoder)
        classifier.fit(x_few, y_few, epochs=FINETUNE_EPOCHS,
                       batch_size=30, verbose=0)
        accuracy[name] = float(classifier.evaluate(
            x_test, y_test, batch_size=1000, verbose=0)[1])
    # --8<-- [end:run]
    majority = np.mean(y_test == np.bincount(y_few).argmax())
    fig, ax = plt.subplots(figsize=(5, 3.4))
    names = ["majority digit", "from scratch", "pre-trained"]
    values = [majority, accuracy["scratch"], accuracy["pre-trained"]]
    bars = ax.barh(names, values,
                   color=["tab:gray", "tab:orange", "tab:blue"])
    ax.bar_label(bars, fmt="%.3f", padding=3)
    ax.set_xlim(0, 1.1)
    ax.set_xlabel(f"test accuracy, {len(x_test):,d} digits")
    ax.set_title(f"{NUM_LABELLED} labelled training images")
    fig.tight_layout()
    plt.show()
    gain = accuracy["pre-trained"] - accuracy["scratch"]
    return PretrainingResult(
        num_unlabelled=len(x_train), num_labelled=NUM_LABELLED,
        num_test=len(x_test), pretrain_epochs=PRETRAIN_EPOCHS,
        finetune_epochs=FINETUNE_EPOCHS,
        scratch_accuracy=accuracy["scratch"],
        pretrained_accuracy=accuracy["pre-trained"], gain=float(gain),
        majority_accuracy=float(majority),
        verdict="beats" if gain > 0 else "does not beat")


if __name__ == "__main__":
    main()
