"""II-7: the Fashion-MNIST run, its confusion matrix and the figures
drawn from it."""

import numpy as np
import pytest

from snippets.part2 import s07_fashion_mnist as s07

UPPER_BODY = {"T-shirt/top", "Pullover", "Coat", "Shirt"}


def test_confusion_matrix_counts_pairs():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    expected = np.zeros((10, 10), int)
    for t, p in zip(y_true, y_pred):
        expected[t, p] += 1
    assert (s07.confusion_matrix(y_true, y_pred) == expected).all()


def test_results_match_the_prose(run_snippet):
    result = run_snippet("part2/s07_fashion_mnist").result
    assert (result.num_train, result.num_test) == (10_000, 10_000)
    assert 0.75 < result.test_accuracy < 0.90
    # "the test accuracy is below the training accuracy"
    assert result.train_accuracy > result.test_accuracy
    counts = np.array(result.confusion)
    assert (counts.sum(axis=1) == 1000).all()
    # evaluate()'s accuracy is the argmax accuracy of the same model
    assert np.trace(counts) / counts.sum() == pytest.approx(
        result.test_accuracy, abs=1e-4)
    recall = counts.diagonal() / 1000
    assert result.best_class_accuracy == pytest.approx(recall.max())
    # "The errors cluster in the upper-body garments"
    assert result.worst_class in UPPER_BODY
    assert {result.confused_true, result.confused_pred} <= UPPER_BODY


def test_figures_come_from_the_same_run(run_snippet):
    run = run_snippet("part2/s07_fashion_mnist")
    result = run.result
    assert [p.name for p in run.figures] == [
        "s07_fashion_mnist_samples.svg", "s07_fashion_mnist_pair.svg",
        "s07_fashion_mnist_grid.svg", "s07_fashion_mnist_confusion.svg"]
    assert result.first_class == "Ankle boot"
    assert 0.1 < result.conf0 <= 1 and 0.1 < result.conf12 <= 1
    assert 0 <= result.num_wrong_of_15 <= 15
    # the probabilities behind the bar charts and the confusion matrix
    probabilities = result.predictions
    assert probabilities.shape == (10_000, 10)
    assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)
    assert result.conf0 == pytest.approx(float(probabilities[0].max()))
    assert result.conf12 == pytest.approx(float(probabilities[12].max()))
    assert result.pred0 == s07.CLASS_NAMES[probabilities[0].argmax()]
    guesses = probabilities.argmax(axis=1)
    assert (s07.confusion_matrix(s07.fashion_arrays(100)[3], guesses)
            == np.array(result.confusion)).all()
