"""snippets/ch10/s14_dqn.py: the replay buffer, the DQN target, and a
trained network whose greedy policy is close to optimal."""

import numpy as np

from snippets.ch10 import s14_dqn as dqn


def test_s14_buffer_is_a_ring():
    buffer = dqn.ReplayBuffer(3, np.random.default_rng(0))
    for i in range(5):
        buffer.add(i, 0, float(i), i + 1, 0.0)
    assert buffer.size == 3
    assert sorted(buffer.s.tolist()) == [2, 3, 4]  # oldest overwritten
    s, *_ = buffer.sample(100)
    assert set(s.tolist()) == {2, 3, 4}


def test_s14_targets_match_a_loop():
    rng = np.random.default_rng(0)
    r, done = rng.normal(size=8).astype("float32"), np.array(
        [0, 1] * 4, dtype="float32")
    q_next = rng.normal(size=(8, 4)).astype("float32")
    y = dqn.dqn_targets(r, done, q_next, gamma=0.9).numpy()
    loop = [r[i] + (0 if done[i] else 0.9 * max(q_next[i]))
            for i in range(8)]
    np.testing.assert_allclose(y, loop, rtol=1e-6)


def test_s14_dqn_near_optimal(run_snippet):
    r = run_snippet("ch10/s14_dqn").result
    assert r["v_star_start"] - r["v_dqn_start"] < 0.02
    assert r["dqn_agree"] >= r["num_live"] - 2
    assert r["dqn_late_return"] > 0.5
