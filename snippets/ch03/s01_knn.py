"""K-nearest neighbours in TensorFlow, checked against scikit-learn.

Section: 3-1 KNN classification
Figure: s01_knn_regions.svg, s01_knn_error.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.neighbors import KNeighborsClassifier

SEED = 31
CENTRES = np.array([[0.0, 0.0], [2.0, 0.5], [1.0, 2.0]])


# --8<-- [start:data]
def three_blobs(n_per_class, rng):
    """Three overlapping Gaussian clouds in the plane, labels 0, 1, 2."""
    X = np.vstack([rng.normal(c, 0.8, (n_per_class, 2)) for c in CENTRES])
    y = np.repeat(np.arange(3), n_per_class)
    return X, y
# --8<-- [end:data]


# --8<-- [start:knn]
def pairwise_sq_distances(a, b):
    """‖a_i − b_j‖² for every pair, as ‖a_i‖² − 2 a_i·b_j + ‖b_j‖²:
    one matrix product instead of a loop."""
    a, b = tf.convert_to_tensor(a), tf.convert_to_tensor(b)
    sq_a = tf.reduce_sum(a * a, axis=1)[:, None]
    sq_b = tf.reduce_sum(b * b, axis=1)[None, :]
    return sq_a - 2 * tf.matmul(a, b, transpose_b=True) + sq_b


def knn_votes(x_train, y_train, x_query, k, num_classes):
    """For each query, the share of each class among its k nearest
    training points (top_k of the negated distances = the k smallest)."""
    d = pairwise_sq_distances(x_query, x_train)
    _, idx = tf.math.top_k(-d, k=k)
    neighbour_labels = tf.gather(tf.constant(y_train), idx)
    votes = tf.reduce_sum(tf.one_hot(neighbour_labels, num_classes,
                                     dtype=tf.float64), axis=1)
    return (votes / k).numpy()


def knn_predict(x_train, y_train, x_query, k, num_classes):
    """The majority class; ties go to the smallest label, as in
    scikit-learn (argmax returns the first maximum)."""
    return knn_votes(x_train, y_train, x_query, k, num_classes).argmax(1)
# --8<-- [end:knn]


@dataclass
class KnnResult:
    """What the 3-1 part of the page quotes."""

    num_train: int
    num_val: int
    ks: list
    train_error: list
    val_error: list
    best_k: int
    best_val_error: float
    train_error_k1: float
    val_error_k1: float
    majority_error: float
    mismatches_val: int  # TF vs sklearn predictions over all ks
    mismatches_grid: int  # on the decision-region grid
    proba_difference: float  # largest |TF share - predict_proba|


def main() -> KnnResult:
    """Check the TF classifier against scikit-learn, draw its decision
    regions for three k, and its error against k."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    X, y = three_blobs(100, rng)
    X_val, y_val = three_blobs(200, rng)
    # --8<-- [start:check]
    ks = list(range(1, 100, 2))
    train_error, val_error = [], []
    mismatches, proba_difference = 0, 0.0
    for k in ks:
        sk = KNeighborsClassifier(n_neighbors=k, algorithm="brute")
        sk.fit(X, y)
        votes = knn_votes(X, y, X_val, k, 3)
        mismatches += int((votes.argmax(1) != sk.predict(X_val)).sum())
        proba_difference = max(proba_difference, float(
            np.abs(votes - sk.predict_proba(X_val)).max()))
        train_error.append(float(
            (knn_predict(X, y, X, k, 3) != y).mean()))
        val_error.append(float((votes.argmax(1) != y_val).mean()))
    # --8<-- [end:check]
    # --8<-- [start:regions]
    g1, g2 = np.meshgrid(np.linspace(-2.5, 4.5, 140),
                         np.linspace(-2.5, 4.5, 140))
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.9), sharey=True)
    grid_mismatches = 0
    for ax, k in zip(axes, [1, 15, 151]):
        regions = knn_predict(X, y, grid, k, 3)
        sk = KNeighborsClassifier(n_neighbors=k, algorithm="brute")
        grid_mismatches += int((regions != sk.fit(X, y).predict(grid)).sum())
        ax.contourf(g1, g2, regions.reshape(g1.shape), levels=[-.5, .5,
                    1.5, 2.5], colors=["#9ecae1", "#fdae6b", "#a1d99b"])
        for label, marker in zip(range(3), "o^s"):
            ax.scatter(*X[y == label].T, s=10, marker=marker,
                       edgecolor="black", linewidth=0.3)
        ax.set(title=f"k = {k}", xlabel="$x_1$", aspect="equal")
    axes[0].set_ylabel("$x_2$")
    fig.tight_layout()
    plt.show()
    # --8<-- [end:regions]
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.plot(ks, train_error, label="training points")
    ax.plot(ks, val_error, label="validation points")
    ax.set(xlabel="k", ylabel="error rate",
           title="small k: variance; large k: bias")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    best = int(np.argmin(val_error))
    return KnnResult(
        num_train=len(y), num_val=len(y_val), ks=ks,
        train_error=train_error, val_error=val_error, best_k=ks[best],
        best_val_error=val_error[best], train_error_k1=train_error[0],
        val_error_k1=val_error[0], majority_error=2 / 3,
        mismatches_val=mismatches, mismatches_grid=grid_mismatches,
        proba_difference=proba_difference)


if __name__ == "__main__":
    main()
