"""Hebb's rule grows without bound; Instar and winner-take-all move
prototypes toward the inputs they win.

Section: 4-12 Competitive learning: Hebb's rule and Instar
Figure: s12_hebb_instar_rules.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

SEED = 12
CENTRES = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, 3.0]])
HEBB_RATE = 0.01
ALPHA = 0.1


def points(rng, n_per_cluster=100):
    """Three round clusters of 2-D points, standard deviation 0.4."""
    return np.vstack([rng.normal(c, 0.4, (n_per_cluster, 2))
                      for c in CENTRES])


# --8<-- [start:hebb]
def hebb(w, xs, rate=HEBB_RATE):
    """Hebb's rule for one linear neuron, y = w·x: strengthen each weight
    by rate · y · x. Returns the weights after every input."""
    history = [w]
    for x in xs:
        y = w @ x
        w = w + rate * y * x
        history.append(w)
    return np.array(history)
# --8<-- [end:hebb]


# --8<-- [start:instar]
def instar_step(prototypes, x, alpha):
    """Winner-take-all with the Instar rule: the prototype nearest to x
    moves a fraction alpha of the way to it, the others stay put."""
    winner = int(np.argmin(np.sum((prototypes - x) ** 2, axis=1)))
    new = prototypes.copy()
    new[winner] += alpha * (x - new[winner])
    return new, winner


def train_wta(prototypes, xs, alpha=ALPHA):
    """One pass of winner-take-all over the inputs, in order."""
    history = [prototypes]
    for x in xs:
        prototypes, _ = instar_step(prototypes, x, alpha)
        history.append(prototypes)
    return np.array(history)
# --8<-- [end:instar]


@dataclass
class HebbInstarResult:
    """What the 4-12 page quotes."""

    hebb_steps: int
    hebb_norm_start: float
    hebb_norm_end: float
    hebb_cosine_pc1: float  # |cos| between final w and the first PC
    wta_epochs: int
    wta_max_error: float    # farthest prototype from its cluster centre


def main() -> HebbInstarResult:
    rng = np.random.default_rng(SEED)
    x = points(rng)
    # --8<-- [start:run]
    # Hebb on centred data: the weight vector grows and turns toward the
    # direction of largest variance (the first principal component).
    centred = x - x.mean(axis=0)
    w_hebb = hebb(np.array([0.1, 0.0]), rng.permutation(centred))
    norms = np.linalg.norm(w_hebb, axis=1)
    pc1 = np.linalg.eigh(np.cov(centred.T))[1][:, -1]
    cosine = abs(w_hebb[-1] @ pc1) / norms[-1]
    # Winner-take-all: three prototypes, started on three input points.
    epochs = 5
    order = np.concatenate([rng.permutation(len(x)) for _ in range(epochs)])
    start = x[rng.choice(len(x), 3, replace=False)]
    path = train_wta(start, x[order])
    final = path[-1]
    error = max(np.min(np.linalg.norm(final - c, axis=1)) for c in CENTRES)
    print(f"Hebb |w|: {norms[0]:.2f} -> {norms[-1]:.3g}"
          f" after {len(centred)} inputs; |cos(w, PC1)| = {cosine:.4f}")
    print("WTA prototypes:", np.round(final, 2).tolist())
    # --8<-- [end:run]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.6))
    ax1.semilogy(norms)
    ax1.set(xlabel="inputs seen", ylabel="|w| (log scale)",
            title="Hebb's rule: |w| grows")
    ax2.scatter(*x.T, s=6, color="lightgrey")
    for k in range(3):
        ax2.plot(*path[:, k].T, lw=1)
        ax2.plot(*path[0, k], "o", color="k", ms=5)
        ax2.plot(*path[-1, k], "*", color="crimson", ms=12)
    ax2.set(xlabel="x₁", ylabel="x₂", aspect="equal",
            title="Instar, winner-take-all")
    fig.tight_layout()
    plt.show()
    return HebbInstarResult(
        hebb_steps=len(centred), hebb_norm_start=float(norms[0]),
        hebb_norm_end=float(norms[-1]), hebb_cosine_pc1=float(cosine),
        wta_epochs=epochs, wta_max_error=float(error))


if __name__ == "__main__":
    main()
