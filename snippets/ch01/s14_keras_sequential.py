"""Fit y = 2x² + 3x + 5 with a Keras Sequential model and RMSprop.

Section: 1-14 Quadratic fit in Keras, Sequential
Practice: 1-5.이차방정식(keras_1).py
Figure: s14_keras_sequential_loss.svg
"""

# %% [markdown]
# # Practice 1-5: the quadratic fit in Keras, Sequential
#
# The data and the three coefficients of practice 1-1, but no variables,
# tape or update rule written by hand: one `Dense` unit computes
# $w_1 x^2 + w_2 x + b$ from the features $[x^2, x]$, and `fit` trains it
# with RMSprop (learning rate 0.05) on mini-batches of 10 rows, for 300
# epochs.

# %%
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from keras import layers, optimizers

SEED = 14


@dataclass
class KerasFit:
    """Learned y = w1·x² + w2·x + b and the loss (MSE) of every epoch."""

    w1: float
    w2: float
    b: float
    loss_history: list[float]
    first_layer: str = ""  # type of model.layers[0]
    first_loss: float = field(init=False)
    final_loss: float = field(init=False)
    previous_loss: float = field(init=False)  # the epoch before the last
    min_loss: float = field(init=False)
    max_late_loss: float = field(init=False)  # worst of epochs 101-300
    epochs_to_below_1: int = field(init=False)  # first epoch under 1, or 0

    def __post_init__(self):
        loss = self.loss_history
        self.first_loss, self.final_loss = loss[0], loss[-1]
        self.previous_loss, self.min_loss = loss[-2], min(loss)
        self.max_late_loss = max(loss[100:])
        self.epochs_to_below_1 = next(
            (epoch for epoch, v in enumerate(loss, start=1) if v < 1), 0)


# %% [markdown]
# ## The data
#
# A `Dense` layer is linear in its inputs, so it gets two numbers per
# point, $x^2$ and $x$.

# %%
# --8<-- [start:data]
x = np.arange(-5, 5, 0.1)           # 100 points, x from -5 to 4.9
y = 2 * x * x + 3 * x + 5
data_x = np.stack([x * x, x]).T     # features: one row [x², x] per point
# --8<-- [end:data]


def shuffled_batches(features, targets, batch_size, seed):
    """Reshuffle the rows every epoch and cut them into batches."""
    rows = (features.astype("float32"), targets.astype("float32"))
    return (tf.data.Dataset.from_tensor_slices(rows)
            .shuffle(len(targets), seed=seed).batch(batch_size))


# %% [markdown]
# ## The model and its training

# %%
# --8<-- [start:train]
def train_sequential(data_x, y, batch_size=10, num_epochs=300):
    """One Dense unit computes w1·x² + w2·x + b; RMSprop moves it."""
    batches = shuffled_batches(data_x, y, batch_size, seed=SEED)
    model = keras.Sequential([
        keras.Input(shape=(2,)),    # two features per row
        layers.Dense(1),            # weights [w1, w2] and bias b
    ])
    model.compile(loss="mse",
                  optimizer=optimizers.RMSprop(learning_rate=0.05),
                  steps_per_execution=10)  # 10 steps per call: faster
    history = model.fit(batches, epochs=num_epochs, verbose=0,
                        shuffle=False)  # the pipeline already shuffles
    kernel, bias = model.layers[0].get_weights()  # shapes (2, 1), (1,)
    return KerasFit(float(kernel[0, 0]), float(kernel[1, 0]),
                    float(bias[0]), history.history["loss"],
                    type(model.layers[0]).__name__)
# --8<-- [end:train]


# %%
def main() -> KerasFit:
    """Train with the course's settings, print the estimate, draw the loss."""
    keras.utils.set_random_seed(SEED)
    fit = train_sequential(data_x, y, batch_size=10, num_epochs=300)
    print("Estimated:")
    print(f"w1 = {fit.w1:.2f}")
    print(f"w2 = {fit.w2:.2f}")
    print(f"b = {fit.b:.2f}")
    print(f"final loss = {fit.final_loss:.4f}")
    fig, ax = plt.subplots(figsize=(6, 3.4))
    ax.semilogy(np.arange(1, len(fit.loss_history) + 1), fit.loss_history,
                color="#d62728", lw=1)
    ax.set(title="Loss function", xlabel="epoch",
           ylabel="MSE loss (log scale)")
    ax.grid(alpha=0.3, which="both")
    plt.show()
    return fit


if __name__ == "__main__":
    main()
