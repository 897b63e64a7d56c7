"""A small regularised network for the German credit data, compared with
the logistic classifier of 2-8 and the KNN of 3-2 on the same split.

Section: 4-9 Practice: credit classification with a network
Figure: s09_credit_mlp_history.svg
"""
import dataclasses
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.common.german_credit import (ThresholdScores, credit_splits,
                                           score_thresholds)

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
class CreditMlpResult(ThresholdScores):
    """What the 4-9 page quotes (test split unless named otherwise), with
    the three thresholds' scores from score_thresholds."""

    num_params: int
    hidden: int
    l2: float
    dropout: float
    epochs_run: int
    best_epoch: int


def main() -> CreditMlpResult:
    """Train once on the training rows; score three thresholds on the
    untouched test rows, as 2-8 does."""
    data = credit_splits(seed=0)
    model, history, best_epoch = train_mlp(data)
    # --8<-- [start:evaluate]
    (x_val, y_val), (x_test, y_test) = data["val"], data["test"]
    p_val = model.predict(x_val, verbose=0)[:, 0]
    p_bad = model.predict(x_test, verbose=0)[:, 0]
    scores = score_thresholds(p_val, y_val, p_bad, y_test)
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
    return CreditMlpResult(
        num_params=model.count_params(), hidden=HIDDEN, l2=L2,
        dropout=DROPOUT, epochs_run=len(epochs), best_epoch=best_epoch,
        **dataclasses.asdict(scores))

if __name__ == "__main__":
    main()
