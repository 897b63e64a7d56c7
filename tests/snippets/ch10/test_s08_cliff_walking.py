"""snippets/ch10/s08_cliff_walking.py: Q-learning's greedy path is the
optimal one along the cliff, SARSA's the longer safe one, and SARSA
earns more while exploring."""


def test_s08_safe_vs_optimal(run_snippet):
    r = run_snippet("ch10/s08_cliff_walking").result
    assert r["optimal_return"] == -13.0
    assert r["q_steps"] == 13 and r["q_max_row"] == 2
    assert r["sarsa_steps"] > 13 and r["sarsa_min_row"] < 2
    assert r["sarsa_online"] > r["q_online"]
