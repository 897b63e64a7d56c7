"""snippets/ch10/s06_td_control.py: with epsilon fixed, Q-learning's
estimate at the start approaches V*, SARSA's the value of the
epsilon-greedy policy."""

import numpy as np

from snippets.ch10 import s06_td_control as td


def test_s06_targets(run_snippet):
    r = run_snippet("ch10/s06_td_control").result
    assert r["v_eps_start"] < r["v_star_start"]
    assert abs(r["q_start_late"] - r["v_star_start"]) < 0.02
    assert abs(r["sarsa_start_late"] - r["v_eps_start"]) < 0.02
    assert r["q_agree"] == r["num_live"]


def test_s06_epsilon_greedy_share():
    rng = np.random.default_rng(0)
    Q = np.array([[0.0, 1.0, 0.0, 0.0]])
    picks = [td.epsilon_greedy(Q, 0, 0.2, rng) for _ in range(20000)]
    assert abs(np.mean(np.array(picks) == 1) - (0.8 + 0.05)) < 0.01
