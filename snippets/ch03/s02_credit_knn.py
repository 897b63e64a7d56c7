"""KNN on the German credit data, k chosen on the validation rows.

Section: 3-2 Practice: credit classification with KNN
Figure: s02_credit_knn_validation.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from snippets.ch02.s08_credit_classifier import COST_THRESHOLD
from snippets.ch03.s01_knn import knn_votes
from snippets.common.german_credit import credit_cost, credit_splits


@dataclass
class CreditKnnResult:
    """What the 3-2 page quotes (test split unless named otherwise)."""

    ks: list
    val_accuracy: list
    val_cost: list
    k_accuracy: int  # best validation accuracy, majority vote
    k_cost: int  # least validation cost, refuse if share bad > 1/6
    test_accuracy: float  # k_accuracy, majority vote
    test_accuracy_cost: int
    test_sixth_accuracy: float  # k_cost, refuse if share bad > 1/6
    test_sixth_cost: int


def main() -> CreditKnnResult:
    """Score every odd k on the validation rows, keep two, test once."""
    data = credit_splits(seed=0)
    (x_train, y_train), (x_val, y_val) = data["train"], data["val"]
    x_test, y_test = data["test"]
    # --8<-- [start:choose]
    ks = list(range(1, 80, 2))
    val_accuracy, val_cost = [], []
    for k in ks:
        share_bad = knn_votes(x_train, y_train, x_val, k, 2)[:, 1]
        val_accuracy.append(float(((share_bad > 0.5) == y_val).mean()))
        refuse = (share_bad > COST_THRESHOLD).astype("int64")
        val_cost.append(credit_cost(y_val, refuse))
    k_accuracy = ks[int(np.argmax(val_accuracy))]
    k_cost = ks[int(np.argmin(val_cost))]
    # --8<-- [end:choose]
    # --8<-- [start:test]
    share = knn_votes(x_train, y_train, x_test, k_accuracy, 2)[:, 1]
    majority = (share > 0.5).astype("int64")
    share = knn_votes(x_train, y_train, x_test, k_cost, 2)[:, 1]
    sixth = (share > COST_THRESHOLD).astype("int64")
    print(f"k = {k_accuracy}, majority vote: accuracy"
          f" {(majority == y_test).mean():.3f},"
          f" cost {credit_cost(y_test, majority)}")
    print(f"k = {k_cost}, refuse if share bad > 1/6: accuracy"
          f" {(sixth == y_test).mean():.3f},"
          f" cost {credit_cost(y_test, sixth)}")
    # --8<-- [end:test]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))
    ax1.plot(ks, val_accuracy)
    ax1.axvline(k_accuracy, color="grey", ls="--",
                label=f"k = {k_accuracy}")
    ax1.set(xlabel="k", ylabel="validation accuracy",
            title="majority vote")
    ax2.plot(ks, val_cost, color="tab:orange")
    ax2.axvline(k_cost, color="grey", ls="--", label=f"k = {k_cost}")
    ax2.set(xlabel="k", ylabel="validation cost",
            title="refuse if share bad > 1/6")
    for ax in (ax1, ax2):
        ax.legend()
        ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    return CreditKnnResult(
        ks=ks, val_accuracy=val_accuracy, val_cost=val_cost,
        k_accuracy=k_accuracy, k_cost=k_cost,
        test_accuracy=float((majority == y_test).mean()),
        test_accuracy_cost=credit_cost(y_test, majority),
        test_sixth_accuracy=float((sixth == y_test).mean()),
        test_sixth_cost=credit_cost(y_test, sixth))


if __name__ == "__main__":
    main()
