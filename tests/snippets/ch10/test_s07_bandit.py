"""snippets/ch10/s07_bandit.py: exploring beats pure greed."""


def test_s07_exploration_pays(run_snippet):
    r = run_snippet("ch10/s07_bandit").result
    assert r["reward_eps01"] > r["reward_greedy"]
    assert r["reward_greedy"] == min(r[k] for k in r if k.startswith("reward"))
    assert r["optimal_eps01"] > r["optimal_eps001"] > r["optimal_greedy"]
    assert r["optimal_greedy"] < 0.5
