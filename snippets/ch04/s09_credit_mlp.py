"""A small regularised network for the German credit data, compared with
the logistic classifier of 2-8 and the KNN of 3-2 on the same split.

Section: 4-9 Practice: credit classification with a network
Figure: s09_credit_mlp_history.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch02.s08_credit_classifier import COST_THRESHOLD
from snippets.common.german_credit import credit_cost, credit_splits

SEED = 49
HIDDEN = 16
L2 = 1e-2
DROPOUT = 0.3


# --8<-- [start:model]
def train_mlp(data, seed=SEED):
    """One hidden layer of 16 ReLU units, an L2 penalty on both kernels,
    Dropout before the output, early stopping on the validation loss."""
    keras.utils.set_random_seed(seed)
    (x_train, y_train), val = data["train"], data["val"]
    penalty = keras.regularizers.L2(L2)
    model = keras.Sequential([
        keras.Input(shape=(x_train.shape[1],)),
        keras.layers.Dense(HIDDEN, activation="relu",
                           kernel_regularizer=penalty),
        keras.layers.Dropout(DROPOUT),
        keras.layers.Dense(1, activation="sigmoid",
                           kernel_regularizer=penalty)])
    model.compile(optimizer=keras.optimizers.Adam(0.003),
                  loss="binary_crossentropy", steps_per_execution=10)
    stop = keras.callbacks.EarlyStopping(patience=15,
                                         restore_best_weights=True)
    history = model.fit(x_train, y_train, epochs=300, batch_size=32,
                        validation_data=val, callbacks=[stop], verbose=0)
    return model, history.history, stop.best_epoch + 1
# --8<-- [end:model]


@dataclass
class CreditMlpResult:
    """What the 4-9 page quotes (test split unless named otherwise)."""

    num_params: int
    hidden: int
    l2: float
    dropout: float
    epochs_run: int
    best_epoch: int
    half_accuracy: float   # refuse when P(bad) > 0.5
    half_cost: int
    sixth_accuracy: float  # refuse when P(bad) > 1/6
    sixth_cost: int
    val_threshold: float   # the threshold with the least validation cost
    val_threshold_accuracy: float
    val_threshold_cost: int


def main() -> CreditMlpResult:
    """Train once on the training rows; score three thresholds on the
    untouched test rows, as 2-8 does."""
    data = credit_splits(seed=0)
    model, history, best_epoch = train_mlp(data)
    # --8<-- [start:evaluate]
    (x_val, y_val), (x_test, y_test) = data["val"], data["test"]
    p_val = model.predict(x_val, verbose=0)[:, 0]
    p_bad = model.predict(x_test, verbose=0)[:, 0]
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    val_costs = [credit_cost(y_val, (p_val > t).astype("int64"))
                 for t in grid]
    tuned = float(grid[int(np.argmin(val_costs))])
    scores = {}
    for name, t in [("0.5", 0.5), ("1/6", COST_THRESHOLD),
                    (f"{tuned:.2f} (validation)", tuned)]:
        refuse = (p_bad > t).astype("int64")
        scores[name] = (float((refuse == y_test).mean()),
                        credit_cost(y_test, refuse))
        print(f"refuse if P(bad) > {name:<18} accuracy"
              f" {scores[name][0]:.3f}, cost {scores[name][1]}")
    # --8<-- [end:evaluate]
    fig, ax = plt.subplots(figsize=(6, 3.6))
    epochs = np.arange(1, len(history["loss"]) + 1)
    ax.plot(epochs, history["loss"], label="training loss")
    ax.plot(epochs, history["val_loss"], label="validation loss")
    ax.axvline(best_epoch, color="grey", ls="--",
               label=f"kept: epoch {best_epoch}")
    ax.set(xlabel="epoch", ylabel="cross-entropy + L2 penalty",
           title="4-9: the network on the credit data")
    ax.legend()
    fig.tight_layout()
    plt.show()
    half, sixth = scores["0.5"], scores["1/6"]
    val = scores[f"{tuned:.2f} (validation)"]
    return CreditMlpResult(
        num_params=model.count_params(), hidden=HIDDEN, l2=L2,
        dropout=DROPOUT, epochs_run=len(epochs), best_epoch=best_epoch,
        half_accuracy=half[0], half_cost=half[1],
        sixth_accuracy=sixth[0], sixth_cost=sixth[1],
        val_threshold=tuned, val_threshold_accuracy=val[0],
        val_threshold_cost=val[1])


if __name__ == "__main__":
    main()
