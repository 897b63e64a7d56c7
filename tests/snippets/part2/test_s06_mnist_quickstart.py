"""II-6: the quickstart model learns digits; the figure shows the same
run's predictions."""

import numpy as np

from snippets.part2 import s06_mnist_quickstart as s06


def test_quickstart_learns_digits(run_snippet):
    result = run_snippet("part2/s06_mnist_quickstart").result
    assert (result.num_train, result.num_test) == (10_000, 10_000)
    assert result.num_params == 784 * 128 + 128 + 128 * 10 + 10
    # The page: an untrained model scores about ln 10.
    assert abs(result.untrained_loss - np.log(10)) < 0.7
    # A cut-down run: well above chance, below the tutorial's ~98 %.
    assert 0.90 < result.test_accuracy < 0.98
    assert result.test_loss < result.untrained_loss / 5
    assert result.first_test_prediction == result.first_test_label
    assert 0.1 < result.first_test_probability <= 1


def test_figure_marks_the_runs_mistakes(run_snippet):
    run = run_snippet("part2/s06_mnist_quickstart")
    result = run.result
    assert [p.name for p in run.figures] == [
        "s06_mnist_quickstart_predictions.svg"]
    assert result.num_shown == s06.NUM_ROWS * s06.NUM_COLS == 40
    assert result.num_wrong == len(result.wrong_indices)
    assert all(0 <= i < 40 for i in result.wrong_indices)
    # the first test image is predicted right (the page says so)
    assert 0 not in result.wrong_indices
    # The page says some of the 40 are wrong and framed in red.
    assert 1 <= result.num_wrong <= 8
    svg = run.figures[0].read_text()
    assert svg.count("#d62728") >= result.num_wrong  # red titles/frames


def test_normalisation_maps_pixels_to_unit_interval():
    x_train, y_train, x_test, _ = s06.mnist_arrays(num_train=100)
    assert x_train.dtype == np.float32 and len(y_train) == 100
    assert x_train.min() == 0.0 and x_train.max() == 1.0
    assert 0.0 <= x_test.min() and x_test.max() <= 1.0
