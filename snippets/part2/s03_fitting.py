"""Under- and over-fitting, and what Dropout changes.

Training vs validation loss of three small models on a noisy sine: the
loss curves, then the fitted functions.

Section: II-3 The vocabulary of training
Figure: s03_fitting_curves.svg, s03_fitting_fits.svg
"""
from dataclasses import dataclass, field

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 3
NUM_EPOCHS = 300


@dataclass
class FittingRun:
    """Train/validation MSE of each model at the end and at best."""

    n_train: int
    n_val: int
    noise_mse: float  # the noise variance: the best any model can do
    linear_train: float
    linear_val: float
    big_train: float
    big_val: float
    big_best_val: float
    big_best_epoch: int
    dropout_train: float
    dropout_val: float
    dropout_best_val: float
    histories: dict = field(default_factory=dict)
    predictions: dict = field(default_factory=dict)


def make_noisy_sine(rng, n=50, noise=0.3):
    """n points x ~ U(-1, 1), y = sin(3x) + N(0, noise²), in random order."""
    x = rng.uniform(-1, 1, (n, 1)).astype("float32")
    y = np.sin(3 * x) + rng.normal(0, noise, (n, 1)).astype("float32")
    return x, y


# --8<-- [start:models]
def linear_model():
    """Too simple: a straight line cannot follow a sine (underfits)."""
    return keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])


def big_model(dropout=0.0):
    """Far more capacity than 30 points need (overfits), optional Dropout."""
    layers = [keras.Input((1,))]
    for _ in range(2):
        layers.append(keras.layers.Dense(256, activation="relu"))
        if dropout:
            layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(1))
    return keras.Sequential(layers)


def train(model, x, y, val_fraction=0.4, num_epochs=NUM_EPOCHS, lr=0.01):
    """What model.fit(x, y, validation_split=0.4, batch_size=30,
    epochs=num_epochs) does here, in one compiled step per epoch."""
    n_train = int(len(x) * (1 - val_fraction))  # the last 40 % validate
    x_train, y_train = x[:n_train], y[:n_train]
    x_val, y_val = x[n_train:], y[n_train:]
    optimizer = keras.optimizers.Adam(lr)
    mse = keras.losses.MeanSquaredError()

    @tf.function
    def one_epoch():  # 30 training points = one batch = one step
        with tf.GradientTape() as tape:
            loss = mse(y_train, model(x_train, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss, mse(y_val, model(x_val, training=False))

    history = {"loss": [], "val_loss": []}
    for _ in range(num_epochs):
        loss, val_loss = one_epoch()
        history["loss"].append(float(loss))
        history["val_loss"].append(float(val_loss))
    return history
# --8<-- [end:models]


def plot_curves(histories):
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True)
    titles = {"linear": "Dense(1): underfits",
              "big": "2 × Dense(256): overfits",
              "dropout": "2 × Dense(256) + Dropout(0.5)"}
    for ax, (name, title) in zip(axes, titles.items()):
        h = histories[name]
        epochs = np.arange(1, len(h["loss"]) + 1)
        ax.semilogy(epochs, h["loss"], color="#1f77b4", label="training")
        ax.semilogy(epochs, h["val_loss"], color="#d62728",
                    label="validation")
        best = int(np.argmin(h["val_loss"]))
        ax.plot(best + 1, h["val_loss"][best], "o", color="#d62728")
        ax.axhline(0.3 ** 2, ls="--", lw=1, color="grey")
        ax.set(title=title, xlabel="epoch")
        ax.grid(alpha=0.3, which="both")
    axes[0].set_ylabel("MSE (log scale)")
    axes[0].plot([], [], "--", lw=1, color="grey", label="noise variance")
    axes[0].legend(fontsize=8)
    fig.tight_layout()


def plot_fits(x, y, n_train, predictions):
    fig, ax = plt.subplots(figsize=(6.5, 4))
    ax.plot(x[:n_train], y[:n_train], "o", color="#1f77b4", ms=4,
            label="training points")
    ax.plot(x[n_train:], y[n_train:], "s", color="#d62728", ms=4,
            label="validation points")
    grid = predictions["x"]
    ax.plot(grid, np.sin(3 * grid), ":", color="black", label="sin(3x)")
    for name, colour in [("linear", "#7f7f7f"), ("big", "#ff7f0e"),
                         ("dropout", "#2ca02c")]:
        ax.plot(grid, predictions[name], color=colour, label=name)
    ax.set(xlabel="x", ylabel="y", ylim=(-2, 2))
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(alpha=0.3)


def main() -> FittingRun:
    """Train three models on the same 30/20 split; draw both figures."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x, y = make_noisy_sine(rng)
    n_train = int(len(x) * 0.6)  # validation_split=0.4 keeps the last 40 %
    models = {"linear": linear_model(), "big": big_model(),
              "dropout": big_model(dropout=0.5)}
    histories, predictions = {}, {"x": np.linspace(-1, 1, 201)[:, None]}
    for name, model in models.items():
        histories[name] = train(model, x, y)
        predictions[name] = model(predictions["x"]).numpy()
        h = histories[name]
        print(f"{name:8s} train {h['loss'][-1]:.3f}  "
              f"val {h['val_loss'][-1]:.3f}  "
              f"best val {min(h['val_loss']):.3f} at epoch "
              f"{int(np.argmin(h['val_loss'])) + 1}")
    plot_curves(histories)
    plot_fits(x, y, n_train, predictions)
    plt.show()
    big, drop = histories["big"], histories["dropout"]
    return FittingRun(
        n_train, len(x) - n_train, 0.3 ** 2,
        histories["linear"]["loss"][-1], histories["linear"]["val_loss"][-1],
        big["loss"][-1], big["val_loss"][-1], min(big["val_loss"]),
        int(np.argmin(big["val_loss"])) + 1,
        drop["loss"][-1], drop["val_loss"][-1], min(drop["val_loss"]),
        histories, predictions)


if __name__ == "__main__":
    main()
