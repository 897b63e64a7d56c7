"""A softmax classifier for Iris: stratified split, learning curves and a
confusion matrix.

Section: 4-10 Practice: Iris classification
Figure: s10_iris_curves.svg, s10_iris_confusion.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 10
EPOCHS = 60


# --8<-- [start:data]
def iris_split(seed=0):
    """150 flowers, 4 measurements, 3 species (50 each): 70 % train and
    30 % test, stratified so each split keeps one third per species;
    standardised with the training rows' statistics."""
    iris = load_iris()
    x_train, x_test, y_train, y_test = train_test_split(
        iris.data, iris.target, test_size=0.3, stratify=iris.target,
        random_state=seed)
    scaler = StandardScaler().fit(x_train)
    return (scaler.transform(x_train).astype("float32"), y_train,
            scaler.transform(x_test).astype("float32"), y_test,
            list(iris.target_names))
# --8<-- [end:data]


# --8<-- [start:model]
def train_softmax(x_train, y_train, x_test, y_test, seed=SEED):
    """4 inputs, 8 tanh units, 3 softmax outputs; integer labels, so the
    loss is sparse categorical cross-entropy (2-7)."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="tanh"),
        keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"], steps_per_execution=7)
    history = model.fit(x_train, y_train, epochs=EPOCHS, batch_size=16,
                        validation_data=(x_test, y_test), verbose=0)
    return model, history.history
# --8<-- [end:model]


@dataclass
class IrisResult:
    """What the 4-10 page quotes."""

    num_train: int
    num_test: int
    train_counts: list   # flowers per species in the training split
    test_counts: list
    epochs: int
    train_accuracy: float
    test_accuracy: float
    majority_accuracy: float  # always answer the commonest training class
    num_errors: int
    confusion: list      # rows truth, columns prediction
    probability_row_sum_max_error: float


def main() -> IrisResult:
    x_train, y_train, x_test, y_test, names = iris_split()
    model, history = train_softmax(x_train, y_train, x_test, y_test)
    # --8<-- [start:evaluate]
    probabilities = model.predict(x_test, verbose=0)
    predicted = probabilities.argmax(axis=1)
    matrix = confusion_matrix(y_test, predicted)
    print("test accuracy", (predicted == y_test).mean().round(3))
    print("confusion matrix (rows truth, columns prediction):")
    print(matrix)
    # --8<-- [end:evaluate]
    epochs = np.arange(1, EPOCHS + 1)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.4))
    ax1.plot(epochs, history["loss"], label="training")
    ax1.plot(epochs, history["val_loss"], label="test")
    ax1.set(xlabel="epoch", ylabel="cross-entropy", title="loss")
    ax2.plot(epochs, history["accuracy"], label="training")
    ax2.plot(epochs, history["val_accuracy"], label="test")
    ax2.set(xlabel="epoch", ylabel="accuracy", title="accuracy",
            ylim=(0, 1.02))
    ax2.legend(loc="lower right")
    fig.tight_layout()
    plt.show()
    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    ax.imshow(matrix, cmap="Blues")
    for (i, j), count in np.ndenumerate(matrix):
        ax.text(j, i, count, ha="center", va="center",
                color="white" if count > matrix.max() / 2 else "black")
    ax.set(xticks=range(3), xticklabels=names, yticks=range(3),
           yticklabels=names, xlabel="predicted", ylabel="truth",
           title="Iris test split")
    fig.tight_layout()
    plt.show()
    majority = np.bincount(y_train).argmax()
    return IrisResult(
        num_train=len(y_train), num_test=len(y_test),
        train_counts=np.bincount(y_train).tolist(),
        test_counts=np.bincount(y_test).tolist(), epochs=EPOCHS,
        train_accuracy=float(history["accuracy"][-1]),
        test_accuracy=float((predicted == y_test).mean()),
        majority_accuracy=float((y_test == majority).mean()),
        num_errors=int((predicted != y_test).sum()),
        confusion=matrix.tolist(),
        probability_row_sum_max_error=float(
            np.abs(probabilities.sum(axis=1) - 1).max()))


if __name__ == "__main__":
    main()
