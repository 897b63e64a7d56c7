"""The shared German credit loader: the file's documented shape and class
balance, an encoding with one column per category, a split that keeps
the class ratio and scales with training statistics only, and the
cost matrix of german.doc."""

import numpy as np
import pytest

from snippets.common import datasets, german_credit

pytestmark = pytest.mark.skipif(
    not (datasets.mirror_dir() / "keras" / "datasets" / "german.data")
    .exists(), reason="no ../shared/datasets mirror on this machine")


def test_the_file_as_german_doc_describes_it():
    features, labels = german_credit.load_german_credit()
    assert features.shape == (1000, 20)
    assert int(labels.sum()) == 300  # 700 good, 300 bad
    assert features["checking"].iloc[0] == "A11"
    assert features["age"].iloc[0] == 67


def test_one_column_per_category():
    features, _ = german_credit.load_german_credit()
    encoded = german_credit.encode(features)
    categories = sum(features[name].nunique()
                     for name in german_credit.CATEGORICAL)
    assert encoded.shape == (1000, len(german_credit.NUMERIC) + categories)
    one_hot = encoded.drop(columns=german_credit.NUMERIC).to_numpy()
    # each categorical attribute contributes exactly one 1 per row
    assert (one_hot.sum(axis=1) == len(german_credit.CATEGORICAL)).all()


def test_split_keeps_the_ratio_and_scales_on_train_only():
    splits = german_credit.credit_splits(seed=0)
    sizes = {name: len(y) for name, (_, y) in splits.items()}
    assert sizes == {"train": 600, "val": 200, "test": 200}
    for _, y in splits.values():
        assert y.mean() == pytest.approx(0.3, abs=0.005)
    x_train = splits["train"][0]
    np.testing.assert_allclose(x_train.mean(axis=0), 0, atol=1e-5)
    # test rows were scaled with the training statistics, not their own
    assert np.abs(splits["test"][0].mean(axis=0)).max() > 0.05
    again = german_credit.credit_splits(seed=0)
    np.testing.assert_array_equal(again["test"][0], splits["test"][0])


def test_cost_matrix_of_german_doc():
    truth = [0, 0, 1, 1]  # good, good, bad, bad
    decision = [0, 1, 0, 1]  # accept, refuse, accept, refuse
    assert german_credit.credit_cost(truth, decision) == 1 + 5
    assert german_credit.credit_cost([1] * 3, [0] * 3) == 15
