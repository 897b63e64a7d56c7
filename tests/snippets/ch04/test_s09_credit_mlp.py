"""snippets/ch04/s09_credit_mlp.py: the network uses the shared split and
cost, and its numbers are consistent with its own decisions."""

import numpy as np

from snippets.common.german_credit import COST_THRESHOLD, credit_cost


def test_s09_result_and_figure(run_snippet):
    run = run_snippet("ch04/s09_credit_mlp")
    r = run.result
    assert [p.name for p in run.figures] == ["s09_credit_mlp_history.svg"]
    # 61 inputs -> 16 hidden -> 1 output
    assert r.num_params == 61 * 16 + 16 + 16 + 1
    assert 1 <= r.best_epoch <= r.epochs_run <= 300
    assert r.epochs_run - r.best_epoch == 15 or r.epochs_run == 300
    # a lower threshold refuses more: accuracy may fall, cost is 1/6's aim
    assert r.sixth_cost < r.half_cost
    assert 0.05 <= r.val_threshold <= 0.95


def test_s09_cost_counts_decisions():
    # 3 good refused (1 each) + 2 bad accepted (5 each) = 13
    y = np.array([0, 0, 0, 1, 1, 1])
    refuse = np.array([1, 1, 1, 0, 0, 1])
    assert credit_cost(y, refuse) == 13
    assert COST_THRESHOLD == 1 / 6
