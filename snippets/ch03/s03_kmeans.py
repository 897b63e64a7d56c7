"""K-Means in TensorFlow: Lloyd's iterations, k-means++, restarts, elbow.

Section: 3-3 K-Means clustering
Figure: s03_kmeans_iterations.svg, s03_kmeans_restarts.svg,
    s03_kmeans_elbow.svg, s03_kmeans_failures.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.cluster import KMeans
from sklearn.datasets import make_moons

from snippets.ch03.s01_knn import pairwise_sq_distances

SEED = 33
MEANS = np.array([[0, 0], [4, 0], [2, 3.5], [6, 4], [0, 5]], "float64")


# --8<-- [start:data]
def gaussian_mixture(n_per_cluster, rng, scales=None):
    """Five round Gaussian clusters (standard deviation 0.7 unless
    scales says otherwise)."""
    scales = [0.7] * len(MEANS) if scales is None else scales
    return np.vstack([rng.normal(m, s, (n_per_cluster, 2))
                      for m, s in zip(MEANS, scales)])
# --8<-- [end:data]


# --8<-- [start:lloyd]
def assign(X, centres):
    """E-step: the index of each point's nearest centre, and the
    objective Σ ‖x − μ(x)‖² (scikit-learn's inertia)."""
    d = pairwise_sq_distances(X, centres)
    return tf.argmin(d, axis=1), tf.reduce_sum(tf.reduce_min(d, axis=1))


def update(X, labels, centres):
    """M-step: each centre moves to the mean of its points (an empty
    cluster keeps its centre)."""
    k = centres.shape[0]
    sums = tf.math.unsorted_segment_sum(X, labels, k)
    counts = tf.math.unsorted_segment_sum(tf.ones_like(X[:, :1]),
                                          labels, k)
    return tf.where(counts > 0, sums / tf.maximum(counts, 1), centres)


def lloyd(X, centres, max_iter=300):
    """Alternate the two steps until no point changes cluster. Returns
    centres, labels, inertia and the centres after every iteration."""
    X = tf.constant(X, tf.float64)
    centres = tf.constant(centres, tf.float64)
    labels, _ = assign(X, centres)
    path = [centres.numpy()]
    for _ in range(max_iter):
        centres = update(X, labels, centres)
        path.append(centres.numpy())
        new_labels, inertia = assign(X, centres)
        if bool(tf.reduce_all(new_labels == labels)):
            break
        labels = new_labels
    labels, inertia = assign(X, centres)
    return centres.numpy(), labels.numpy(), float(inertia), path
# --8<-- [end:lloyd]


# --8<-- [start:kmeanspp]
def kmeans_plus_plus(X, k, rng):
    """k-means++: the first centre is a random point; each next one is a
    point drawn with probability proportional to D(x)², its squared
    distance to the nearest centre chosen so far."""
    centres = [X[rng.integers(len(X))]]
    for _ in range(k - 1):
        d2 = pairwise_sq_distances(X, np.array(centres)).numpy().min(1)
        centres.append(X[rng.choice(len(X), p=d2 / d2.sum())])
    return np.array(centres)
# --8<-- [end:kmeanspp]


@dataclass
class KMeansResult:
    """What the 3-3/3-4 page quotes."""

    num_points: int
    num_iterations: int
    inertia_tf: float
    inertia_sklearn: float
    centre_difference: float
    label_mismatches: int
    random_inertias: list  # 20 restarts from random points
    plusplus_inertias: list  # 20 restarts from k-means++
    best_random: float
    worst_random: float
    best_plusplus: float
    worst_plusplus: float
    num_random_stuck: int  # restarts more than 1 % above the best
    num_plusplus_stuck: int
    num_restarts: int
    small_clusters_labels: int  # distinct labels over both tight ones
    wide_cluster_labels: int  # distinct labels in the wide one
    moons_agreement: float  # best of the two label matchings
    elbow_drop_at_true_k: float  # inertia(k-1) - inertia(k), k = 5
    elbow_drop_after: float  # inertia(k) - inertia(k+1)
    elbow_ks: list
    elbow_inertias: list


def main() -> KMeansResult:
    """Check Lloyd's iterations against scikit-learn from the same start,
    then compare random and k-means++ restarts, the elbow, and failures."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    X = gaussian_mixture(60, rng)
    k = len(MEANS)
    # --8<-- [start:check]
    start = X[rng.choice(len(X), k, replace=False)]
    centres, labels, inertia, path = lloyd(X, start)
    sk = KMeans(n_clusters=k, init=start, n_init=1, algorithm="lloyd",
                tol=0, max_iter=300).fit(X)
    print(f"inertia: TensorFlow {inertia:.6f},"
          f" scikit-learn {sk.inertia_:.6f}")
    # --8<-- [end:check]
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.9), sharey=True)
    shown = [0, 1, len(path) - 1]
    for ax, it in zip(axes, shown):
        lab, _ = assign(tf.constant(X), tf.constant(path[it]))
        ax.scatter(*X.T, c=lab.numpy(), s=8, cmap="tab10", vmax=9)
        trail = np.array(path[:it + 1])
        for j in range(k):
            ax.plot(trail[:, j, 0], trail[:, j, 1], "k.-", lw=1)
        ax.scatter(*path[it].T, marker="X", s=120, c="black")
        ax.set(title=f"after {it} iteration(s)", xlabel="$x_1$",
               aspect="equal")
    axes[0].set_ylabel("$x_2$")
    fig.tight_layout()
    plt.show()
    # --8<-- [start:restarts]
    random_inertias, plusplus_inertias = [], []
    for _ in range(20):
        random_start = X[rng.choice(len(X), k, replace=False)]
        random_inertias.append(lloyd(X, random_start)[2])
        plusplus_inertias.append(lloyd(X, kmeans_plus_plus(X, k, rng))[2])
    # --8<-- [end:restarts]
    best = min(random_inertias + plusplus_inertias)
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(sorted(random_inertias), "o-", label="random points as start")
    ax.plot(sorted(plusplus_inertias), "s-", label="k-means++ start")
    ax.set(xlabel="restart (sorted)", ylabel="final inertia",
           title="20 restarts of Lloyd's algorithm")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    # --8<-- [start:elbow]
    elbow_ks = list(range(1, 10))
    elbow = [min(lloyd(X, kmeans_plus_plus(X, j, rng))[2]
                 for _ in range(5)) for j in elbow_ks]
    # --8<-- [end:elbow]
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(elbow_ks, elbow, "o-")
    ax.set(xlabel="k", ylabel="inertia (best of 5)",
           title="the elbow: little gain after the true k = 5")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    # --8<-- [start:failures]
    unequal = np.vstack([rng.normal([0, 0], 2.0, (300, 2)),
                         rng.normal([4.5, 0], 0.4, (40, 2)),
                         rng.normal([4.5, 2], 0.4, (40, 2))])
    moons, moon_labels = make_moons(400, noise=0.06, random_state=SEED)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    fits = []
    for ax, data, kk, title in [(axes[0], unequal, 3, "unequal spreads"),
                                (axes[1], moons, 2, "non-convex moons")]:
        best_fit = min((lloyd(data, kmeans_plus_plus(data, kk, rng))
                        for _ in range(5)), key=lambda fit: fit[2])
        fits.append(best_fit[1])
        ax.scatter(*data.T, c=best_fit[1], s=8, cmap="tab10", vmax=9)
        ax.scatter(*best_fit[0].T, marker="X", s=120, c="black")
        ax.set(title=f"{title}, k = {kk}", aspect="equal")
    fig.tight_layout()
    plt.show()
    # --8<-- [end:failures]
    small = fits[0][300:]  # the two tight clusters
    agreement = (fits[1] == moon_labels).mean()
    return KMeansResult(
        num_points=len(X), num_iterations=len(path) - 1,
        inertia_tf=inertia, inertia_sklearn=float(sk.inertia_),
        centre_difference=float(np.abs(centres
                                       - sk.cluster_centers_).max()),
        label_mismatches=int((labels != sk.labels_).sum()),
        random_inertias=random_inertias,
        plusplus_inertias=plusplus_inertias,
        best_random=min(random_inertias), worst_random=max(random_inertias),
        best_plusplus=min(plusplus_inertias),
        worst_plusplus=max(plusplus_inertias),
        num_random_stuck=sum(i > 1.01 * best for i in random_inertias),
        num_plusplus_stuck=sum(i > 1.01 * best for i in plusplus_inertias),
        num_restarts=len(random_inertias),
        small_clusters_labels=len(set(small.tolist())),
        wide_cluster_labels=len(set(fits[0][:300].tolist())),
        moons_agreement=float(max(agreement, 1 - agreement)),
        elbow_drop_at_true_k=elbow[3] - elbow[4],
        elbow_drop_after=elbow[4] - elbow[5],
        elbow_ks=elbow_ks, elbow_inertias=elbow)


if __name__ == "__main__":
    main()
