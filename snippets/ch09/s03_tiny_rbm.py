"""A 4 x 3 RBM small enough to enumerate: p(h | x), Z, F(x) and p(x).

All 2⁴ · 2³ = 128 joint states are listed, so every formula of 9-2 to
9-4 is compared with the brute-force sum it replaces, and the free
energy and p(h | x) with scikit-learn's BernoulliRBM given the same
weights.

Section: 9-3 Computing p(h | x)
Figure: s03_tiny_rbm_graph.svg, s03_tiny_rbm_px.svg
"""
import itertools

import matplotlib.pyplot as plt
import numpy as np
from sklearn.neural_network import BernoulliRBM

SEED = 9
NUM_VISIBLE, NUM_HIDDEN = 4, 3


# --8<-- [start:energy]
def tiny_rbm(seed=SEED):
    """Weights W (hidden x visible), visible biases b, hidden biases c."""
    rng = np.random.default_rng(seed)
    W = rng.normal(0.0, 1.0, (NUM_HIDDEN, NUM_VISIBLE))
    b = rng.normal(0.0, 0.5, NUM_VISIBLE)
    c = rng.normal(0.0, 0.5, NUM_HIDDEN)
    return W, b, c


def all_states(n):
    """Every binary vector of length n, one a row (2**n rows)."""
    return np.array(list(itertools.product([0, 1], repeat=n)), float)


def energy(x, h, W, b, c):
    """E(x, h) = -b.x - c.h - h.W x for every pair of rows of x and h:
    an array of shape (len(x), len(h))."""
    return -(x @ b)[:, None] - (h @ c)[None, :] - x @ W.T @ h.T


def joint_table(W, b, c):
    """p(x, h) = exp(-E) / Z over all states, and Z itself."""
    xs, hs = all_states(W.shape[1]), all_states(W.shape[0])
    weights = np.exp(-energy(xs, hs, W, b, c))
    Z = weights.sum()
    return xs, hs, weights / Z, Z
# --8<-- [end:energy]


# --8<-- [start:conditional]
def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def p_h_given_x(xs, hs, W, c):
    """p(h | x) as the product of one sigmoid per hidden unit:
    p(h_j = 1 | x) = sigmoid(c_j + W_j . x)."""
    on = sigmoid(xs @ W.T + c)  # (len(xs), num_hidden)
    return np.prod(np.where(hs[None, :, :] == 1, on[:, None, :],
                            1 - on[:, None, :]), axis=2)
# --8<-- [end:conditional]


# --8<-- [start:free_energy]
def free_energy(x, W, b, c):
    """F(x) = -b.x - sum_j log(1 + exp(c_j + W_j . x))."""
    return -(x @ b) - np.logaddexp(0.0, x @ W.T + c).sum(axis=1)


def p_x(W, b, c):
    """p(x) = exp(-F(x)) / Z, with Z = sum over all x of exp(-F(x))."""
    xs = all_states(W.shape[1])
    unnormalised = np.exp(-free_energy(xs, W, b, c))
    return xs, unnormalised / unnormalised.sum(), unnormalised.sum()
# --8<-- [end:free_energy]


# --8<-- [start:sklearn]
def sklearn_rbm(W, b, c):
    """A BernoulliRBM holding our weights, set by hand: components_ is
    W (hidden x visible), intercept_visible_ b, intercept_hidden_ c."""
    rbm = BernoulliRBM(n_components=W.shape[0], random_state=0)
    rbm.components_ = W.copy()
    rbm.intercept_visible_ = b.copy()
    rbm.intercept_hidden_ = c.copy()
    rbm.h_samples_ = np.zeros((1, W.shape[0]))
    rbm.n_features_in_ = W.shape[1]
    return rbm


def pseudo_log_likelihood(x, W, b, c, flip):
    """What BernoulliRBM.score_samples returns: flip one bit per row
    (column flip[i] of row i), then n * log sigmoid(F(x') - F(x))."""
    x_flipped = x.copy()
    rows = np.arange(len(x))
    x_flipped[rows, flip] = 1 - x_flipped[rows, flip]
    gap = free_energy(x_flipped, W, b, c) - free_energy(x, W, b, c)
    return -x.shape[1] * np.logaddexp(0.0, -gap)
# --8<-- [end:sklearn]


def plot_graph():
    """The bipartite graph: every visible unit joined to every hidden
    unit, no edge inside a layer."""
    fig, ax = plt.subplots(figsize=(5.2, 3.0))
    vis = [(i - 1.5, 0.0) for i in range(NUM_VISIBLE)]
    hid = [(j - 1.0, 1.0) for j in range(NUM_HIDDEN)]
    for xv, yv in vis:
        for xh, yh in hid:
            ax.plot([xv, xh], [yv, yh], color="#999999", lw=1, zorder=1)
    for (x0, y0), name in zip(vis, [f"$x_{i + 1}$" for i in range(4)]):
        ax.add_patch(plt.Circle((x0, y0), 0.2, color="#1f77b4", zorder=2))
        ax.text(x0, y0, name, ha="center", va="center", color="white",
                fontsize=12, zorder=3)
    for (x0, y0), name in zip(hid, [f"$h_{j + 1}$" for j in range(3)]):
        ax.add_patch(plt.Circle((x0, y0), 0.2, color="#ff7f0e", zorder=2))
        ax.text(x0, y0, name, ha="center", va="center", color="white",
                fontsize=12, zorder=3)
    ax.text(2.4, 1.0, "hidden, biases c", va="center", fontsize=10)
    ax.text(2.4, 0.0, "visible, biases b", va="center", fontsize=10)
    ax.text(0.0, 0.5, "$W_{ji}$", ha="center", fontsize=10,
            bbox={"fc": "white", "ec": "none"})
    ax.set(xlim=(-2.0, 4.6), ylim=(-0.4, 1.4), aspect="equal")
    ax.axis("off")
    fig.tight_layout()


def plot_px(xs, px):
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    labels = ["".join(str(int(v)) for v in row) for row in xs]
    ax.bar(range(len(px)), px, color="#1f77b4")
    ax.set_xticks(range(len(px)), labels, rotation=90, fontsize=8)
    ax.set(xlabel="visible state x", ylabel="p(x)",
           title="the tiny RBM's p(x), Z by enumeration")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()


def main() -> dict:
    """Every identity of 9-2 to 9-4 against brute force and sklearn."""
    W, b, c = tiny_rbm()
    # --8<-- [start:check]
    xs, hs, joint, Z = joint_table(W, b, c)
    by_enumeration = joint / joint.sum(axis=1, keepdims=True)
    factorised = p_h_given_x(xs, hs, W, c)
    xs_f, px, Z_f = p_x(W, b, c)
    sum_over_h = np.exp(-energy(xs, hs, W, b, c)).sum(axis=1)
    # --8<-- [end:check]
    rbm = sklearn_rbm(W, b, c)
    rng = np.random.default_rng(SEED)
    data = xs[rng.choice(len(xs), size=200, p=px)]
    flip = np.random.RandomState(0).randint(0, NUM_VISIBLE, len(data))
    ours_pll = pseudo_log_likelihood(data, W, b, c, flip)
    exact_ll = np.log(px[(data @ 2 ** np.arange(3, -1, -1)).astype(int)])
    plot_graph()
    plot_px(xs, px)
    plt.show()
    return {
        "num_states": int(joint.size),
        "Z": float(Z),
        "Z_from_free_energy": float(Z_f),
        "p_h_given_x_max_diff": float(np.abs(by_enumeration
                                             - factorised).max()),
        "p_h_given_x_rows_sum": float(np.abs(factorised.sum(axis=1)
                                             - 1).max()),
        "free_energy_max_diff": float(np.abs(
            np.exp(-free_energy(xs, W, b, c)) - sum_over_h).max()),
        "p_x_sum": float(px.sum()),
        "p_x_marginal_max_diff": float(np.abs(px - joint.sum(axis=1))
                                       .max()),
        "most_likely_x": "".join(str(int(v)) for v in xs[np.argmax(px)]),
        "most_likely_p": float(px.max()),
        "sklearn_free_energy_max_diff": float(np.abs(
            rbm._free_energy(xs) - free_energy(xs, W, b, c)).max()),
        "sklearn_transform_max_diff": float(np.abs(
            rbm.transform(xs) - sigmoid(xs @ W.T + c)).max()),
        "sklearn_pll_max_diff": float(np.abs(
            rbm.score_samples(data) - ours_pll).max()),
        "mean_pseudo_ll": float(ours_pll.mean()),
        "mean_exact_ll": float(exact_ll.mean()),
    }


if __name__ == "__main__":
    main()
