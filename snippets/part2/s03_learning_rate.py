"""Gradient descent on E(w) = 1.5 (w - 8)² with three learning rates.

How far each rate gets in four steps, and how many steps a rate ten
times smaller needs to come as close to the minimum.

Section: II-3 The vocabulary of training
"""
import math
from dataclasses import dataclass

TOLERANCE = 0.01  # "close enough": |w - 8| at most this


@dataclass
class LearningRateRun:
    """Steps to reach the tolerance, and their ratio."""

    tolerance: float
    steps_fast: int  # with lr = 0.1
    steps_slow: int  # with lr = 0.01
    step_ratio: float  # steps_slow / steps_fast
    contraction_fast: float  # 1 - 3 * 0.1: how each step scales w - 8
    contraction_slow: float  # 1 - 3 * 0.01
    log_ratio: float  # ln 0.7 / ln 0.97, the ratio for any tolerance
    diverges_at_1: bool  # lr = 1 never gets close


# --8<-- [start:gradient]
def gradient(w):          # E(w) = 1.5 (w - 8)**2, so dE/dw = 3 (w - 8)
    return 3 * (w - 8)
# --8<-- [end:gradient]


# --8<-- [start:steps]
def steps_to_reach(lr, w=10.0, tolerance=TOLERANCE, max_steps=10_000):
    """How many steps w <- w - lr * dE/dw takes until |w - 8| <=
    tolerance; None if it never gets there."""
    for step in range(max_steps + 1):
        if abs(w - 8) <= tolerance:
            return step
        w = w - lr * gradient(w)
        if not math.isfinite(w):
            return None
    return None
# --8<-- [end:steps]


def main() -> LearningRateRun:
    """Four steps with each rate, then the steps each needs to converge."""
    # --8<-- [start:path]
    print("dE/dw at w = 10:", gradient(10))
    for lr in [1, 0.1, 0.01]:
        w, path = 10.0, []
        for step in range(4):
            w = w - lr * gradient(w)
            path.append(f"{w:.3f}")
        print(f"lr = {lr:<4}: 10 -> " + " -> ".join(path))
    # --8<-- [end:path]
    # --8<-- [start:compare]
    fast, slow = steps_to_reach(0.1), steps_to_reach(0.01)
    print(f"|w - 8| <= 0.01 after {fast} steps with lr = 0.1, "
          f"{slow} with lr = 0.01")
    print(f"ratio of steps: {slow / fast:.1f}; "
          f"ln(0.7) / ln(0.97) = {math.log(0.7) / math.log(0.97):.1f}")
    # --8<-- [end:compare]
    return LearningRateRun(
        tolerance=TOLERANCE, steps_fast=fast, steps_slow=slow,
        step_ratio=slow / fast, contraction_fast=1 - 3 * 0.1,
        contraction_slow=1 - 3 * 0.01,
        log_ratio=math.log(1 - 3 * 0.1) / math.log(1 - 3 * 0.01),
        diverges_at_1=steps_to_reach(1) is None)


if __name__ == "__main__":
    main()
