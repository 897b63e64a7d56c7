"""Fit one line to noisy points four ways: OLS, TLS, GradientTape, Keras.

Section: 2-1 Line fitting: OLS and TLS
Figure: s01_line_fitting_residuals.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 21
TRUE_SLOPE, TRUE_INTERCEPT = 2.0, 1.0
NOISE = 0.5  # standard deviation of the noise, in x and in y


# --8<-- [start:data]
def noisy_line(n, noise_x, noise_y, rng):
    """n points of y = 2x + 1, x in [-2, 2], noise added to x and to y."""
    x_true = rng.uniform(-2, 2, n)
    x = x_true + rng.normal(0, noise_x, n)
    y = TRUE_SLOPE * x_true + TRUE_INTERCEPT + rng.normal(0, noise_y, n)
    return x, y
# --8<-- [end:data]


# --8<-- [start:ols]
def ols_normal_equations(x, y):
    """Minimise the vertical residuals: solve (XᵀX) θ = Xᵀy for
    θ = (slope, intercept), X = [x, 1]."""
    X = np.column_stack([x, np.ones_like(x)])
    return np.linalg.solve(X.T @ X, X.T @ y)


def ols_lstsq(x, y):
    """The same problem handed to NumPy's least-squares solver."""
    X = np.column_stack([x, np.ones_like(x)])
    return np.linalg.lstsq(X, y, rcond=None)[0]
# --8<-- [end:ols]


# --8<-- [start:tls]
def tls_closed_form(x, y):
    """Minimise the perpendicular residuals. With the centred sums
    sxx, syy, sxy the best slope solves sxy·m² + (sxx - syy)·m - sxy = 0
    (the root that makes the line a minimum, not a maximum)."""
    dx, dy = x - x.mean(), y - y.mean()
    sxx, syy, sxy = dx @ dx, dy @ dy, dx @ dy
    slope = (syy - sxx + np.sqrt((syy - sxx) ** 2 + 4 * sxy ** 2)) / (
        2 * sxy)
    return np.array([slope, y.mean() - slope * x.mean()])


def tls_svd(x, y):
    """The normal (a, b) of the line a·x + b·y = c is the right singular
    vector of the centred data with the smallest singular value."""
    centred = np.column_stack([x - x.mean(), y - y.mean()])
    a, b = np.linalg.svd(centred)[2][-1]
    slope = -a / b
    return np.array([slope, y.mean() - slope * x.mean()])
# --8<-- [end:tls]


# --8<-- [start:tape]
def fit_with_tape(x, y, lr=0.1, num_steps=500):
    """Full-batch gradient descent on the mean squared vertical residual,
    the gradient taken by tf.GradientTape."""
    x = tf.constant(x, tf.float32)
    y = tf.constant(y, tf.float32)
    slope, intercept = tf.Variable(0.0), tf.Variable(0.0)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((slope * x + intercept - y) ** 2)
        grads = tape.gradient(loss, [slope, intercept])
        slope.assign_sub(lr * grads[0])
        intercept.assign_sub(lr * grads[1])
        return loss

    for _ in range(num_steps):
        step()
    return np.array([slope.numpy(), intercept.numpy()])
# --8<-- [end:tape]


# --8<-- [start:keras]
def fit_with_keras(x, y, lr=0.1, num_epochs=300):
    """The line as a one-unit Dense layer, trained by Keras's fit with
    plain SGD on the whole set at once. The set repeated num_epochs
    times, unshuffled, is one epoch of num_epochs full-batch steps."""
    model = keras.Sequential([keras.Input(shape=(1,)),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr),
                  loss="mse", steps_per_execution=100)
    model.fit(np.tile(x, num_epochs)[:, None], np.tile(y, num_epochs),
              batch_size=len(x), shuffle=False, verbose=0)
    kernel, bias = model.layers[0].get_weights()
    return np.array([kernel[0, 0], bias[0]])
# --8<-- [end:keras]


@dataclass
class LineFitResult:
    """What the 2-1/2-2 page quotes."""

    num_points: int
    ols: np.ndarray  # (slope, intercept), normal equations
    ols_lstsq: np.ndarray
    tls: np.ndarray  # closed form
    tls_svd: np.ndarray
    tape: np.ndarray
    keras: np.ndarray
    ols_slope: float
    ols_intercept: float
    tls_slope: float
    tls_intercept: float
    tape_slope: float
    tape_intercept: float
    keras_slope: float
    keras_intercept: float
    tape_vs_ols: float  # largest difference, slope or intercept
    keras_vs_ols: float
    # many points, to separate bias from luck
    big_n: int
    big_ols_slope_xy: float  # noise in x and y
    big_tls_slope_xy: float
    big_ols_slope_y: float  # noise in y only
    big_tls_slope_y: float
    attenuation: float  # theory: var(x_true) / (var(x_true) + noise²)


# --8<-- [start:plot]
def plot_residuals(x, y, ols, tls):
    """Left: OLS and its vertical residuals. Right: TLS and its
    perpendicular residuals."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 4), sharey=True)
    grid = np.linspace(x.min(), x.max(), 2)
    for ax, (m, c), name in zip(axes, [ols, tls], ["OLS", "TLS"]):
        if name == "OLS":
            foot_x, foot_y = x, m * x + c
        else:  # the foot of the perpendicular from each point
            t = (x + m * (y - c)) / (1 + m * m)
            foot_x, foot_y = t, m * t + c
        ax.plot(np.stack([x, foot_x]), np.stack([y, foot_y]),
                color="tab:red", lw=0.8)
        ax.scatter(x, y, s=12, color="black", zorder=3)
        ax.plot(grid, m * grid + c, color="tab:blue",
                label=f"{name}: y = {m:.2f}x + {c:.2f}")
        ax.plot(grid, TRUE_SLOPE * grid + TRUE_INTERCEPT, "--",
                color="grey", label="true: y = 2x + 1")
        ax.set(xlabel="x", title=f"{name} residuals", aspect="equal")
        ax.legend(loc="upper left", fontsize=8)
    axes[0].set_ylabel("y")
    fig.tight_layout()
# --8<-- [end:plot]


def main() -> LineFitResult:
    """Fit the same 40 noisy points four ways, then measure the bias of
    OLS and TLS on 100,000 points."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x, y = noisy_line(40, NOISE, NOISE, rng)
    ols, tls = ols_normal_equations(x, y), tls_closed_form(x, y)
    tape, fitted = fit_with_tape(x, y), fit_with_keras(x, y)
    print("slope, intercept")
    for name, theta in [("OLS", ols), ("TLS", tls),
                        ("GradientTape", tape), ("Keras Dense", fitted)]:
        print(f"{name:<13} {theta[0]:.4f} {theta[1]:.4f}")
    big_n = 100_000
    xb, yb = noisy_line(big_n, NOISE, NOISE, rng)
    xy, yy = noisy_line(big_n, 0.0, NOISE, rng)
    var_x = 4 ** 2 / 12  # variance of uniform(-2, 2)
    plot_residuals(x, y, ols, tls)
    plt.show()
    return LineFitResult(
        num_points=len(x), ols=ols, ols_lstsq=ols_lstsq(x, y), tls=tls,
        tls_svd=tls_svd(x, y), tape=tape, keras=fitted,
        ols_slope=float(ols[0]), ols_intercept=float(ols[1]),
        tls_slope=float(tls[0]), tls_intercept=float(tls[1]),
        tape_slope=float(tape[0]), tape_intercept=float(tape[1]),
        keras_slope=float(fitted[0]), keras_intercept=float(fitted[1]),
        tape_vs_ols=float(np.abs(tape - ols).max()),
        keras_vs_ols=float(np.abs(fitted - ols).max()), big_n=big_n,
        big_ols_slope_xy=float(ols_normal_equations(xb, yb)[0]),
        big_tls_slope_xy=float(tls_closed_form(xb, yb)[0]),
        big_ols_slope_y=float(ols_normal_equations(xy, yy)[0]),
        big_tls_slope_y=float(tls_closed_form(xy, yy)[0]),
        attenuation=var_x / (var_x + NOISE ** 2))


if __name__ == "__main__":
    main()
