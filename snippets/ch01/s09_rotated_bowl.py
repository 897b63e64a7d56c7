"""Per-coordinate optimizers on bowls along the axes and turned by 45°.

Section: 1-9 Optimizers
Figure: s09_rotated_bowl.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch01.s09_optimizers_numpy import (
    GRADIENTS, SGD, Adagrad, Adam, RMSprop, run_numpy, tune)

KAPPAS = [1, 10, 100, 1000]
NUM_STEPS = 100
FLOOR = 1e-20  # smaller ratios are drawn on this line
METHODS = {"SGD": SGD, "Adagrad": Adagrad, "RMSprop": RMSprop,
           "Adam": Adam}


# --8<-- [start:bowl]
def turned_bowl(kappa, degrees):
    """f(θ) = θᵀHθ / 2 with curvatures 1 and kappa along axes turned by
    `degrees`, and a start at the same place relative to those axes."""
    angle = np.radians(degrees)
    turn = np.array([[np.cos(angle), -np.sin(angle)],
                     [np.sin(angle), np.cos(angle)]])
    hessian = turn @ np.diag([1.0, kappa]) @ turn.T

    def f(theta):
        return 0.5 * np.einsum("i...,ij,j...->...", theta, hessian, theta)

    GRADIENTS[f] = lambda theta: hessian @ theta
    return f, hessian, turn @ np.array([-4.0, 1.0])


def diagonal_condition(hessian):
    """κ after the best a per-coordinate method can do, rescaling each
    coordinate by its own curvature: cond(D^-1/2 H D^-1/2)."""
    scale = 1 / np.sqrt(np.diag(hessian))
    return float(np.linalg.cond(scale[:, None] * hessian * scale))
# --8<-- [end:bowl]


def race(degrees):
    """f after NUM_STEPS / f at the start, each method at its tuned α."""
    ratios = {name: [] for name in METHODS}
    for kappa in KAPPAS:
        f, _, theta0 = turned_bowl(kappa, degrees)
        for name, make in METHODS.items():
            lr = tune(make, f, theta0, NUM_STEPS)
            losses = run_numpy(make(lr), f, theta0, NUM_STEPS)[1]
            ratios[name].append(float(losses[-1] / losses[0]))
    return ratios


def main() -> dict:
    """Race on both families of bowls; draw the ratios against κ."""
    colors = ["#7f7f7f", "#2ca02c", "#ff7f0e", "#d62728"]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), sharey=True)
    result = {"num_steps": NUM_STEPS}
    for ax, degrees in zip(axes, [0, 45]):
        ratios = race(degrees)
        for color, (name, values) in zip(colors, ratios.items()):
            ax.loglog(KAPPAS, np.maximum(values, FLOOR), "-o",
                      color=color, lw=1.6, label=name)
            for kappa, value in zip(KAPPAS, values):
                result[f"{name.lower()}_{degrees}_{kappa}"] = value
        where = "along the axes" if degrees == 0 else "turned by 45°"
        ax.set(title=f"curvatures 1 and κ, {where}",
               xlabel="condition number κ", ylim=(FLOOR / 10, 10))
        ax.grid(alpha=0.3, which="both")
        _, hessian, _ = turned_bowl(1000, degrees)
        result[f"diagonal_kappa_{degrees}"] = diagonal_condition(hessian)
    axes[0].set_ylabel(f"f after {NUM_STEPS} steps / f at the start\n"
                       "(below 1e-20 drawn at 1e-20)")
    axes[0].legend()
    fig.tight_layout()
    plt.show()
    for key, value in result.items():
        print(f"{key:20s} {value:.2g}")
    return result


if __name__ == "__main__":
    main()
