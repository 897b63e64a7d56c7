"""Logistic regression three ways: NumPy gradient descent, Keras, sklearn.

Section: 2-3 Logistic regression
Figure: s03_logistic_regression_boundary.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.linear_model import LogisticRegression

SEED = 23


# --8<-- [start:data]
def two_blobs(n_per_class, rng):
    """Two overlapping Gaussian clouds in 2-D, labels 0 and 1."""
    x0 = rng.normal([-1.0, -0.5], 1.0, (n_per_class, 2))
    x1 = rng.normal([1.0, 0.5], 1.0, (n_per_class, 2))
    X = np.vstack([x0, x1])
    y = np.repeat([0.0, 1.0], n_per_class)
    return X, y
# --8<-- [end:data]


# --8<-- [start:scratch]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def mean_log_loss(w, b, X, y):
    """The negative log-likelihood per example (binary cross-entropy)."""
    p = sigmoid(X @ w + b)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def log_loss_gradient(w, b, X, y):
    """∂/∂w = Xᵀ(σ(Xw + b) − y) / n and ∂/∂b = mean(σ(Xw + b) − y)."""
    error = sigmoid(X @ w + b) - y
    return X.T @ error / len(y), error.mean()


def fit_gradient_descent(X, y, lr=1.0, num_steps=3000):
    """Plain full-batch gradient descent from w = 0, b = 0."""
    w, b = np.zeros(X.shape[1]), 0.0
    losses = []
    for _ in range(num_steps):
        grad_w, grad_b = log_loss_gradient(w, b, X, y)
        w, b = w - lr * grad_w, b - lr * grad_b
        losses.append(mean_log_loss(w, b, X, y))
    return w, b, losses
# --8<-- [end:scratch]


# --8<-- [start:tape]
def tape_gradient(w, b, X, y):
    """The same gradient, taken by GradientTape through Keras's own
    binary cross-entropy (float64, from logits: no clipping)."""
    w = tf.Variable(w, dtype=tf.float64)
    b = tf.Variable(b, dtype=tf.float64)
    with tf.GradientTape() as tape:
        logits = tf.linalg.matvec(tf.constant(X), w) + b
        loss = tf.reduce_mean(keras.losses.binary_crossentropy(
            tf.constant(y)[:, None], logits[:, None], from_logits=True))
    grad_w, grad_b = tape.gradient(loss, [w, b])
    return grad_w.numpy(), float(grad_b)
# --8<-- [end:tape]


# --8<-- [start:keras]
def fit_keras(X, y, lr=1.0, num_epochs=3000):
    """Dense(1, sigmoid) with the same start, step size and number of
    full-batch steps as the NumPy loop. The whole set, repeated
    num_steps times and not shuffled, is one epoch of num_steps batches:
    the same steps as num_steps epochs, without the per-epoch overhead."""
    model = keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(1, activation="sigmoid",
                           kernel_initializer="zeros")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr),
                  loss="binary_crossentropy", steps_per_execution=500)
    model.fit(np.tile(X, (num_epochs, 1)), np.tile(y, num_epochs),
              batch_size=len(y), shuffle=False, verbose=0)
    kernel, bias = model.layers[0].get_weights()
    return kernel[:, 0].astype("float64"), float(bias[0])
# --8<-- [end:keras]


# --8<-- [start:sklearn]
def fit_sklearn(X, y):
    """Maximum likelihood without a penalty, solved to a tight tolerance
    (scikit-learn's default adds an L2 penalty, C=1; C=inf removes it,
    the spelling that replaces penalty=None since scikit-learn 1.8)."""
    model = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000)
    model.fit(X, y)
    return model.coef_[0], float(model.intercept_[0])
# --8<-- [end:sklearn]


@dataclass
class LogisticResult:
    """What the 2-3 page quotes."""

    num_points: int
    num_steps: int
    lr: float
    w_gd: np.ndarray
    b_gd: float
    w_keras: np.ndarray
    b_keras: float
    w_sklearn: np.ndarray
    b_sklearn: float
    gd_vs_sklearn: float  # largest parameter difference
    keras_vs_sklearn: float
    keras_vs_gd: float
    tape_vs_formula: float  # gradient difference at a random point
    loss_gd: float
    loss_sklearn: float
    accuracy: float  # training accuracy of the sklearn fit
    majority_accuracy: float
    losses: list
    w1_gd: float = 0.0
    w2_gd: float = 0.0
    w1_keras: float = 0.0
    w2_keras: float = 0.0
    w1_sklearn: float = 0.0
    w2_sklearn: float = 0.0

    def __post_init__(self):
        self.w1_gd, self.w2_gd = map(float, self.w_gd)
        self.w1_keras, self.w2_keras = map(float, self.w_keras)
        self.w1_sklearn, self.w2_sklearn = map(float, self.w_sklearn)


# --8<-- [start:plot]
def plot_boundary(X, y, fits):
    """The points and the line w·x + b = 0 (where P = 0.5) of each fit."""
    fig, ax = plt.subplots(figsize=(6, 5))
    for label, marker in [(0, "o"), (1, "^")]:
        ax.scatter(*X[y == label].T, s=14, marker=marker, alpha=0.6,
                   label=f"class {label}")
    grid = np.linspace(X[:, 0].min(), X[:, 0].max(), 2)
    styles = ["-", "--", ":"]
    for (name, (w, b)), style in zip(fits.items(), styles):
        ax.plot(grid, -(w[0] * grid + b) / w[1], style, lw=2,
                label=f"{name}")
    ax.set(xlabel="$x_1$", ylabel="$x_2$",
           ylim=(X[:, 1].min() - 0.5, X[:, 1].max() + 0.5),
           title="decision boundary P(class 1) = 0.5")
    ax.legend(fontsize=8)
    fig.tight_layout()
# --8<-- [end:plot]


def main() -> LogisticResult:
    """Fit the same 200 points three ways and compare the parameters."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    X, y = two_blobs(100, rng)
    num_steps, lr = 3000, 1.0
    w_gd, b_gd, losses = fit_gradient_descent(X, y, lr, num_steps)
    w_k, b_k = fit_keras(X, y, lr, num_steps)
    w_s, b_s = fit_sklearn(X, y)
    w0, b0 = rng.normal(size=2), float(rng.normal())
    formula = np.append(*log_loss_gradient(w0, b0, X, y))
    taped = np.append(*tape_gradient(w0, b0, X, y))
    theta = {"gradient descent": np.append(w_gd, b_gd),
             "Keras Dense(1, sigmoid)": np.append(w_k, b_k),
             "scikit-learn": np.append(w_s, b_s)}
    for name, t in theta.items():
        print(f"{name:<24} w = ({t[0]:.4f}, {t[1]:.4f}), b = {t[2]:.4f}")
    plot_boundary(X, y, {"gradient descent (NumPy)": (w_gd, b_gd),
                         "Keras Dense(1, sigmoid)": (w_k, b_k),
                         "scikit-learn": (w_s, b_s)})
    plt.show()
    ref = theta["scikit-learn"]
    return LogisticResult(
        num_points=len(y), num_steps=num_steps, lr=lr, w_gd=w_gd,
        b_gd=b_gd, w_keras=w_k, b_keras=b_k, w_sklearn=w_s, b_sklearn=b_s,
        gd_vs_sklearn=float(np.abs(theta["gradient descent"] - ref).max()),
        keras_vs_sklearn=float(np.abs(
            theta["Keras Dense(1, sigmoid)"] - ref).max()),
        keras_vs_gd=float(np.abs(theta["Keras Dense(1, sigmoid)"]
                                 - theta["gradient descent"]).max()),
        tape_vs_formula=float(np.abs(formula - taped).max()),
        loss_gd=float(mean_log_loss(w_gd, b_gd, X, y)),
        loss_sklearn=float(mean_log_loss(w_s, b_s, X, y)),
        accuracy=float(((X @ w_s + b_s > 0) == y).mean()),
        majority_accuracy=0.5, losses=losses)


if __name__ == "__main__":
    main()
