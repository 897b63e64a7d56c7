"""snippets/ch10/s13_grid_sarsa.py: SARSA with decaying epsilon finds a
policy close to the optimum (value of its greedy policy, solved)."""


def test_s13_near_optimal(run_snippet):
    run = run_snippet("ch10/s13_grid_sarsa")
    r = run.result
    assert r["v_greedy_start"] <= r["v_star_start"] + 1e-12
    assert r["v_star_start"] - r["v_greedy_start"] < 0.02
    assert run.figures[0].exists()
