"""SARSA control on the grid world with a decaying epsilon, its learned
Q drawn as four triangles per cell.

Section: 10-13 Practice: SARSA control on a grid world
Figure: s13_grid_sarsa_q.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch10.s03_grid_world import (MOVES, greedy_policy,
                                          make_grid_world, solve_bellman,
                                          value_iteration)
from snippets.ch10.s06_td_control import td_control

SEED = 13
NUM_EPISODES = 2000


# --8<-- [start:decay]
def epsilon_decay(episode):
    """GLIE: every action keeps being tried, ever less often."""
    return 1 / (1 + episode / 50)
# --8<-- [end:decay]


# --8<-- [start:draw]
def draw_q(env, Q, title):
    """Each cell split into four triangles, one per action, coloured
    and labelled with Q(s, a); the greedy action's label is bold."""
    rows, cols = len(env.layout), len(env.layout[0])
    fig, ax = plt.subplots(figsize=(1.4 * cols, 1.4 * rows))
    norm = plt.Normalize(-1, 1)
    for s, (r, c) in enumerate(env.cells):
        if env.terminal[s]:
            ax.text(c, r, env.layout[r][c], ha="center", va="center",
                    fontsize=14)
            continue
        for a, (dr, dc) in enumerate(MOVES):
            left = (c + 0.5 * (dc - dr), r + 0.5 * (dr + dc))
            right = (c + 0.5 * (dc + dr), r + 0.5 * (dr - dc))
            ax.add_patch(plt.Polygon([(c, r), left, right],
                                     color=plt.cm.RdYlGn(norm(Q[s, a])),
                                     ec="white"))
            best = a == Q[s].argmax()
            ax.text(c + 0.3 * dc, r + 0.3 * dr, f"{Q[s, a]:.2f}",
                    ha="center", va="center", fontsize=8,
                    weight="bold" if best else "normal")
    for r in range(rows):
        for c in range(cols):
            if env.layout[r][c] == "#":
                ax.add_patch(plt.Rectangle((c - .5, r - .5), 1, 1,
                                           color="0.25"))
    ax.set_xlim(-.5, cols - .5)
    ax.set_ylim(rows - .5, -.5)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)
# --8<-- [end:draw]


def main():
    rng = np.random.default_rng(SEED)
    env = make_grid_world()
    V_star, Q_star, _ = value_iteration(env)
    # --8<-- [start:run]
    Q, returns, _ = td_control(env, "sarsa", NUM_EPISODES, rng,
                               alpha=0.1, epsilon=epsilon_decay)
    # --8<-- [end:run]
    draw_q(env, Q, "SARSA's Q(s, a) after 2000 episodes")
    plt.show()
    live = ~env.terminal
    V_greedy = solve_bellman(env, greedy_policy(Q))
    return {
        "num_episodes": NUM_EPISODES,
        "final_epsilon": epsilon_decay(NUM_EPISODES - 1),
        "agree": int((Q.argmax(1) == Q_star.argmax(1))[live].sum()),
        "num_live": int(live.sum()),
        "v_greedy_start": float(V_greedy[env.start]),
        "v_star_start": float(V_star[env.start]),
        "q_start": float(Q[env.start].max()),
        "late_return": float(returns[-500:].mean()),
    }


if __name__ == "__main__":
    main()
