"""snippets/ch04/s07_xor.py: the vectorised NumPy nets are the
TensorFlow and Keras nets, and the stuck ones stay stuck."""

import numpy as np

from snippets.ch04 import s07_xor as xor


def test_s07_three_implementations_agree(run_snippet):
    r = run_snippet("ch04/s07_xor").result
    assert r["tf_diff"] < 1e-12     # same float64 arithmetic
    assert r["keras_diff"] < 1e-8   # Keras orders its sums differently


def test_s07_counts(run_snippet):
    run = run_snippet("ch04/s07_xor")
    r = run.result
    assert r["num_solved"] + r["num_stuck"] == r["num_seeds"] == 100
    assert 5 <= r["num_stuck"] <= 60  # the page: a sizeable minority
    assert r["wide_solved"] > r["num_solved"]
    assert r["wide_solved"] == 100    # the page: every 2-4-1 net solves
    # stuck nets sit at E = 1/4: two patterns right, two answered 0.5
    assert abs(r["stuck_error_min"] - 0.25) < 0.01
    assert abs(r["stuck_error_max"] - 0.25) < 0.01
    assert r["solved_error_max"] < 0.01
    y = np.array(r["stuck_outputs"])
    assert np.sum(np.abs(y - 0.5) < 0.01) == 2
    assert [p.name for p in run.figures] == ["s07_xor_surfaces.svg"]


def test_s07_stuck_nets_stay_stuck_four_times_longer(run_snippet):
    r = run_snippet("ch04/s07_xor").result
    start = xor.init_networks(xor.NUM_SEEDS, 2)
    params, _ = xor.train_networks(start)
    stuck = ~xor.solved(xor.predict(params, xor.XOR_X))
    assert stuck.sum() == r["num_stuck"]
    more, errors = xor.train_networks([p[stuck] for p in params],
                                      num_epochs=3 * xor.NUM_EPOCHS)
    assert not xor.solved(xor.predict(more, xor.XOR_X)).any()
    assert np.all(errors[-1] > 0.24)
