"""snippets/common/data.py: the course's table and section 1-13's
pipeline."""

import numpy as np
import pytest

from snippets.common.data import quadratic_table, shuffled_batches


def test_quadratic_table_is_the_course_table():
    x, y = quadratic_table()
    assert len(x) == 100
    assert x[0] == -5 and x[-1] == pytest.approx(4.9)
    assert y[:3] == pytest.approx([40.0, 38.32, 36.68])
    X = np.column_stack([x * x, x, np.ones_like(x)])
    assert np.linalg.solve(X.T @ X, X.T @ y) == pytest.approx([2, 3, 5])


def test_shuffled_batches_reshuffle_every_epoch():
    features = np.arange(20.0).reshape(10, 2)
    targets = np.arange(10.0)
    batches = shuffled_batches(features, targets, 4, seed=0)
    epochs = [[b_y.numpy().tolist() for _, b_y in batches]
              for _ in range(2)]
    for epoch in epochs:
        assert [len(b) for b in epoch] == [4, 4, 2]
        assert sorted(sum(epoch, [])) == targets.tolist()
    assert epochs[0] != epochs[1], "a new order each epoch"
    first_x, first_y = next(iter(batches))
    assert first_x.dtype.name == first_y.dtype.name == "float32"
    np.testing.assert_array_equal(first_x.numpy()[:, 1] / 2 - 0.5,
                                  first_y.numpy())
