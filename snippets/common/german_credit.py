"""The Statlog German credit data: one loader, one split, one cost.

Pages 2-8, 3-2 and 4-9 classify the same 1,000 loan applicants, so they
share this code: the same encoding, the same stratified split, the
same cost matrix and the same three decision thresholds, which makes
their results comparable. Page 2-8 shows it; the others import it.
"""
# --8<-- [start:load]
from dataclasses import dataclass

import keras
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

UCI = ("https://archive.ics.uci.edu/ml/machine-learning-databases/"
       "statlog/german/")
GERMAN_SHA256 = ("b21f3d81db8071257d5ff1deaeba1fd4"
                 "303b62712e6fcc9715c7a86202cb5871")
# The 20 attributes in file order, named after german.doc.
COLUMNS = [
    "checking", "duration", "history", "purpose", "amount", "savings",
    "employment", "installment_rate", "status_sex", "other_debtors",
    "residence_since", "property", "age", "other_plans", "housing",
    "existing_credits", "job", "dependents", "telephone", "foreign"]
NUMERIC = ["duration", "amount", "installment_rate", "residence_since",
           "age", "existing_credits", "dependents"]
CATEGORICAL = [name for name in COLUMNS if name not in NUMERIC]


def load_german_credit():
    """The applicants as a DataFrame of 20 attributes, and labels
    (0 = good, 1 = bad: the class the bank must not miss)."""
    path = keras.utils.get_file("german.data", origin=UCI + "german.data",
                                file_hash=GERMAN_SHA256)
    table = pd.read_csv(path, sep=" ", header=None,
                        names=COLUMNS + ["label"])
    return table[COLUMNS], (table["label"] == 2).to_numpy(dtype="int64")


def encode(features):
    """One column per category (A11, A12, …), numbers kept as they are."""
    return pd.get_dummies(features, columns=CATEGORICAL, dtype="float32")
# --8<-- [end:load]


# --8<-- [start:split]
def credit_splits(seed=0):
    """60 % train, 20 % validation, 20 % test, each with the data set's
    70:30 good:bad ratio; standardised with the training rows' mean and
    standard deviation only, so nothing leaks from validation or test."""
    features, labels = load_german_credit()
    x = encode(features).to_numpy(dtype="float32")
    x_train, x_rest, y_train, y_rest = train_test_split(
        x, labels, test_size=0.4, stratify=labels, random_state=seed)
    x_val, x_test, y_val, y_test = train_test_split(
        x_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=seed)
    scaler = StandardScaler().fit(x_train)
    return {"train": (scaler.transform(x_train), y_train),
            "val": (scaler.transform(x_val), y_val),
            "test": (scaler.transform(x_test), y_test)}
# --8<-- [end:split]


# --8<-- [start:cost]
# german.doc's cost matrix: rows are the truth (good, bad), columns the
# decision (accept, refuse). Accepting a bad loan costs 5, refusing a
# good one costs 1.
COST = np.array([[0, 1],
                 [5, 0]])


def credit_cost(y_true, y_pred):
    """Total cost of the decisions (1 = refuse) under german.doc's matrix."""
    return int(COST[np.asarray(y_true), np.asarray(y_pred)].sum())
# --8<-- [end:cost]



# --8<-- [start:threshold]
# Refuse when the expected cost of accepting, 5·P(bad), exceeds that of
# refusing, 1·(1 - P(bad)): when P(bad) > 1 / (1 + 5) = 1/6.
COST_THRESHOLD = COST[0, 1] / (COST[0, 1] + COST[1, 0])
# --8<-- [end:threshold]


# --8<-- [start:score]
@dataclass
class ThresholdScores:
    """Accuracy and cost on the test rows of three thresholds."""

    half_accuracy: float  # refuse when P(bad) > 0.5
    half_cost: int
    sixth_accuracy: float  # refuse when P(bad) > 1/6
    sixth_cost: int
    val_threshold: float  # the threshold with the least validation cost
    val_threshold_accuracy: float
    val_threshold_cost: int


def score_thresholds(p_val, y_val, p_test, y_test):
    """Refuse if P(bad) > t for t = 0.5, for t = 1/6 and for the t of a
    grid that costs least on the validation rows; score each on the test
    rows, which play no part in choosing t."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    val_costs = [credit_cost(y_val, (p_val > t).astype("int64"))
                 for t in grid]
    tuned = float(grid[int(np.argmin(val_costs))])
    scores = []
    for name, t in [("0.5", 0.5), ("1/6", COST_THRESHOLD),
                    (f"{tuned:.2f} (validation)", tuned)]:
        refuse = (p_test > t).astype("int64")
        scores += [float((refuse == y_test).mean()),
                   credit_cost(y_test, refuse)]
        print(f"refuse if P(bad) > {name:<18} accuracy"
              f" {scores[-2]:.3f}, cost {scores[-1]}")
    half_acc, half_cost, sixth_acc, sixth_cost, val_acc, val_cost = scores
    return ThresholdScores(half_acc, half_cost, sixth_acc, sixth_cost,
                           tuned, val_acc, val_cost)
# --8<-- [end:score]
