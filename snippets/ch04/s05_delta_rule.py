"""The delta rule (Widrow-Hoff) on one linear neuron: AND and OR are
learnt, XOR is not.

Section: 4-5 Adjusting weights: the delta rule
Figure: s05_delta_rule_surfaces.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch04.s03_forward_pass import XOR_X

TARGETS = {"AND": np.array([0.0, 0.0, 0.0, 1.0]),
           "OR": np.array([0.0, 1.0, 1.0, 1.0]),
           "XOR": np.array([0.0, 1.0, 1.0, 0.0])}
LR = 0.1
NUM_EPOCHS = 1000


# --8<-- [start:delta]
def delta_rule(x, t, lr=LR, num_epochs=NUM_EPOCHS):
    """Fit y = x @ w + b by gradient descent on E = sum((t - y)**2) / 2.
    Each epoch: w += lr * sum over patterns of (t - y) * x."""
    w, b = np.zeros(x.shape[1]), 0.0
    errors = []
    for _ in range(num_epochs):
        y = x @ w + b
        delta = t - y                 # one error per pattern
        errors.append(0.5 * np.sum(delta ** 2))
        w = w + lr * x.T @ delta      # the delta rule
        b = b + lr * np.sum(delta)
    return w, b, np.array(errors)
# --8<-- [end:delta]


def plot_surfaces(fits):
    """The neuron's output over the unit square, the points coloured by
    their target, and the boundary y = 0.5 where there is one."""
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.3), sharey=True)
    grid = np.linspace(-0.25, 1.25, 121)
    g1, g2 = np.meshgrid(grid, grid)
    for ax, (name, (w, b, _)) in zip(axes, fits.items()):
        y = w[0] * g1 + w[1] * g2 + b
        image = ax.contourf(g1, g2, y, levels=np.linspace(-0.5, 1.5, 21),
                            cmap="RdBu_r", extend="both")
        if np.ptp(y) > 1e-6:
            ax.contour(g1, g2, y, levels=[0.5], colors="k")
        t = TARGETS[name]
        ax.scatter(*XOR_X.T, c=np.where(t > 0.5, "#d62728", "white"),
                   edgecolors="k", s=80, zorder=3)
        ax.set(title=name, xlabel="x₁", aspect="equal")
    axes[0].set_ylabel("x₂")
    fig.colorbar(image, ax=axes, shrink=0.8, label="output y")
    return fig


def main() -> dict:
    """Train the neuron on the three truth tables; compare each fit with
    the least-squares solution; draw the outputs."""
    # --8<-- [start:run]
    fits = {name: delta_rule(XOR_X, t) for name, t in TARGETS.items()}
    for name, (w, b, errors) in fits.items():
        y = XOR_X @ w + b
        print(f"{name:>3}: w = {np.round(w, 3) + 0.0}, b = {b:+.3f}, "
              f"outputs {np.round(y, 3) + 0.0}")
    # --8<-- [end:run]
    plot_surfaces(fits)
    plt.show()
    out = {"lr": LR, "num_epochs": NUM_EPOCHS}
    for name, (w, b, errors) in fits.items():
        y = XOR_X @ w + b
        key = name.lower()
        out[f"{key}_w1"], out[f"{key}_w2"] = float(w[0]), float(w[1])
        out[f"{key}_b"] = float(b)
        out[f"{key}_error"] = float(errors[-1])
        out[f"{key}_correct"] = int(np.sum((y > 0.5) == (TARGETS[name]
                                                          > 0.5)))
        out[f"{key}_spread"] = float(np.ptp(y))
    return out


if __name__ == "__main__":
    main()
