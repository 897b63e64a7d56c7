"""Draw the quadratic fit's loss for gradient descent, momentum and Adam.

Section: 1-11 Quadratic fit with minimize()
Figure: s11_plot_adam.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch01.s07_quadratic_tape import train_quadratic_tape
from snippets.ch01.s10_quadratic_momentum import train_quadratic_optimizer
from snippets.ch01.s11_quadratic_adam import SEED, train_quadratic_adam
from snippets.common.data import quadratic_table
from snippets.common.plotting import save_or_show


def main(out_dir: Path | None = None) -> dict:
    """Three 300-epoch runs on the same table, one figure."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    plain = train_quadratic_tape(x, y, lr=0.01, num_epochs=300)
    sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.7)
    _, momentum = train_quadratic_optimizer(x, y, sgd, num_epochs=300)
    _, adam = train_quadratic_adam(x, y, lr=0.05, num_epochs=300)
    fig, ax = plt.subplots(figsize=(7.5, 4))
    epochs = np.arange(1, 301)
    ax.semilogy(epochs, plain.loss_history, color="#7f7f7f",
                label="gradient descent, lr 0.01 (1-7)")
    ax.semilogy(epochs, momentum, color="#1f77b4",
                label="SGD + momentum 0.7, lr 0.01 (1-10)")
    ax.semilogy(epochs, adam, color="#d62728", label="Adam, lr 0.05 (1-11)")
    ax.set(xlabel="epoch", ylabel="RMSE loss (log scale)")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    save_or_show(fig, out_dir, "s11_plot_adam.svg")
    return {"plain_final": plain.final_loss, "momentum_final": momentum[-1],
            "adam_final": adam[-1],
            "adam_tail_mean": float(np.mean(adam[-50:])),
            "momentum_tail_mean": float(np.mean(momentum[-50:]))}


if __name__ == "__main__":
    main()
