"""Fit y = 2x² + 3x + 5 with a Keras Functional model and Adam.

Section: 1-15 Quadratic fit in Keras, Functional
Practice: 1-6.이차방정식(keras_2).py
Figure: s15_plot_functional_loss.svg
"""
from pathlib import Path

import keras
import numpy as np
from keras import layers, optimizers

from snippets.common.data import quadratic_table, shuffled_batches
from snippets.common.fits import KerasFit
from snippets.common.plotting import plot_loss_history, save_or_show

SEED = 15


x, y = quadratic_table()            # 100 points, x from -5 to 4.9
data_x = np.stack([x * x, x]).T     # features: one row [x², x] per point


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


def main(out_dir: Path | None = None) -> KerasFit:
    """Train with the course's settings, print the estimate, draw the loss."""
    keras.utils.set_random_seed(SEED)
    fit = train_functional(data_x, y, batch_size=10, num_epochs=300)
    print("Estimated:")
    print(f"w1 = {fit.w1:.2f}")
    print(f"w2 = {fit.w2:.2f}")
    print(f"b = {fit.b:.2f}")
    print(f"final loss = {fit.final_loss:.2e}")
    fig = plot_loss_history(fit.loss_history)
    save_or_show(fig, out_dir, "s15_plot_functional_loss.svg")
    return fit


if __name__ == "__main__":
    main()
