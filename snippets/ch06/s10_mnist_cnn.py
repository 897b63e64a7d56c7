"""A two-convolution CNN on all 60,000 MNIST training digits: accuracy,
confusion matrix, misclassified digits, learned first-layer filters; then
its limits: shifted and rotated digits, and fast-gradient-sign
adversarial examples.

Section: 6-10 Practice: MNIST with a CNN
Figure: s10_mnist_cnn_filters.svg, s10_mnist_cnn_errors.svg,
    s10_mnist_cnn_confusion.svg, s10_mnist_cnn_fgsm.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from scipy import ndimage

SEED = 610
NUM_EPOCHS, BATCH_SIZE = 1, 32  # one epoch: the chapter's time budget
EPSILONS = (0.0, 0.05, 0.1, 0.2)
NUM_PROBE = 2000  # test digits for the shift, rotation and FGSM probes


# --8<-- [start:data]
def load_mnist():
    """Pixels in [0, 1] with a channel axis: (n, 28, 28, 1)."""
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    x_train = x_train[..., None].astype("float32") / 255.0
    x_test = x_test[..., None].astype("float32") / 255.0
    return (x_train, y_train), (x_test, y_test)
# --8<-- [end:data]


# --8<-- [start:model]
def build_cnn():
    return keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(32, 3, activation="relu"),  # 26×26×32
        keras.layers.MaxPooling2D(2),  # 13×13×32
        keras.layers.Conv2D(64, 3, activation="relu"),  # 11×11×64
        keras.layers.MaxPooling2D(2),  # 5×5×64
        keras.layers.Flatten(),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ], name="mnist_cnn")
# --8<-- [end:model]


# --8<-- [start:fgsm]
def fgsm(model, x, y, epsilon):
    """x + ε·sign(∇ₓ loss), clipped to valid pixels (Goodfellow et al.
    2015): every pixel moves by ε in the direction that raises the
    loss most, to first order."""
    x = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = keras.losses.sparse_categorical_crossentropy(y, model(x))
    grad = tape.gradient(loss, x)
    return tf.clip_by_value(x + epsilon * tf.sign(grad), 0.0, 1.0).numpy()
# --8<-- [end:fgsm]


def confusion_matrix(y_true, y_pred, num_classes=10):
    cm = np.zeros((num_classes, num_classes), int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def accuracy(model, x, y):
    return float(np.mean(model.predict(x, verbose=0,
                                       batch_size=500).argmax(1) == y))


def draw_figures(model, x_test, y_test, pred, cm, adv_examples):
    kernels = model.layers[0].get_weights()[0][:, :, 0, :]  # 3×3×32
    fig, axes = plt.subplots(4, 8, figsize=(6, 3.3))
    for i, ax in enumerate(axes.flat):
        ax.imshow(kernels[:, :, i], cmap="RdBu_r",
                  vmin=-abs(kernels).max(), vmax=abs(kernels).max())
        ax.set(xticks=[], yticks=[])
    fig.suptitle("The 32 learned 3×3 kernels of the first layer")
    wrong = np.flatnonzero(pred != y_test)[:12]
    fig, axes = plt.subplots(2, 6, figsize=(6.5, 2.9))
    for i, ax in zip(wrong, axes.flat):
        ax.imshow(x_test[i, :, :, 0], cmap="gray_r")
        ax.set(xticks=[], yticks=[], title=f"{y_test[i]} → {pred[i]}")
    fig.suptitle("First misclassified test digits (true → predicted)")
    fig.tight_layout()
    fig, ax = plt.subplots(figsize=(5.2, 4.6))
    off = cm - np.diag(np.diag(cm))
    im = ax.imshow(off, cmap="Oranges")
    for (i, j), v in np.ndenumerate(cm):
        if v and i != j:
            ax.text(j, i, v, ha="center", va="center", fontsize=7)
    ax.set(xticks=range(10), yticks=range(10), xlabel="predicted",
           ylabel="true", title="Test confusion matrix (errors only)")
    fig.colorbar(im, ax=ax, shrink=0.8)
    fig.tight_layout()
    fig, axes = plt.subplots(1, len(adv_examples), figsize=(6.5, 2.2))
    for ax, (eps, img, label) in zip(axes, adv_examples):
        ax.imshow(img[:, :, 0], cmap="gray_r", vmin=0, vmax=1)
        ax.set(xticks=[], yticks=[], title=f"ε = {eps}: {label}")
    fig.suptitle("One test digit under fast-gradient-sign attacks")
    fig.tight_layout()
    plt.show()


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    (x_train, y_train), (x_test, y_test) = load_mnist()
    model = build_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=NUM_EPOCHS,
                        batch_size=BATCH_SIZE, verbose=0)
    test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0,
                                         batch_size=500)
    pred = model.predict(x_test, verbose=0, batch_size=500).argmax(1)
    cm = confusion_matrix(y_test, pred)
    off = cm - np.diag(np.diag(cm))
    worst = np.unravel_index(off.argmax(), off.shape)
    # 6-9: limits, on the first NUM_PROBE test digits
    xp, yp = x_test[:NUM_PROBE], y_test[:NUM_PROBE]
    shifted = np.roll(xp, 6, axis=2)  # 6 pixels to the right
    rotated = ndimage.rotate(xp, 45, axes=(1, 2), reshape=False, order=1)
    fgsm_acc, adv_examples = {}, []
    first = int(np.flatnonzero(pred[:NUM_PROBE] == yp)[0])
    for eps in EPSILONS:
        adv = fgsm(model, xp, yp, eps)
        fgsm_acc[str(eps)] = accuracy(model, adv, yp)
        label = int(model.predict(adv[first:first + 1], verbose=0).argmax())
        adv_examples.append((eps, adv[first], label))
    draw_figures(model, x_test, y_test, pred, cm, adv_examples)
    return {
        "num_train": len(x_train), "num_test": len(x_test),
        "num_epochs": NUM_EPOCHS, "batch_size": BATCH_SIZE,
        "epochs_text": f"{NUM_EPOCHS} epoch{'s' * (NUM_EPOCHS != 1)}",
        "num_params": model.count_params(),
        "train_accuracy": float(history.history["accuracy"][-1]),
        "test_accuracy": float(test_acc), "test_loss": float(test_loss),
        "num_test_wrong": int((pred != y_test).sum()),
        "majority_accuracy": float(np.mean(y_test == np.bincount(
            y_train).argmax())),
        "worst_true": int(worst[0]), "worst_pred": int(worst[1]),
        "worst_count": int(off.max()),
        "confusion": cm.tolist(),
        "num_probe": NUM_PROBE,
        "probe_accuracy": accuracy(model, xp, yp),
        "shift_accuracy": accuracy(model, shifted, yp),
        "rotate_accuracy": accuracy(model, rotated, yp),
        "fgsm_accuracy": fgsm_acc,
        **{f"fgsm_{str(e).replace('.', '')}": a
           for e, a in zip(EPSILONS, fgsm_acc.values())},
        "fgsm_first_label": int(yp[first]),
        "fgsm_labels": [lab for _, _, lab in adv_examples],
        "fgsm_labels_text": ", ".join(str(lab)
                                      for _, _, lab in adv_examples),
    }


if __name__ == "__main__":
    main()
