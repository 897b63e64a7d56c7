"""Winner-take-all clustering of chapter 3's Gaussian mixture, compared
with scikit-learn's K-Means from the same starting centres.

Section: 4-14 Practice: competitive learning on distribution data
Figure: s14_competitive_clusters.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans

from snippets.ch04.s12_hebb_instar import instar_step

SEED = 14
EPOCHS = 20
ALPHA0, ALPHA_END = 0.2, 0.005
# 3-3's five round Gaussians (snippets/ch03/s03_kmeans.py), restated so
# that this NumPy-only program does not import TensorFlow; a test checks
# that the two draw the same points.
MEANS = np.array([[0, 0], [4, 0], [2, 3.5], [6, 4], [0, 5]], "float64")


def gaussian_mixture(n_per_cluster, rng, scale=0.7):
    return np.vstack([rng.normal(m, scale, (n_per_cluster, 2))
                      for m in MEANS])


def inertia(x, centres):
    """K-Means's objective: the sum of squared distances to the nearest
    centre."""
    d2 = np.sum((x[:, None, :] - centres[None]) ** 2, axis=2)
    return float(d2.min(axis=1).sum())


# --8<-- [start:wta]
def competitive(x, start, rng, epochs=EPOCHS):
    """Online winner-take-all: each input, in random order, pulls its
    nearest prototype toward it (Instar); the rate falls exponentially
    from ALPHA0 to ALPHA_END. Returns the prototypes and the inertia
    after every epoch."""
    prototypes, history = start.copy(), []
    total = epochs * len(x)
    for epoch in range(epochs):
        for i, n in enumerate(rng.permutation(len(x))):
            t = (epoch * len(x) + i) / total
            alpha = ALPHA0 * (ALPHA_END / ALPHA0) ** t
            prototypes, _ = instar_step(prototypes, x[n], alpha)
        history.append(inertia(x, prototypes))
    return prototypes, history
# --8<-- [end:wta]


@dataclass
class CompetitiveResult:
    """What the 4-14 page quotes."""

    num_points: int
    k: int
    epochs: int
    wta_inertia: float
    kmeans_inertia: float
    start_inertia: float
    max_centre_distance: float  # WTA prototype to its nearest K-Means centre
    inertia_history: list


def main() -> CompetitiveResult:
    rng = np.random.default_rng(SEED)
    x = gaussian_mixture(60, rng)
    k = len(MEANS)
    # --8<-- [start:compare]
    start = x[rng.choice(len(x), k, replace=False)]
    prototypes, history = competitive(x, start, rng)
    km = KMeans(k, init=start, n_init=1).fit(x)
    gap = max(np.min(np.linalg.norm(km.cluster_centers_ - p, axis=1))
              for p in prototypes)
    print(f"inertia: start {inertia(x, start):.1f},"
          f" winner-take-all {inertia(x, prototypes):.2f},"
          f" K-Means {km.inertia_:.2f}")
    print(f"farthest prototype from a K-Means centre: {gap:.3f}")
    # --8<-- [end:compare]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.6))
    ax1.scatter(*x.T, s=6, color="lightgrey")
    ax1.scatter(*start.T, marker="o", color="k", label="start")
    ax1.scatter(*km.cluster_centers_.T, marker="x", s=80, color="tab:blue",
                label="K-Means")
    ax1.scatter(*prototypes.T, marker="+", s=120, color="crimson",
                label="winner-take-all")
    ax1.set(xlabel="x₁", ylabel="x₂", aspect="equal")
    ax1.legend(fontsize=8, loc="lower right")
    ax2.plot(range(1, EPOCHS + 1), history, label="winner-take-all")
    ax2.axhline(km.inertia_, color="tab:blue", ls="--", label="K-Means")
    ax2.set(xlabel="epoch", ylabel="inertia", title="sum of squared distances")
    ax2.legend()
    fig.tight_layout()
    plt.show()
    return CompetitiveResult(
        num_points=len(x), k=k, epochs=EPOCHS,
        wta_inertia=inertia(x, prototypes), kmeans_inertia=float(km.inertia_),
        start_inertia=inertia(x, start), max_centre_distance=float(gap),
        inertia_history=history)


if __name__ == "__main__":
    main()
