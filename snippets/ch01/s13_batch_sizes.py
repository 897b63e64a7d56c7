"""Train one model with batch sizes 1, 10 and 100; compare loss and time.

Then find where the late jumps come from: the same number of updates
with plain mini-batch SGD, mini-batch RMSprop and full-batch RMSprop.

Section: 1-13 Stochastic, batch and mini-batch updates
Figure: s13_batch_sizes.svg, s13_batch_sizes_cause.svg
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
# The cause of the jumps: three runs of the same number of updates.
NUM_UPDATES = 3000
STEPS_PER_CHECK = 25           # whole-table loss every 25 updates
UPDATES_PER_EPOCH = 500        # Keras's epochs only group the updates
SGD_LEARNING_RATE = 0.005      # stable for every batch of 10 rows
CAUSE_RUNS = {                 # name: (optimizer, learning rate, batch)
    "SGD, batch size 10": ("sgd", SGD_LEARNING_RATE, 10),
    "RMSprop, batch size 10": ("rmsprop", 0.05, 10),
    "RMSprop, full batch": ("rmsprop", 0.05, 100),
}
CAUSE_COLORS = ("#1f77b4", "#d62728", "#2ca02c")


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


# --8<-- [start:cause]
class LossEveryExecution(keras.callbacks.Callback):
    """The MSE on all rows after every call of the compiled train step.

    One call runs steps_per_execution updates: a loss every 25 here.
    """

    def __init__(self, data_x, y):
        super().__init__()
        self.data_x = data_x.astype("float32")
        self.y = y.astype("float32")
        self.losses = []

    def whole_loss(self):
        """w1·x² + w2·x + b in NumPy: cheaper than calling the model."""
        kernel, bias = self.model.layers[0].get_weights()
        y_hat = self.data_x @ kernel[:, 0] + bias[0]
        return float(np.mean((y_hat - self.y) ** 2))

    def on_train_begin(self, logs=None):
        self.losses = [self.whole_loss()]

    def on_train_batch_end(self, batch, logs=None):
        self.losses.append(self.whole_loss())


def train_for_updates(data_x, y, optimizer, learning_rate, batch_size,
                      num_updates=NUM_UPDATES):
    """Same model and start; a fixed number of updates of one kind."""
    keras.utils.set_random_seed(SEED)  # same initial weights each time
    model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])
    model.compile(loss="mse", steps_per_execution=STEPS_PER_CHECK,
                  optimizer=optimizers.get({
                      "class_name": optimizer,
                      "config": {"learning_rate": learning_rate}}))
    batches = shuffled_batches(data_x, y, batch_size, seed=SEED).repeat()
    monitor = LossEveryExecution(data_x, y)
    model.fit(batches, epochs=num_updates // UPDATES_PER_EPOCH,
              steps_per_epoch=UPDATES_PER_EPOCH, verbose=0,
              shuffle=False, callbacks=[monitor])
    return monitor.losses
# --8<-- [end:cause]


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


def plot_cause(cause_runs):
    """Whole-table loss against updates for the three cause runs."""
    fig, ax = plt.subplots(figsize=(7, 3.6))
    for (name, losses), color in zip(cause_runs.items(), CAUSE_COLORS):
        updates = np.arange(len(losses)) * STEPS_PER_CHECK
        ax.semilogy(updates, losses, color=color, lw=1.1, label=name)
    ax.set(xlabel="update", ylabel="MSE on all 100 rows (log scale)",
           title="Same data, same start: which runs settle")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    fig.tight_layout()


def summarise_cause(cause_runs):
    """Final, smallest and late-range losses of each cause run."""
    summary = {}
    for key, (name, losses) in zip(("sgd_10", "rmsprop_10",
                                    "rmsprop_full"), cause_runs.items()):
        late = losses[len(losses) // 2:]  # the second half of the updates
        summary.update({
            f"cause_losses_{key}": losses,
            f"cause_final_{key}": losses[-1],
            f"cause_min_{key}": min(losses),
            f"cause_late_max_{key}": max(late),
            f"cause_late_min_{key}": min(late),
        })
    return summary


def main() -> dict:
    """Run the three batch sizes and report loss and time per epoch."""
    keras.utils.set_random_seed(SEED)
    x, y = quadratic_table()
    data_x = np.stack([x * x, x]).T
    runs = {b: train_with_batch_size(data_x, y, b) for b in BATCH_SIZES}
    plot_runs(runs)
    cause_runs = {name: train_for_updates(data_x, y, *settings)
                  for name, settings in CAUSE_RUNS.items()}
    plot_cause(cause_runs)
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
    result.update(summarise_cause(cause_runs))
    result.update(num_updates=NUM_UPDATES, steps_per_check=STEPS_PER_CHECK,
                  sgd_learning_rate=SGD_LEARNING_RATE)
    result["ms_per_epoch_arrays_10"] = ms_per_epoch_from_arrays(data_x, y)
    result["epoch_time_ratio"] = (result["ms_per_epoch_1"]
                                  / result["ms_per_epoch_100"])
    for b in BATCH_SIZES:
        print(f"batch size {b:3d}: {result[f'updates_{b}']:5d} updates, "
              f"final loss {result[f'final_loss_{b}']:.4g}")
    for name, losses in cause_runs.items():
        print(f"{name:23s}: after {NUM_UPDATES} updates, "
              f"loss {losses[-1]:.3g}")
    return result


if __name__ == "__main__":
    main()
