"""Kohonen's self-organising map: a 10 × 10 grid of prototypes unfolds
over points drawn uniformly from the unit square.

Section: 4-13 Self-organising maps
Figure: s13_som_unfolding.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

SEED = 13
ROWS = COLS = 10
NUM_STEPS = 4000
SIGMA0, ALPHA0 = 5.0, 0.5   # starting radius (grid units) and rate
SIGMA_END, ALPHA_END = 0.5, 0.01


# --8<-- [start:schedule]
def schedule(step, num_steps=NUM_STEPS):
    """Radius and rate fall exponentially from their start to their end
    values over the run: sigma(t) = sigma0 · (sigma_end / sigma0)^(t/T)."""
    f = step / num_steps
    return (SIGMA0 * (SIGMA_END / SIGMA0) ** f,
            ALPHA0 * (ALPHA_END / ALPHA0) ** f)
# --8<-- [end:schedule]


# --8<-- [start:step]
GRID = np.array([(r, c) for r in range(ROWS) for c in range(COLS)], float)


def som_step(prototypes, x, sigma, alpha):
    """One Kohonen update: find the best-matching unit (BMU), then move
    every unit toward x by alpha · h, where h is a Gaussian of its grid
    distance to the BMU (1 at the BMU, small far away)."""
    bmu = int(np.argmin(np.sum((prototypes - x) ** 2, axis=1)))
    grid_d2 = np.sum((GRID - GRID[bmu]) ** 2, axis=1)
    h = np.exp(-grid_d2 / (2 * sigma ** 2))
    return prototypes + alpha * h[:, None] * (x - prototypes), bmu
# --8<-- [end:step]


def quantisation_error(prototypes, xs):
    """Mean distance from each input to its nearest prototype."""
    d2 = np.sum((xs[:, None, :] - prototypes[None]) ** 2, axis=2)
    return float(np.sqrt(d2.min(axis=1)).mean())


@dataclass
class SomResult:
    """What the 4-13 page quotes."""

    num_units: int
    num_steps: int
    snapshot_steps: list
    quantisation_errors: list  # at each snapshot, on held-out points
    qe_start: float
    qe_end: float
    sigma_start: float
    sigma_end: float
    alpha_start: float
    alpha_end: float


def main() -> SomResult:
    rng = np.random.default_rng(SEED)
    # --8<-- [start:train]
    prototypes = 0.45 + 0.1 * rng.random((ROWS * COLS, 2))  # a small clump
    test = rng.random((1000, 2))
    snapshots, errors, steps = [], [], [0, 100, 300, 1000, 2000, NUM_STEPS]
    for step in range(NUM_STEPS + 1):
        if step in steps:
            snapshots.append(prototypes)
            errors.append(quantisation_error(prototypes, test))
        if step == NUM_STEPS:
            break
        sigma, alpha = schedule(step)
        prototypes, _ = som_step(prototypes, rng.random(2), sigma, alpha)
    print("quantisation error:", [round(e, 3) for e in errors])
    # --8<-- [end:train]
    fig, axes = plt.subplots(2, 3, figsize=(7, 5))
    for ax, step, w in zip(axes.flat, steps, snapshots):
        net = w.reshape(ROWS, COLS, 2)
        ax.plot(net[..., 0], net[..., 1], color="tab:blue", lw=0.8)
        ax.plot(net[..., 0].T, net[..., 1].T, color="tab:blue", lw=0.8)
        ax.set(xlim=(-0.05, 1.05), ylim=(-0.05, 1.05), aspect="equal",
               xticks=[], yticks=[], title=f"step {step}")
    fig.tight_layout()
    plt.show()
    s0, a0 = schedule(0)
    s1, a1 = schedule(NUM_STEPS)
    return SomResult(num_units=ROWS * COLS, num_steps=NUM_STEPS,
                     snapshot_steps=steps, quantisation_errors=errors,
                     qe_start=errors[0], qe_end=errors[-1],
                     sigma_start=s0, sigma_end=s1, alpha_start=a0,
                     alpha_end=a1)


if __name__ == "__main__":
    main()
