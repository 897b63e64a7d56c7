"""SARSA and Q-learning, the two TD control rules side by side, on the
grid world with a fixed epsilon: Q-learning heads for Q*, SARSA for the
value of the epsilon-greedy policy it follows.

Section: 10-6 SARSA and Q-learning
Figure: s06_td_control_start.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch10.s03_grid_world import (GAMMA, make_grid_world,
                                          solve_bellman, value_iteration)

SEED = 6
NUM_EPISODES = 2000
ALPHA, EPSILON = 0.1, 0.1


# --8<-- [start:policy]
def epsilon_greedy(Q, s, epsilon, rng):
    """A random action with probability epsilon, else argmax_a Q(s, a)
    (ties broken at random)."""
    if rng.random() < epsilon:
        return int(rng.integers(Q.shape[1]))
    best = np.flatnonzero(Q[s] == Q[s].max())
    return int(rng.choice(best))
# --8<-- [end:policy]


# --8<-- [start:control]
def td_control(env, rule, num_episodes, rng, alpha=ALPHA,
               epsilon=EPSILON, gamma=GAMMA, max_steps=1000):
    """Tabular SARSA (rule="sarsa") or Q-learning (rule="q").
    epsilon may be a function of the episode number. Returns Q, the
    return of every episode, and a copy of Q after every episode."""
    Q = np.zeros((env.num_states, env.P.shape[1]))
    returns, history = [], []
    for episode in range(num_episodes):
        eps = epsilon(episode) if callable(epsilon) else epsilon
        s = env.reset()
        a = epsilon_greedy(Q, s, eps, rng)
        total, done, steps = 0.0, False, 0
        while not done and steps < max_steps:
            t, r, done = env.step(s, a, rng)
            a_next = epsilon_greedy(Q, t, eps, rng)
            if done:
                target = r  # no value after the end
            elif rule == "sarsa":  # on-policy: the action taken next
                target = r + gamma * Q[t, a_next]
            else:  # off-policy: the greedy action
                target = r + gamma * Q[t].max()
            Q[s, a] += alpha * (target - Q[s, a])
            s, a = t, a_next
            total, steps = total + r, steps + 1
        returns.append(total)
        history.append(Q.copy())
    return Q, np.array(returns), np.array(history)
# --8<-- [end:control]


def epsilon_greedy_matrix(Q, epsilon):
    """pi(a|s) of the epsilon-greedy policy of Q (one greedy action)."""
    num_actions = Q.shape[1]
    pi = np.full(Q.shape, epsilon / num_actions)
    pi[np.arange(len(Q)), Q.argmax(axis=1)] += 1 - epsilon
    return pi


def main():
    rng = np.random.default_rng(SEED)
    env = make_grid_world()
    V_star, Q_star, _ = value_iteration(env)
    # What SARSA with a fixed epsilon should approach: the value of
    # acting epsilon-greedily on Q*, solved exactly.
    V_eps = solve_bellman(env, epsilon_greedy_matrix(Q_star, EPSILON))
    # --8<-- [start:run]
    runs = {rule: td_control(env, rule, NUM_EPISODES, rng)
            for rule in ("sarsa", "q")}
    # --8<-- [end:run]
    s0 = env.start
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for rule, label in (("sarsa", "SARSA"), ("q", "Q-learning")):
        ax.plot(runs[rule][2][:, s0].max(axis=1), label=label, lw=1)
    ax.axhline(V_star[s0], color="k", ls="--", lw=1, label="V*(start)")
    ax.axhline(V_eps[s0], color="k", ls=":", lw=1,
               label="V of ε-greedy on Q*")
    ax.set_xlabel("episode")
    ax.set_ylabel("max_a Q(start, a)")
    ax.legend()
    plt.show()
    tail = slice(NUM_EPISODES - 500, NUM_EPISODES)
    live = ~env.terminal

    def agree(Q):
        return int((Q.argmax(1) == Q_star.argmax(1))[live].sum())

    return {
        "num_episodes": NUM_EPISODES,
        "alpha": ALPHA,
        "epsilon": EPSILON,
        "num_live": int(live.sum()),
        "v_star_start": float(V_star[s0]),
        "v_eps_start": float(V_eps[s0]),
        "q_start_late": float(runs["q"][2][tail, s0].max(1).mean()),
        "sarsa_start_late": float(runs["sarsa"][2][tail, s0].max(1).mean()),
        "q_agree": agree(runs["q"][0]),
        "sarsa_agree": agree(runs["sarsa"][0]),
    }


if __name__ == "__main__":
    main()
