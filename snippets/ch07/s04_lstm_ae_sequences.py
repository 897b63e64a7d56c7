"""An LSTM autoencoder reads a sequence into one vector and writes it
back out, step by step, from that vector repeated (RepeatVector).

The sequences are sine waves of random frequency, phase and amplitude
with a little noise: the code has to carry those three numbers. Scored
on held-out waves against the mean sequence.

Section: 7-4 Practice: LSTM autoencoder
Figure: s04_lstm_ae_sequences_reconstructions.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 4
NUM_TRAIN = 2_000
NUM_TEST = 500
STEPS = 30  # time steps per sequence
CODE_SIZE = 4
NUM_EPOCHS = 15  # cut for the build's time budget
BATCH_SIZE = 64


@dataclass
class LSTMAEResult:
    """What the page quotes from the LSTM autoencoder run."""

    num_train: int
    num_test: int
    steps: int
    code_size: int
    num_epochs: int
    ae_mse: float  # test reconstruction error, per time step
    mean_mse: float  # baseline: the mean training sequence
    noise_mse: float  # the noise's own variance: no model can beat it
    train_loss: list


# --8<-- [start:data]
def sine_waves(num, rng, steps=STEPS, noise=0.05):
    """(num, steps, 1) waves a sin(2 pi f t / steps + phase) + noise,
    with a in [0.5, 1], f in [1, 3] cycles, phase in [0, 2 pi)."""
    t = np.arange(steps)
    a = rng.uniform(0.5, 1.0, (num, 1))
    f = rng.uniform(1.0, 3.0, (num, 1))
    phase = rng.uniform(0, 2 * np.pi, (num, 1))
    clean = a * np.sin(2 * np.pi * f * t / steps + phase)
    noisy = clean + noise * rng.standard_normal(clean.shape)
    return noisy[..., None].astype("float32")
# --8<-- [end:data]


# --8<-- [start:model]
def build_lstm_autoencoder(steps=STEPS, code_size=CODE_SIZE, units=32):
    """LSTM reads the sequence -> a code of code_size numbers ->
    RepeatVector gives it to every step -> LSTM -> one number a step."""
    inputs = keras.Input(shape=(steps, 1))
    h = keras.layers.LSTM(units)(inputs)  # the last state only
    code = keras.layers.Dense(code_size, name="code")(h)
    h = keras.layers.RepeatVector(steps)(code)  # (steps, code_size)
    h = keras.layers.LSTM(units, return_sequences=True)(h)
    outputs = keras.layers.Dense(1)(h)  # applied at every step
    return keras.Model(inputs, outputs, name="lstm_autoencoder")
# --8<-- [end:model]


def main() -> LSTMAEResult:
    """Train the sequence autoencoder and draw six reconstructions."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x_train = sine_waves(NUM_TRAIN, rng)
    x_test = sine_waves(NUM_TEST, rng)
    # --8<-- [start:train]
    autoencoder = build_lstm_autoencoder()
    autoencoder.compile(optimizer="adam", loss="mse")
    history = autoencoder.fit(x_train, x_train, epochs=NUM_EPOCHS,
                              batch_size=BATCH_SIZE, verbose=2)
    reconstructed = autoencoder.predict(x_test, verbose=0)
    # --8<-- [end:train]
    fig, axes = plt.subplots(2, 3, figsize=(9, 4.4), sharex=True,
                             sharey=True)
    for ax, x, r in zip(axes.flat, x_test, reconstructed):
        ax.plot(x[:, 0], ".-", color="k", lw=0.8, ms=3, label="input")
        ax.plot(r[:, 0], color="tab:orange", lw=2, label="reconstruction")
    axes[0, 0].legend(fontsize=8, loc="lower left")
    for ax in axes[1]:
        ax.set_xlabel("time step")
    fig.tight_layout()
    plt.show()
    return LSTMAEResult(
        num_train=NUM_TRAIN, num_test=NUM_TEST, steps=STEPS,
        code_size=CODE_SIZE, num_epochs=NUM_EPOCHS,
        ae_mse=float(np.mean((x_test - reconstructed) ** 2)),
        mean_mse=float(np.mean((x_test - x_train.mean(axis=0)) ** 2)),
        noise_mse=0.05 ** 2,
        train_loss=[float(v) for v in history.history["loss"]])


if __name__ == "__main__":
    main()
