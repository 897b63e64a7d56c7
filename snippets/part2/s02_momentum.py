"""Part II, page 2: momentum done right, the notes' loop fixed.

Gradient descent with and without momentum on a narrow valley, checked
against keras.optimizers.SGD.

Section: II-2 Backpropagation and the chain rule
"""
from dataclasses import dataclass, field
from pathlib import Path

import keras
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


def main(out_dir: Path | None = None) -> MomentumRace:
    """Race the loops from the same start; check them against Keras."""
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
    steps = {f"steps_{k}": len(p) - 1 for k, p in paths.items()}
    return MomentumRace(**steps, keras_max_diff=diff, paths=paths)


if __name__ == "__main__":
    main()
