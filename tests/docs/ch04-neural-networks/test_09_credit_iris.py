"""docs/ch04-neural-networks/09-credit-iris.md: the comparisons the page
words hold for this build."""

import numpy as np


def test_both_models_beat_trivial_rules(run_snippet):
    net = run_snippet("ch04/s09_credit_mlp").result
    log = run_snippet("ch02/s08_credit_classifier").result
    trivial = min(log.accept_all_cost, log.refuse_all_cost)
    assert net.sixth_cost < trivial and log.sixth_cost < trivial
    assert net.half_accuracy > log.accept_all_accuracy
    assert log.half_accuracy > log.accept_all_accuracy


def test_neither_model_wins_every_row(run_snippet):
    net = run_snippet("ch04/s09_credit_mlp").result
    log = run_snippet("ch02/s08_credit_classifier").result
    rows = [("half_accuracy", 1), ("half_cost", -1),
            ("sixth_accuracy", 1), ("sixth_cost", -1),
            ("val_threshold_accuracy", 1), ("val_threshold_cost", -1)]
    net_better = [sign * (getattr(net, f) - getattr(log, f)) > 0
                  for f, sign in rows]
    log_better = [sign * (getattr(log, f) - getattr(net, f)) > 0
                  for f, sign in rows]
    assert any(net_better) and any(log_better)


def test_threshold_matters_more_than_model(run_snippet):
    net = run_snippet("ch04/s09_credit_mlp").result
    log = run_snippet("ch02/s08_credit_classifier").result
    swap = max(abs(net.half_cost - log.half_cost),
               abs(net.sixth_cost - log.sixth_cost))
    assert abs(net.half_cost - net.sixth_cost) > swap
    assert abs(log.half_cost - log.sixth_cost) > swap


def test_iris_errors_never_involve_setosa(run_snippet):
    m = np.array(run_snippet("ch04/s10_iris").result.confusion)
    assert m[0, 1:].sum() == 0 and m[1:, 0].sum() == 0
