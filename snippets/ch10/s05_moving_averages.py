"""The incremental mean, the exponential moving average, and TD(0) as
an EMA of sampled Bellman targets on the grid world.

Section: 10-5 Running and exponential moving averages
Figure: s05_moving_averages_series.svg, s05_moving_averages_td.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch10.s03_grid_world import (ACTIONS, GAMMA, make_grid_world,
                                          solve_bellman)

SEED = 5
NUM_EPISODES = 3000


# --8<-- [start:averages]
def running_mean(x):
    """m_n = m_{n-1} + (x_n - m_{n-1}) / n, one sample at a time."""
    m, out = 0.0, []
    for n, value in enumerate(x, start=1):
        m += (value - m) / n
        out.append(m)
    return np.array(out)


def ema(x, alpha):
    """e_n = e_{n-1} + alpha (x_n - e_{n-1}), started at e_1 = x_1."""
    e, out = x[0], []
    for value in x:
        e += alpha * (value - e)
        out.append(e)
    return np.array(out)
# --8<-- [end:averages]


# --8<-- [start:td0]
def td0_evaluation(env, policy, num_episodes, alpha, rng, gamma=GAMMA):
    """V(s) <- V(s) + alpha (r + gamma V(s') - V(s)) along sampled
    episodes; alpha=None uses 1/N(s), the running mean of the targets.
    Returns V after every episode."""
    cdf = np.cumsum(policy, axis=1)
    V = np.zeros(env.num_states)
    visits = np.zeros(env.num_states)
    history = []
    for _ in range(num_episodes):
        s, done = env.reset(), False
        while not done:
            a = int(np.searchsorted(cdf[s], rng.random(), side="right"))
            t, r, done = env.step(s, a, rng)
            target = r + gamma * V[t] * (not done)
            visits[s] += 1
            step = 1 / visits[s] if alpha is None else alpha
            V[s] += step * (target - V[s])
            s = t
        history.append(V.copy())
    return np.array(history)
# --8<-- [end:td0]


def main():
    rng = np.random.default_rng(SEED)
    # --8<-- [start:series]
    x = 2.0 + rng.normal(0, 1, 300)
    x[150:] += 3.0  # the quantity jumps half-way
    mean, smooth = running_mean(x), ema(x, alpha=0.1)
    # --8<-- [end:series]
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.plot(x, ".", color="0.7", label="samples")
    ax.plot(mean, label="running mean")
    ax.plot(smooth, label="EMA, α = 0.1")
    ax.set_xlabel("n")
    ax.legend()
    plt.show()

    env = make_grid_world()
    policy = np.full((env.num_states, len(ACTIONS)), 0.25)
    V_true = solve_bellman(env, policy)
    errors = {}
    for label, alpha in (("α = 1/N(s)", None), ("α = 0.1", 0.1),
                         ("α = 0.01", 0.01)):
        history = td0_evaluation(env, policy, NUM_EPISODES, alpha, rng)
        errors[label] = np.sqrt(((history - V_true) ** 2).mean(axis=1))
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for label, err in errors.items():
        ax.plot(np.arange(1, NUM_EPISODES + 1), err, label=label)
    ax.set_xscale("log")
    ax.set_xlabel("episode")
    ax.set_ylabel("RMS error of V vs the solved V")
    ax.legend()
    plt.show()
    return {
        "num_samples": len(x),
        "mean_last": float(mean[-1]),
        "ema_last": float(smooth[-1]),
        "num_episodes": NUM_EPISODES,
        "td_error_1n": float(errors["α = 1/N(s)"][-1]),
        "td_error_01": float(errors["α = 0.1"][-1]),
        "td_error_001": float(errors["α = 0.01"][-1]),
        "x": x.tolist(),
    }


if __name__ == "__main__":
    main()
