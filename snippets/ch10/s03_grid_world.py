"""The book's grid world, its Bellman equations, policy evaluation and
value iteration, checked against a linear solve.

The environment written here is the one every later program of chapter
10 imports: a grid of cells given as strings, moves that may slip, and
the whole model as two arrays, P[s, a, s'] and R[s, a, s'].

Section: 10-3 The state-value function and Bellman's equation
Figure: s03_grid_world_random.svg, s03_grid_world_optimal.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

GAMMA = 0.9

# --8<-- [start:env]
ACTIONS = ("up", "right", "down", "left")
MOVES = ((-1, 0), (0, 1), (1, 0), (0, -1))  # (row, column) steps
ARROWS = "↑→↓←"

# Russell & Norvig's 4 x 3 world: S start, G goal, P pit, # wall.
RN_LAYOUT = ("...G",
             ".#.P",
             "S...")
RN_REWARDS = {"G": 1.0, "P": -1.0}  # on entering; any other cell: -0.04


@dataclass
class GridWorld:
    """A finite MDP on a grid: states are the cells that are not walls
    (#) or cliff (C); P[s, a, t] is the probability that action a takes
    state s to t and R[s, a, t] the reward of that move. Terminal cells
    (G, P) have all-zero rows of P: the episode ends there."""

    layout: tuple
    cells: list  # (row, column) of each state
    P: np.ndarray  # (S, A, S)
    R: np.ndarray  # (S, A, S)
    terminal: np.ndarray  # (S,) bool
    start: int

    @property
    def num_states(self):
        return len(self.cells)

    def __post_init__(self):
        self.cdf = np.cumsum(self.P, axis=2)  # for sampling moves

    def reset(self):
        return self.start

    def step(self, s, a, rng):
        """Sample one move: (next state, reward, episode over)."""
        t = int(np.searchsorted(self.cdf[s, a], rng.random(), side="right"))
        t = min(t, self.num_states - 1)  # guard against cdf rounding
        return t, self.R[s, a, t], bool(self.terminal[t])


def make_grid_world(layout=RN_LAYOUT, rewards=RN_REWARDS,
                    step_reward=-0.04, slip=0.2):
    """Build P and R. A move goes the intended way with probability
    1 - slip and to either side (90 degrees) with slip / 2 each; bumping
    into a wall or the edge means staying put. Entering a cliff cell (C)
    costs rewards['C'] and puts the agent back on the start cell."""
    rows, cols = len(layout), len(layout[0])
    cells = [(r, c) for r in range(rows) for c in range(cols)
             if layout[r][c] not in "#C"]
    index = {cell: s for s, cell in enumerate(cells)}
    start = next(s for s, (r, c) in enumerate(cells) if layout[r][c] == "S")
    terminal = np.array([layout[r][c] in "GP" for r, c in cells])
    S, A = len(cells), len(ACTIONS)
    P, R = np.zeros((S, A, S)), np.zeros((S, A, S))

    def land(r, c, move):
        """The state reached by one move, and its reward."""
        nr, nc = r + move[0], c + move[1]
        if not (0 <= nr < rows and 0 <= nc < cols) or layout[nr][nc] == "#":
            nr, nc = r, c  # bumped: stay
        char = layout[nr][nc]
        if char == "C":
            return start, rewards["C"]
        return index[(nr, nc)], rewards.get(char, step_reward)

    for s, (r, c) in enumerate(cells):
        if terminal[s]:
            continue
        for a in range(A):
            for side, prob in ((a, 1 - slip), ((a + 1) % A, slip / 2),
                               ((a - 1) % A, slip / 2)):
                if prob == 0:
                    continue
                t, reward = land(r, c, MOVES[side])
                P[s, a, t] += prob
                R[s, a, t] = reward
    return GridWorld(layout, cells, P, R, terminal, start)
# --8<-- [end:env]


# --8<-- [start:evaluate]
def policy_evaluation(env, policy, gamma=GAMMA, tol=1e-12):
    """Iterate V(s) <- sum_a pi(a|s) sum_t P[s,a,t] (R[s,a,t] + gamma V(t))
    until no value moves by more than tol; returns (V, sweeps)."""
    V = np.zeros(env.num_states)
    for sweep in range(1, 10_000):
        Q = np.einsum("sat,sat->sa", env.P, env.R + gamma * V)
        V_new = (policy * Q).sum(axis=1)
        if np.max(np.abs(V_new - V)) < tol:
            return V_new, sweep
        V = V_new
    raise RuntimeError("policy evaluation did not converge")
# --8<-- [end:evaluate]


# --8<-- [start:solve]
def solve_bellman(env, policy, gamma=GAMMA):
    """V^pi from the linear system (I - gamma P_pi) V = r_pi."""
    P_pi = np.einsum("sa,sat->st", policy, env.P)
    r_pi = np.einsum("sa,sat,sat->s", policy, env.P, env.R)
    return np.linalg.solve(np.eye(env.num_states) - gamma * P_pi, r_pi)
# --8<-- [end:solve]


# --8<-- [start:value_iteration]
def q_from_v(env, V, gamma=GAMMA):
    """Q(s, a) = sum_t P[s,a,t] (R[s,a,t] + gamma V(t))."""
    return np.einsum("sat,sat->sa", env.P, env.R + gamma * V)


def value_iteration(env, gamma=GAMMA, tol=1e-12):
    """V(s) <- max_a Q(s, a) until it stops moving; returns
    (V*, Q*, sweeps)."""
    V = np.zeros(env.num_states)
    for sweep in range(1, 10_000):
        Q = q_from_v(env, V, gamma)
        V_new = Q.max(axis=1)
        if np.max(np.abs(V_new - V)) < tol:
            return V_new, q_from_v(env, V_new, gamma), sweep
        V = V_new
    raise RuntimeError("value iteration did not converge")


def greedy_policy(Q):
    """One-hot pi(a|s) that picks argmax_a Q(s, a)."""
    return np.eye(Q.shape[1])[Q.argmax(axis=1)]
# --8<-- [end:value_iteration]


# --8<-- [start:draw]
def draw_grid(env, values, title, policy=None, ax=None):
    """Values as colours and numbers on the grid; a policy as arrows."""
    rows, cols = len(env.layout), len(env.layout[0])
    image = np.full((rows, cols), np.nan)
    for s, (r, c) in enumerate(env.cells):
        image[r, c] = values[s]
    if ax is None:
        _, ax = plt.subplots(figsize=(1.3 * cols + 1, 1.3 * rows))
    ax.imshow(image, cmap="RdYlGn", vmin=-np.nanmax(np.abs(image)),
              vmax=np.nanmax(np.abs(image)))
    for r in range(rows):
        for c in range(cols):
            char = env.layout[r][c]
            if char in "#C":
                ax.add_patch(plt.Rectangle((c - .5, r - .5), 1, 1,
                                           color="0.25"))
                ax.text(c, r, "cliff" if char == "C" else "wall",
                        ha="center", va="center", color="white",
                        fontsize=8)
    for s, (r, c) in enumerate(env.cells):
        label = f"{values[s]:.2f}"
        if env.terminal[s]:
            label = env.layout[r][c] + "\n" + label
        elif policy is not None:
            label = ARROWS[int(policy[s].argmax())] + "\n" + label
        ax.text(c, r, label, ha="center", va="center", fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)
    return ax
# --8<-- [end:draw]


def main():
    env = make_grid_world()
    # --8<-- [start:random]
    random_policy = np.full((env.num_states, len(ACTIONS)), 0.25)
    V_iter, sweeps = policy_evaluation(env, random_policy)
    V_solve = solve_bellman(env, random_policy)
    # --8<-- [end:random]
    draw_grid(env, V_solve, "V of the random policy, γ = 0.9")
    plt.show()
    # --8<-- [start:optimal]
    V_star, Q_star, vi_sweeps = value_iteration(env)
    best = greedy_policy(Q_star)
    V_best = solve_bellman(env, best)  # the greedy policy, solved exactly
    # --8<-- [end:optimal]
    draw_grid(env, V_star, "V* and a greedy policy", policy=best)
    plt.show()
    arrows = "".join("·" if env.terminal[s] else ARROWS[a]
                     for s, a in enumerate(best.argmax(axis=1)))
    return {
        "num_states": env.num_states,
        "gamma": GAMMA,
        "eval_sweeps": sweeps,
        "eval_vs_solve": float(np.max(np.abs(V_iter - V_solve))),
        "v_random_start": float(V_solve[env.start]),
        "vi_sweeps": vi_sweeps,
        "v_star_start": float(V_star[env.start]),
        "vi_vs_solve": float(np.max(np.abs(V_star - V_best))),
        "bellman_residual": float(np.max(np.abs(
            V_star - q_from_v(env, V_star).max(axis=1)))),
        "policy_arrows": arrows,
        "V_random": V_solve.tolist(),
        "V_star": V_star.tolist(),
    }


if __name__ == "__main__":
    main()
