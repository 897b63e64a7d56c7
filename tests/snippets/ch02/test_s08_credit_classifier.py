"""snippets/ch02/s08_credit_classifier.py: the shared split and cost,
the baselines, and the claims of the 2-8 page."""

import numpy as np
import pytest

from snippets.common.german_credit import COST, credit_cost
from snippets.ch02 import s08_credit_classifier as s08


def test_cost_threshold_is_one_sixth():
    assert s08.COST_THRESHOLD == pytest.approx(1 / 6)
    # at P = 1/6 accepting and refusing cost the same on average
    p = s08.COST_THRESHOLD
    assert p * COST[1, 0] == pytest.approx((1 - p) * COST[0, 1])


def test_baselines_follow_from_the_split(run_snippet):
    r = run_snippet("ch02/s08_credit_classifier").result
    assert (r.num_train, r.num_val, r.num_test) == (600, 200, 200)
    assert r.num_bad_test == 60
    assert r.accept_all_cost == 5 * r.num_bad_test
    assert r.refuse_all_cost == r.num_test - r.num_bad_test
    assert r.accept_all_accuracy == pytest.approx(0.7)


def test_the_pages_three_points(run_snippet):
    r = run_snippet("ch02/s08_credit_classifier").result
    # refusing everyone is cheaper than the majority rule
    assert r.refuse_all_cost < r.accept_all_cost
    # 0.5 beats the majority on accuracy but not refuse-all on cost
    assert r.half_accuracy > r.accept_all_accuracy
    assert r.half_cost > r.refuse_all_cost
    # 1/6 is the cheapest rule, and less accurate than 0.5
    assert r.sixth_cost < min(r.half_cost, r.refuse_all_cost,
                              r.accept_all_cost)
    assert r.sixth_accuracy < r.half_accuracy
    # the validation-tuned threshold lands near the theoretical one
    assert abs(r.val_threshold - 1 / 6) < 0.1
    assert r.val_threshold_cost < r.refuse_all_cost
    assert r.best_epoch < r.epochs_run


def test_confusion_matrices_add_up(run_snippet):
    r = run_snippet("ch02/s08_credit_classifier").result
    for matrix, cost in [(r.confusion_half, r.half_cost),
                         (r.confusion_sixth, r.sixth_cost)]:
        m = np.array(matrix)
        assert m.sum() == r.num_test and m[1].sum() == r.num_bad_test
        assert int((m * COST).sum()) == cost
    # the 1/6 rule refuses more of the bad applicants
    assert r.confusion_sixth[1][1] > r.confusion_half[1][1]
    y = np.array([0, 0, 1, 1])
    assert s08.confusion(y, np.array([0, 1, 0, 1])).tolist() == [[1, 1],
                                                                 [1, 1]]
    assert credit_cost(y, np.array([0, 1, 0, 1])) == 6


def test_figure(run_snippet):
    figures = run_snippet("ch02/s08_credit_classifier").figures
    assert [f.name for f in figures] == [
        "s08_credit_classifier_confusion.svg"]
