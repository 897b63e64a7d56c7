"""snippets/ch04/s10_iris.py: the split is stratified, softmax rows are
probabilities, and the confusion matrix agrees with the accuracy."""

import numpy as np

from snippets.ch04 import s10_iris as iris


def test_s10_split_is_stratified_and_standardised():
    x_train, y_train, x_test, y_test, names = iris.iris_split()
    assert names == ["setosa", "versicolor", "virginica"]
    assert np.bincount(y_train).tolist() == [35, 35, 35]
    assert np.bincount(y_test).tolist() == [15, 15, 15]
    np.testing.assert_allclose(x_train.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(x_train.std(axis=0), 1, atol=1e-5)


def test_s10_result(run_snippet):
    run = run_snippet("ch04/s10_iris")
    r = run.result
    assert [p.name for p in run.figures] == ["s10_iris_curves.svg",
                                             "s10_iris_confusion.svg"]
    m = np.array(r.confusion)
    assert m.sum() == r.num_test == 45
    assert m.sum(axis=1).tolist() == r.test_counts == [15, 15, 15]
    assert np.trace(m) / m.sum() == r.test_accuracy
    assert r.num_errors == m.sum() - np.trace(m)
    assert r.probability_row_sum_max_error < 1e-5
    assert r.test_accuracy >= 0.9 > r.majority_accuracy
