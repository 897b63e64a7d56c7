"""Momentum done right, the notes' loop fixed, and the race drawn.

Gradient descent with and without momentum on a narrow valley, checked
against keras.optimizers.SGD; the figure shows the paths and the loss
per step.

Section: II-2 Backpropagation and the chain rule
Figure: s02_momentum_race.svg
"""
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 2
CURVATURE = np.array([1.0, 100.0])  # E = 0.5 * sum(CURVATURE * w**2)
W0 = np.array([-4.0, 0.4])
LR = 0.01


@dataclass
class MomentumRace:
    """Steps each loop needs to reach loss <= 0.01, and the paths."""

    steps_gd: int
    steps_memoryless_01: int
    steps_memoryless_09: int
    steps_momentum_01: int
    steps_nesterov_01: int
    steps_momentum_09: int
    steps_nesterov_09: int
    keras_max_diff: float  # our loops vs keras.optimizers.SGD
    paths: dict = field(default_factory=dict)


def loss_and_gradient(w):
    """The bowl E(w) = 0.5 (w1² + 100 w2²): steep in w2, flat in w1."""
    return 0.5 * np.sum(CURVATURE * w ** 2), CURVATURE * w


# --8<-- [start:loops]
def gradient_descent(w, lr, max_steps=1000):
    path = [w.copy()]
    for _ in range(max_steps):
        loss, gradient = loss_and_gradient(w)
        if loss <= 0.01:
            break
        w = w - lr * gradient
        path.append(w.copy())
    return np.array(path)


def momentum_descent(w, lr, momentum, nesterov=False, max_steps=1000):
    """Classic momentum (w += v) or Nesterov (w += m·v - lr·g)."""
    past_velocity = np.zeros_like(w)
    path = [w.copy()]
    for _ in range(max_steps):
        loss, gradient = loss_and_gradient(w)
        if loss <= 0.01:
            break
        velocity = momentum * past_velocity - lr * gradient
        if nesterov:
            w = w + momentum * velocity - lr * gradient
        else:
            w = w + velocity
        past_velocity = velocity          # the memory of past steps
        path.append(w.copy())
    return np.array(path)


def memoryless_descent(w, lr, momentum, max_steps=1000):
    """The notes' update with a velocity that never sees past_velocity."""
    path = [w.copy()]
    for _ in range(max_steps):
        loss, gradient = loss_and_gradient(w)
        if loss <= 0.01:
            break
        velocity = momentum * 0.0 - lr * gradient   # no past: always 0
        w = w + momentum * velocity - lr * gradient
        path.append(w.copy())
    return np.array(path)
# --8<-- [end:loops]


def keras_sgd_path(w, lr, momentum, nesterov, num_steps):
    """The same descent driven by keras.optimizers.SGD."""
    var = keras.Variable(w, dtype="float64")
    opt = keras.optimizers.SGD(learning_rate=lr, momentum=momentum,
                               nesterov=nesterov)
    path = [w.copy()]
    for _ in range(num_steps):
        _, gradient = loss_and_gradient(var.numpy())
        opt.apply_gradients([(keras.ops.convert_to_tensor(gradient), var)])
        path.append(var.numpy().copy())
    return np.array(path)


STYLE = {  # name: (label, colour)
    "gd": ("no momentum", "#7f7f7f"),
    "memoryless_09": ("notes' update, no memory, m = 0.9", "#d62728"),
    "momentum_01": ("momentum, m = 0.1 (the notes' value)", "#bcbd22"),
    "momentum_09": ("momentum, m = 0.9", "#1f77b4"),
    "nesterov_09": ("Nesterov, m = 0.9", "#2ca02c"),
}


def plot_race(paths):
    """Left: paths on the loss contours. Right: loss per step."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    w1, w2 = np.meshgrid(np.linspace(-4.5, 1, 221),
                         np.linspace(-0.5, 0.5, 201))
    loss = 0.5 * (CURVATURE[0] * w1 ** 2 + CURVATURE[1] * w2 ** 2)
    ax1.contour(w1, w2, loss, levels=np.geomspace(0.01, 20, 10),
                colors="#999999", linewidths=0.7)
    for name, (label, colour) in STYLE.items():
        path = paths[name]
        ax1.plot(path[:, 0], path[:, 1], ".-", ms=2, lw=0.8,
                 color=colour, label=label)
        losses = [loss_and_gradient(w)[0] for w in path]
        ax2.semilogy(losses, color=colour,
                     label=f"{label}: {len(path) - 1} steps")
    ax1.set(xlabel="w1 (flat direction)", ylabel="w2 (steep direction)",
            title="paths from (-4, 0.4) to the minimum (0, 0)")
    ax2.axhline(0.01, ls="--", lw=1, color="black")
    ax2.set(xlabel="step", ylabel="loss (log scale)",
            title="loss until it reaches 0.01 (dashed)")
    ax2.grid(alpha=0.3, which="both")
    ax2.legend(fontsize=8)
    fig.tight_layout()


def main() -> MomentumRace:
    """Race the loops from the same start, check them against Keras,
    and draw the race."""
    keras.utils.set_random_seed(SEED)
    paths = {
        "gd": gradient_descent(W0, LR),
        "memoryless_01": memoryless_descent(W0, LR, 0.1),
        "momentum_01": momentum_descent(W0, LR, 0.1),
        "nesterov_01": momentum_descent(W0, LR, 0.1, nesterov=True),
        "memoryless_09": memoryless_descent(W0, LR, 0.9),
        "momentum_09": momentum_descent(W0, LR, 0.9),
        "nesterov_09": momentum_descent(W0, LR, 0.9, nesterov=True),
    }
    # Keras keeps learning rate and momentum in float32: give our loop
    # the same rounded values, and the paths must agree to float64 noise.
    lr32, m32 = float(np.float32(LR)), float(np.float32(0.9))
    diff = 0.0
    for nesterov in [False, True]:
        ours = momentum_descent(W0, lr32, m32, nesterov=nesterov)
        theirs = keras_sgd_path(W0, lr32, m32, nesterov, len(ours) - 1)
        diff = max(diff, float(np.max(np.abs(ours - theirs))))
    for name, path in paths.items():
        print(f"{name:14s} {len(path) - 1:4d} steps to loss <= 0.01")
    print(f"largest |our loop - keras SGD| = {diff:.1e}")
    plot_race(paths)
    plt.show()
    steps = {f"steps_{k}": len(p) - 1 for k, p in paths.items()}
    return MomentumRace(**steps, keras_max_diff=diff, paths=paths)


if __name__ == "__main__":
    main()
