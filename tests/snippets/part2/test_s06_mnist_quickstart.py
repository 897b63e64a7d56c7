"""II-6: the quickstart model learns digits; the figure shows the same
run's predictions."""

import numpy as np

from snippets.part2 import s06_mnist_quickstart as s06


def test_quickstart_learns_digits(run_snippet):
    result = run_snippet("part2/s06_mnist_quickstart").result
    # the full data set, as in the tutorial: nothing cut for the build
    assert (result.num_train, result.num_test) == (60_000, 10_000)
    assert (result.num_epochs, result.batch_size) == (5, 128)
    assert result.steps_per_epoch == 469 == -(-60_000 // 128)
    assert result.num_params == 784 * 128 + 128 + 128 * 10 + 10
    # The page: an untrained model scores about ln 10.
    assert abs(result.untrained_loss - np.log(10)) < 0.7
    # The tutorial's "about 98 %": the full run gets there.
    assert 0.97 < result.test_accuracy < 0.99
    # fit's training accuracy is an average over the last epoch, with
    # dropout on; evaluate() with the final weights and no dropout
    # scores the same images higher ("it understates the model").
    assert result.train_eval_accuracy > result.train_accuracy
    assert result.train_eval_loss < result.train_loss
    assert result.test_loss < result.untrained_loss / 5
    assert result.first_test_prediction == result.first_test_label
    assert 0.1 < result.first_test_probability <= 1


def test_figure_shows_first_digits_then_mistakes(run_snippet):
    run = run_snippet("part2/s06_mnist_quickstart")
    result = run.result
    assert [p.name for p in run.figures] == [
        "s06_mnist_quickstart_predictions.svg"]
    assert s06.NUM_ROWS * s06.NUM_COLS == 40
    shown, wrong = result.shown_indices, result.wrong_indices
    # the top rows: the first 20 test digits; the rest: the first
    # mistakes after them, in test-set order
    assert shown[:result.num_first] == list(range(20))
    later = [i for i in wrong if i >= 20]
    assert shown[20:] == later[:20] and result.num_mistakes_shown == 20
    assert result.num_wrong_of_first == sum(i < 20 for i in wrong)
    # "the first test image is predicted right" (the page says so)
    assert 0 not in wrong
    # every mistake counted: the test accuracy, row by row
    assert result.num_test_wrong == len(wrong) == round(
        (1 - result.test_accuracy) * result.num_test)
    svg = run.figures[0].read_text()
    red = result.num_wrong_of_first + result.num_mistakes_shown
    assert svg.count("#d62728") >= red  # red titles and frames


def test_normalisation_maps_pixels_to_unit_interval():
    x_train, y_train, x_test, _ = s06.mnist_arrays()
    assert x_train.dtype == np.float32 and len(y_train) == 60_000
    assert x_train.min() == 0.0 and x_train.max() == 1.0
    assert 0.0 <= x_test.min() and x_test.max() <= 1.0
