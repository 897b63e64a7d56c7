"""Train one model with batch sizes 1, 10 and 100; compare loss and time.

Section: 1-13 Stochastic, batch and mini-batch updates
Figure: s13_batch_sizes.svg
"""
import time

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers, optimizers

from snippets.common.data import quadratic_table, shuffled_batches

SEED = 13
BATCH_SIZES = (1, 10, 100)
NUM_EPOCHS = 30
COLORS = {1: "#d62728", 10: "#1f77b4", 100: "#2ca02c"}


# --8<-- [start:monitor]
class WholeTableLoss(keras.callbacks.Callback):
    """After every epoch, the MSE on all 100 rows and the training time.

    Keras's own per-epoch "loss" averages the batches of the epoch, each
    measured with different weights; this measures the same thing for
    every batch size. Only the time inside epochs is counted.
    """

    def __init__(self, data_x, y):
        super().__init__()
        self.data_x = data_x.astype("float32")
        self.y = y.astype("float32")
        self.losses, self.seconds = [], [0.0]

    def whole_loss(self):
        y_hat = self.model(self.data_x, training=False).numpy()[:, 0]
        return float(np.mean((y_hat - self.y) ** 2))

    def on_train_begin(self, logs=None):
        self.losses = [self.whole_loss()]

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        elapsed = time.perf_counter() - self.start
        self.seconds.append(self.seconds[-1] + elapsed)
        self.losses.append(self.whole_loss())
# --8<-- [end:monitor]


# --8<-- [start:train]
def train_with_batch_size(data_x, y, batch_size, num_epochs=NUM_EPOCHS):
    """Same model, optimizer and start for every batch size."""
    keras.utils.set_random_seed(SEED)  # same initial weights each time
    model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])
    model.compile(loss="mse",
                  optimizer=optimizers.RMSprop(learning_rate=0.05))
    batches = shuffled_batches(data_x, y, batch_size, seed=SEED)
    monitor = WholeTableLoss(data_x, y)
    model.fit(batches, epochs=num_epochs, verbose=0, shuffle=False,
              callbacks=[monitor])
    return monitor.losses, monitor.seconds
# --8<-- [end:train]


def ms_per_epoch_from_arrays(data_x, y, batch_size=10, num_epochs=10):
    """Time per epoch when fit gets NumPy arrays instead of a pipeline."""
    keras.utils.set_random_seed(SEED)
    model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])
    model.compile(loss="mse",
                  optimizer=optimizers.RMSprop(learning_rate=0.05))
    monitor = WholeTableLoss(data_x, y)
    model.fit(data_x, y, batch_size=batch_size, epochs=num_epochs,
              verbose=0, callbacks=[monitor])
    return 1000 * (monitor.seconds[-1] - monitor.seconds[1]) / (
        num_epochs - 1)


def plot_runs(runs):
    """Whole-table loss against epochs (left) and seconds (right)."""
    fig, (ax_e, ax_t) = plt.subplots(1, 2, figsize=(9.5, 3.6), sharey=True)
    for batch_size, (losses, seconds) in runs.items():
        style = dict(color=COLORS[batch_size], lw=1.4,
                     label=f"batch size {batch_size}")
        ax_e.semilogy(range(len(losses)), losses, **style)
        ax_t.semilogy(seconds, losses, marker=".", ms=3, **style)
    ax_e.set(xlabel="epoch", ylabel="MSE on all 100 rows (log scale)",
             title="Loss per epoch")
    ax_t.set(xlabel="training time (seconds, this build's machine)",
             title="Loss per second of training")
    for ax in (ax_e, ax_t):
        ax.grid(alpha=0.3, which="both")
    ax_e.legend()
    fig.tight_layout()


def main() -> dict:
    """Run the three batch sizes and report loss and time per epoch."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    data_x = np.stack([x * x, x]).T
    runs = {b: train_with_batch_size(data_x, y, b) for b in BATCH_SIZES}
    plot_runs(runs)
    plt.show()
    result = {"num_epochs": NUM_EPOCHS, "initial_loss": runs[1][0][0]}
    for b, (losses, seconds) in runs.items():
        # Epoch 1 includes Keras tracing the train step: time from epoch 2.
        per_epoch = (seconds[-1] - seconds[1]) / (NUM_EPOCHS - 1)
        tail = losses[-10:]
        result.update({
            f"losses_{b}": losses,
            f"final_loss_{b}": losses[-1],
            # first epoch after which the loss is below 1 (0: never)
            f"epochs_to_below_1_{b}": next(
                (i for i, v in enumerate(losses) if v < 1), 0),
            f"min_loss_{b}": min(losses),
            f"tail_spread_{b}": max(tail) / min(tail),
            f"ms_per_epoch_{b}": 1000 * per_epoch,
            f"seconds_{b}": seconds[-1],
            f"updates_{b}": NUM_EPOCHS * len(y) // b,
        })
    result["ms_per_epoch_arrays_10"] = ms_per_epoch_from_arrays(data_x, y)
    result["epoch_time_ratio"] = (result["ms_per_epoch_1"]
                                  / result["ms_per_epoch_100"])
    for b in BATCH_SIZES:
        print(f"batch size {b:3d}: {result[f'updates_{b}']:5d} updates, "
              f"final loss {result[f'final_loss_{b}']:.4g}")
    return result


if __name__ == "__main__":
    main()
