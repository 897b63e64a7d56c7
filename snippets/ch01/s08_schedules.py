"""Plot four keras.optimizers.schedules learning-rate curves.

Section: 1-8 (Stochastic) gradient descent
Figure: s08_schedules.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np


# --8<-- [start:schedules]
def make_schedules(lr=0.1):
    """Four ways to anneal an initial learning rate of 0.1."""
    s = keras.optimizers.schedules
    return {
        "ExponentialDecay(0.1, 200, 0.5)":
            s.ExponentialDecay(lr, decay_steps=200, decay_rate=0.5),
        "… staircase=True":
            s.ExponentialDecay(lr, decay_steps=200, decay_rate=0.5,
                               staircase=True),
        "PiecewiseConstantDecay([300, 600], [0.1, 0.05, 0.01])":
            s.PiecewiseConstantDecay(boundaries=[300, 600],
                                     values=[lr, lr / 2, lr / 10]),
        "CosineDecay(0.1, 1000)":
            s.CosineDecay(lr, decay_steps=1000),
        "InverseTimeDecay(0.1, 100, 1.0)":
            s.InverseTimeDecay(lr, decay_steps=100, decay_rate=1.0),
    }
# --8<-- [end:schedules]


def main() -> dict:
    """Evaluate each schedule at steps 0..1000 and draw the curves."""
    steps = np.arange(0, 1001)
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    styles = ["-", "--", "-", "-", "-"]
    colors = ["#1f77b4", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"]
    results = {}
    keys = ["exponential", "exponential_staircase", "piecewise", "cosine",
            "inverse_time"]
    for key, style, color, (name, schedule) in zip(
            keys, styles, colors, make_schedules().items()):
        values = np.asarray(schedule(steps), dtype=np.float64)
        ax.plot(steps, values, style, color=color, lw=1.6, label=name)
        results[f"{key}_500"] = float(values[500])
        print(f"{name:55s} lr(500) = {values[500]:.4f}")
    ax.set(xlabel="optimizer step (optimizer.iterations)",
           ylabel="learning rate")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    plt.show()
    return results


if __name__ == "__main__":
    main()
