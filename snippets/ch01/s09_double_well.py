"""A double well: plain descent stops in the nearer well, momentum rolls on.

Section: 1-9 Optimizers
Figure: s09_double_well.svg
"""
import matplotlib.pyplot as plt
import numpy as np

START, NUM_STEPS = 2.0, 200


# --8<-- [start:well]
def well(x):
    """(x² - 1)² + 0.3x: a shallow well near x = 0.96 and a deeper one
    near x = -1.04, with a hump near x = 0.08 between them."""
    return (x * x - 1) ** 2 + 0.3 * x


def well_grad(x):
    return 4 * x * (x * x - 1) + 0.3


def descend(lr, beta, x=START, num_steps=NUM_STEPS):
    """Heavy-ball momentum (beta = 0: plain descent); all iterates."""
    xs, velocity = [x], 0.0
    for _ in range(num_steps):
        velocity = beta * velocity - lr * well_grad(x)
        x = x + velocity
        xs.append(x)
    return np.array(xs)
# --8<-- [end:well]


def minima():
    """The two minima and the hump: the real roots of well_grad."""
    roots = np.roots([4.0, 0.0, -4.0, 0.3])
    return np.sort(roots.real)


RUNS = {"plain descent (α 0.01)": (0.01, 0.0),
        "momentum (α 0.01, β 0.9)": (0.01, 0.9)}


def main() -> dict:
    """Both runs from x = 2: the well each ends in, and a figure."""
    deep, hump, shallow = minima()
    fig, (ax, ax_x) = plt.subplots(1, 2, figsize=(10, 3.8))
    grid = np.linspace(-1.8, 2.1, 300)
    ax.plot(grid, well(grid), color="#bbbbbb", lw=2)
    result = {"deep": float(deep), "hump": float(hump),
              "shallow": float(shallow)}
    for (name, (lr, beta)), color, key in zip(
            RUNS.items(), ["#7f7f7f", "#1f77b4"], ["plain", "momentum"]):
        xs = descend(lr, beta)
        ax.plot(xs, well(xs), ".-", color=color, ms=4, lw=0.8,
                label=name)
        ax_x.plot(xs, color=color, lw=1.6, label=name)
        result[f"{key}_final"] = float(xs[-1])
        result[f"{key}_lowest"] = float(xs.min())
        print(f"{name:26s} ends at x = {xs[-1]:+.4f}")
    # Less and more momentum, run to a standstill (figure: not drawn).
    result["less_momentum_final"] = float(descend(0.01, 0.5)[-1])
    result["more_momentum_final"] = float(
        descend(0.01, 0.95, num_steps=2000)[-1])
    ax.plot(START, well(START), "ko", ms=6)
    ax.set(xlabel="x", ylabel="f(x) = (x² − 1)² + 0.3x",
           title="paths from x = 2")
    ax.legend(loc="upper center", fontsize=9)
    for x_min in (deep, shallow):
        ax_x.axhline(x_min, color="#bbbbbb", ls="--", lw=1)
    ax_x.axhline(hump, color="#d62728", ls=":", lw=1, label="the hump")
    ax_x.set(xlabel="step", ylabel="x", title="x against step")
    ax_x.legend(fontsize=9)
    for a in (ax, ax_x):
        a.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    return result


if __name__ == "__main__":
    main()
