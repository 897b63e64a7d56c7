"""A 10-armed bandit: greedy, epsilon-greedy and decaying epsilon,
averaged over many independent problems.

Section: 10-7 Exploitation and exploration
Figure: s07_bandit_reward.svg, s07_bandit_optimal.svg
"""
import matplotlib.pyplot as plt
import numpy as np

SEED = 7
NUM_ARMS, NUM_RUNS, NUM_STEPS = 10, 2000, 1000


# --8<-- [start:bandit]
def run_bandits(epsilon, rng, num_runs=NUM_RUNS, num_steps=NUM_STEPS):
    """NUM_RUNS bandits at once. Arm a pays N(q(a), 1) with
    q(a) ~ N(0, 1); the agent keeps sample means Q(a) (incremental
    mean) and plays epsilon-greedy. epsilon may be a function of the
    step t. Returns mean reward and share of optimal picks per step."""
    q = rng.normal(0, 1, (num_runs, NUM_ARMS))
    best = q.argmax(axis=1)
    Q = np.zeros((num_runs, NUM_ARMS))
    N = np.zeros((num_runs, NUM_ARMS))
    rows = np.arange(num_runs)
    rewards, optimal = np.zeros(num_steps), np.zeros(num_steps)
    for t in range(num_steps):
        eps = epsilon(t) if callable(epsilon) else epsilon
        explore = rng.random(num_runs) < eps
        # ties broken at random: a tiny noise on Q before argmax
        greedy = (Q + 1e-9 * rng.random(Q.shape)).argmax(axis=1)
        a = np.where(explore, rng.integers(NUM_ARMS, size=num_runs), greedy)
        r = rng.normal(q[rows, a], 1)
        N[rows, a] += 1
        Q[rows, a] += (r - Q[rows, a]) / N[rows, a]
        rewards[t], optimal[t] = r.mean(), (a == best).mean()
    return rewards, optimal
# --8<-- [end:bandit]


def main():
    rng = np.random.default_rng(SEED)
    # --8<-- [start:experiment]
    strategies = {
        "greedy (ε = 0)": 0.0,
        "ε = 0.01": 0.01,
        "ε = 0.1": 0.1,
        "ε = 1/√(t+1)": lambda t: 1 / np.sqrt(t + 1),
    }
    runs = {name: run_bandits(eps, rng) for name, eps in strategies.items()}
    # --8<-- [end:experiment]
    for index, ylabel in ((0, "average reward"), (1, "optimal arm chosen")):
        fig, ax = plt.subplots(figsize=(7, 3.5))
        for name, run in runs.items():
            ax.plot(np.arange(1, NUM_STEPS + 1), run[index], label=name,
                    linewidth=1)
        ax.set_xlabel("step")
        ax.set_ylabel(ylabel)
        ax.legend()
        plt.show()
    last = slice(NUM_STEPS - 100, NUM_STEPS)
    out = {"num_runs": NUM_RUNS, "num_steps": NUM_STEPS}
    for key, name in zip(("greedy", "eps001", "eps01", "decay"), strategies):
        out[f"reward_{key}"] = float(runs[name][0][last].mean())
        out[f"optimal_{key}"] = float(runs[name][1][last].mean())
    return out


if __name__ == "__main__":
    main()
