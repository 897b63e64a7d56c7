"""A logistic classifier for the German credit data, judged by its cost.

Section: 2-8 Practice: loan-credit binary classifier
Figure: s08_credit_classifier_confusion.svg
"""
import dataclasses
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.common.german_credit import (COST, COST_THRESHOLD,
                                           ThresholdScores, credit_cost,
                                           credit_splits, score_thresholds)

SEED = 28


# --8<-- [start:model]
def train_logistic(data, seed=SEED):
    """Logistic regression as Dense(1, sigmoid) on the one-hot,
    standardised columns, with early stopping on the validation loss."""
    keras.utils.set_random_seed(seed)
    (x_train, y_train), val = data["train"], data["val"]
    model = keras.Sequential([
        keras.Input(shape=(x_train.shape[1],)),
        keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss="binary_crossentropy", steps_per_execution=10)
    stop = keras.callbacks.EarlyStopping(patience=10,
                                         restore_best_weights=True)
    history = model.fit(x_train, y_train, epochs=200, batch_size=32,
                        validation_data=val, callbacks=[stop], verbose=0)
    return model, len(history.history["loss"]), stop.best_epoch + 1
# --8<-- [end:model]


def confusion(y_true, y_pred):
    """2×2 counts: rows truth (good, bad), columns decision (accept,
    refuse), the layout of the cost matrix."""
    m = np.zeros((2, 2), dtype="int64")
    np.add.at(m, (y_true, y_pred), 1)
    return m


@dataclass
class CreditResult(ThresholdScores):
    """What the 2-8 page quotes (test split unless named otherwise), with
    the three thresholds' scores from score_thresholds."""

    num_train: int
    num_val: int
    num_test: int
    num_features: int
    num_bad_test: int
    epochs_run: int
    best_epoch: int
    cost_threshold: float
    accept_all_accuracy: float
    accept_all_cost: int
    refuse_all_accuracy: float
    refuse_all_cost: int
    confusion_half: list
    confusion_sixth: list


def main() -> CreditResult:
    """Train on the training rows, then score two baselines and three
    thresholds on the untouched test rows."""
    data = credit_splits(seed=0)
    model, epochs_run, best_epoch = train_logistic(data)
    # --8<-- [start:evaluate]
    x_test, y_test = data["test"]
    baselines = {"accept everyone (majority)": np.zeros_like(y_test),
                 "refuse everyone": np.ones_like(y_test)}
    base = {}
    for name, refuse in baselines.items():
        base[name] = (float((refuse == y_test).mean()),
                      credit_cost(y_test, refuse))
        print(f"{name:<28} accuracy {base[name][0]:.3f},"
              f" cost {base[name][1]}")
    x_val, y_val = data["val"]
    p_val = model.predict(x_val, verbose=0)[:, 0]
    p_bad = model.predict(x_test, verbose=0)[:, 0]
    scores = score_thresholds(p_val, y_val, p_bad, y_test)
    # --8<-- [end:evaluate]
    matrices = {t: confusion(y_test, (p_bad > p).astype("int64"))
                for t, p in [("0.5", 0.5), ("1/6", COST_THRESHOLD)]}
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.8))
    for ax, (t, m) in zip(axes, matrices.items()):
        ax.imshow(m, cmap="Blues")
        for (i, j), count in np.ndenumerate(m):
            ax.text(j, i, f"{count}\ncost {count * COST[i, j]}",
                    ha="center", va="center",
                    color="white" if count > m.max() / 2 else "black")
        ax.set(xticks=[0, 1], xticklabels=["accept", "refuse"],
               yticks=[0, 1], yticklabels=["good", "bad"],
               xlabel="decision", ylabel="truth",
               title=f"refuse if P(bad) > {t}")
    fig.tight_layout()
    plt.show()
    return CreditResult(
        num_train=len(data["train"][1]), num_val=len(y_val),
        num_test=len(y_test), num_features=x_test.shape[1],
        num_bad_test=int(y_test.sum()), epochs_run=epochs_run,
        best_epoch=best_epoch, cost_threshold=float(COST_THRESHOLD),
        accept_all_accuracy=base["accept everyone (majority)"][0],
        accept_all_cost=base["accept everyone (majority)"][1],
        refuse_all_accuracy=base["refuse everyone"][0],
        refuse_all_cost=base["refuse everyone"][1],
        confusion_half=matrices["0.5"].tolist(),
        confusion_sixth=matrices["1/6"].tolist(),
        **dataclasses.asdict(scores))


if __name__ == "__main__":
    main()
