"""Fit y = 2x² + 3x + 5 with a Keras Sequential model and RMSprop.

Section: 1-14 Quadratic fit in Keras, Sequential
Practice: 1-5.이차방정식(keras_1).py
Figure: s14_plot_sequential_loss.svg
"""
from pathlib import Path

import keras
import numpy as np
from keras import layers, optimizers

from snippets.common.data import quadratic_table, shuffled_batches
from snippets.common.fits import KerasFit
from snippets.common.plotting import plot_loss_history, save_or_show

SEED = 14


# --8<-- [start:data]
x, y = quadratic_table()            # 100 points, x from -5 to 4.9
data_x = np.stack([x * x, x]).T     # features: one row [x², x] per point
# --8<-- [end:data]


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


def main(out_dir: Path | None = None) -> KerasFit:
    """Train with the course's settings, print the estimate, draw the loss."""
    keras.utils.set_random_seed(SEED)
    fit = train_sequential(data_x, y, batch_size=10, num_epochs=300)
    print("Estimated:")
    print(f"w1 = {fit.w1:.2f}")
    print(f"w2 = {fit.w2:.2f}")
    print(f"b = {fit.b:.2f}")
    print(f"final loss = {fit.final_loss:.4f}")
    fig = plot_loss_history(fit.loss_history)
    save_or_show(fig, out_dir, "s14_plot_sequential_loss.svg")
    return fit


if __name__ == "__main__":
    main()
