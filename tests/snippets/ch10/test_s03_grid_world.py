"""snippets/ch10/s03_grid_world.py: iterative policy evaluation and
value iteration agree with the Bellman equations solved as a linear
system (numpy.linalg.solve)."""

import numpy as np

from snippets.ch10 import s03_grid_world as gw


def test_s03_model_is_a_proper_mdp():
    env = gw.make_grid_world()
    live = ~env.terminal
    np.testing.assert_allclose(env.P[live].sum(axis=2), 1.0, atol=1e-15)
    assert not env.P[env.terminal].any()
    assert env.num_states == 11  # 12 cells, one wall


def test_s03_evaluation_and_value_iteration_match_solve(run_snippet):
    run = run_snippet("ch10/s03_grid_world")
    result = run.result
    assert result["eval_vs_solve"] < 1e-10
    assert result["vi_vs_solve"] < 1e-10
    assert result["bellman_residual"] < 1e-10
    assert result["v_star_start"] > result["v_random_start"]
    assert len(run.figures) == 2 and all(f.exists() for f in run.figures)


def test_s03_any_policy_matches_solve():
    env = gw.make_grid_world()
    rng = np.random.default_rng(0)
    policy = rng.dirichlet(np.ones(4), size=env.num_states)
    V_iter, _ = gw.policy_evaluation(env, policy)
    np.testing.assert_allclose(V_iter, gw.solve_bellman(env, policy),
                               atol=1e-10)


def test_s03_step_samples_the_model():
    env = gw.make_grid_world()
    rng = np.random.default_rng(1)
    s, a = env.start, 0  # up from the start, slip 0.2
    counts = np.bincount([env.step(s, a, rng)[0] for _ in range(20000)],
                         minlength=env.num_states)
    np.testing.assert_allclose(counts / 20000, env.P[s, a], atol=0.01)


def test_s03_optimal_arrows_as_the_page_describes(run_snippet):
    # states in reading order: row 0 (4 cells), row 1 (3), row 2 (4);
    # the start (2, 0) and (1, 0) go up, (2, 3) below the pit goes left
    arrows = run_snippet("ch10/s03_grid_world").result["policy_arrows"]
    assert arrows == "→→→·↑↑·↑→↑←"
