"""Fit y = 2x² + 3x + 5 with a Keras Functional model and Adam.

Section: 1-15 Quadratic fit in Keras, Functional
Practice: 1-6.이차방정식(keras_2).py
Figure: s15_keras_functional_loss.svg
"""

# %% [markdown]
# # Practice 1-6: the quadratic fit in Keras, Functional
#
# Practice 1-5 again, with the model wired by the Functional API
# (`keras.Input` and `keras.Model`) and trained with Adam (learning rate
# 0.05) on mini-batches of 10 rows, for 300 epochs.

# %%
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from keras import layers, optimizers

SEED = 15


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

    def __post_init__(self):
        loss = self.loss_history
        self.first_loss, self.final_loss = loss[0], loss[-1]
        self.previous_loss, self.min_loss = loss[-2], min(loss)
        self.max_late_loss = max(loss[100:])


# %% [markdown]
# ## The data
#
# The features $[x^2, x]$ of each of the 100 points, as in practice 1-5.

# %%
x = np.arange(-5, 5, 0.1)           # 100 points, x from -5 to 4.9
y = 2 * x * x + 3 * x + 5
data_x = np.stack([x * x, x]).T     # features: one row [x², x] per point


def shuffled_batches(features, targets, batch_size, seed):
    """Reshuffle the rows every epoch and cut them into batches."""
    rows = (features.astype("float32"), targets.astype("float32"))
    return (tf.data.Dataset.from_tensor_slices(rows)
            .shuffle(len(targets), seed=seed).batch(batch_size))


# %% [markdown]
# ## The model and its training

# %%
# --8<-- [start:train]
def train_functional(data_x, y, batch_size=10, num_epochs=300):
    """The same single Dense unit, wired with keras.Input/keras.Model."""
    batches = shuffled_batches(data_x, y, batch_size, seed=SEED)
    x_input = keras.Input(shape=(data_x.shape[1],))
    y_output = layers.Dense(1, name="dense")(x_input)
    model = keras.Model(x_input, y_output)
    model.compile(loss="mse",
                  optimizer=optimizers.Adam(learning_rate=0.05),
                  steps_per_execution=10)  # 10 steps per call: faster
    history = model.fit(batches, epochs=num_epochs, verbose=0,
                        shuffle=False)  # the pipeline already shuffles
    # model.layers[0] is the InputLayer: ask for the Dense layer by name.
    kernel, bias = model.get_layer("dense").get_weights()
    return KerasFit(float(kernel[0, 0]), float(kernel[1, 0]),
                    float(bias[0]), history.history["loss"],
                    type(model.layers[0]).__name__)
# --8<-- [end:train]


# %%
def main() -> KerasFit:
    """Train with the course's settings, print the estimate, draw the loss."""
    keras.utils.set_random_seed(SEED)
    fit = train_functional(data_x, y, batch_size=10, num_epochs=300)
    print("Estimated:")
    print(f"w1 = {fit.w1:.2f}")
    print(f"w2 = {fit.w2:.2f}")
    print(f"b = {fit.b:.2f}")
    print(f"final loss = {fit.final_loss:.2e}")
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
