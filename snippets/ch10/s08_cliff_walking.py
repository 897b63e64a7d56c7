"""SARSA and Q-learning on a cliff-walking grid: the safe path and the
optimal path.

Section: 10-8 Practice: SARSA
Figure: s08_cliff_walking_returns.svg, s08_cliff_walking_paths.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch10.s03_grid_world import make_grid_world, value_iteration
from snippets.ch10.s06_td_control import td_control

SEED = 8
NUM_EPISODES, NUM_RUNS = 500, 5
ALPHA, EPSILON, GAMMA = 0.5, 0.1, 1.0

# --8<-- [start:cliff]
CLIFF_LAYOUT = ("............",
                "............",
                "............",
                "SCCCCCCCCCCG")


def make_cliff():
    """Sutton & Barto's cliff walk: -1 a step, -100 and back to S for
    stepping into the cliff, no slipping, undiscounted."""
    return make_grid_world(CLIFF_LAYOUT, rewards={"C": -100.0},
                           step_reward=-1.0, slip=0.0)
# --8<-- [end:cliff]


# --8<-- [start:path]
def greedy_path(env, Q, max_steps=100):
    """The cells visited by following argmax_a Q from the start."""
    s, path = env.reset(), [env.cells[env.reset()]]
    for _ in range(max_steps):
        s = int(env.P[s, Q[s].argmax()].argmax())  # deterministic moves
        path.append(env.cells[s])
        if env.terminal[s]:
            break
    return path
# --8<-- [end:path]


def main():
    rng = np.random.default_rng(SEED)
    env = make_cliff()
    # --8<-- [start:run]
    returns = {"sarsa": [], "q": []}
    final_Q = {}
    for run in range(NUM_RUNS):
        for rule in returns:
            Q, ret, _ = td_control(env, rule, NUM_EPISODES, rng,
                                   alpha=ALPHA, epsilon=EPSILON,
                                   gamma=GAMMA)
            returns[rule].append(ret)
            final_Q[rule] = Q  # the last run's table
    mean = {rule: np.mean(r, axis=0) for rule, r in returns.items()}
    # --8<-- [end:run]
    labels = {"sarsa": "SARSA", "q": "Q-learning"}
    fig, ax = plt.subplots(figsize=(7, 3.5))
    window = 10
    for rule, curve in mean.items():
        smooth = np.convolve(curve, np.ones(window) / window, "valid")
        ax.plot(np.arange(window, NUM_EPISODES + 1), smooth,
                label=labels[rule])
    ax.set_ylim(-120, 0)
    ax.set_xlabel("episode")
    ax.set_ylabel("return (10-episode mean)")
    ax.legend()
    plt.show()

    paths = {rule: greedy_path(env, Q) for rule, Q in final_Q.items()}
    fig, ax = plt.subplots(figsize=(7, 2.8))
    for c in range(1, 11):
        ax.add_patch(plt.Rectangle((c - .5, 2.5), 1, 1, color="0.3"))
    ax.text(5.5, 3, "cliff (−100)", color="white", ha="center",
            va="center")
    for rule, offset, style in (("sarsa", -0.08, "-o"), ("q", 0.08, "-s")):
        rows, cols = np.array(paths[rule]).T
        ax.plot(cols, rows + offset, style, label=labels[rule], ms=4)
    ax.text(0, 3, "S", ha="center", va="center", fontsize=12)
    ax.text(11, 3, "G", ha="center", va="center", fontsize=12)
    ax.set_xlim(-.5, 11.5)
    ax.set_ylim(3.5, -.5)
    ax.set_xticks(range(12))
    ax.set_yticks(range(4))
    ax.grid(True, lw=0.5)
    ax.legend(loc="upper center", ncols=2, bbox_to_anchor=(0.5, 1.25))
    plt.show()
    V_star, _, _ = value_iteration(env, gamma=GAMMA)
    tail = slice(NUM_EPISODES - 100, NUM_EPISODES)
    return {
        "num_episodes": NUM_EPISODES,
        "num_runs": NUM_RUNS,
        "alpha": ALPHA,
        "epsilon": EPSILON,
        "optimal_return": float(V_star[env.start]),
        "sarsa_steps": len(paths["sarsa"]) - 1,
        "q_steps": len(paths["q"]) - 1,
        "sarsa_return": -(len(paths["sarsa"]) - 1.0),
        "q_return": -(len(paths["q"]) - 1.0),
        "sarsa_min_row": int(min(r for r, _ in paths["sarsa"][1:-1])),
        "sarsa_max_row": int(max(r for r, _ in paths["sarsa"][1:-1])),
        "q_max_row": int(max(r for r, _ in paths["q"][1:-1])),
        "sarsa_online": float(mean["sarsa"][tail].mean()),
        "q_online": float(mean["q"][tail].mean()),
        "paths": {k: [list(map(int, c)) for c in v]
                  for k, v in paths.items()},
    }


if __name__ == "__main__":
    main()
