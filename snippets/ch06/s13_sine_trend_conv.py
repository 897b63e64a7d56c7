"""Forecast a noisy sine with a trend by 1-D convolution (causal,
dilated) and by 2-D convolution over windows × features; both against
"next = last" on a test split in time. Also: causal padding and the
receptive field of dilated convolutions, and 1-D/2-D/3-D input shapes.

Section: 6-13 Practice: noisy sine with trend, 1-D conv
Figure: s13_sine_trend_conv_forecast.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch05.s06_lstm_practice import noisy_sine, rmse

SEED = 613
NUM_POINTS, TREND, WINDOW, TEST_FRAC = 900, 0.004, 24, 0.25
EPOCHS, BATCH_SIZE = 20, 32


# --8<-- [start:windows]
def relative_windows(series, window=WINDOW):
    """Windows minus their last value, and the next step's change: the
    model learns the shape of the curve, not its level, which the trend
    keeps moving beyond anything seen in training."""
    n = len(series) - window
    idx = np.arange(window)[None] + np.arange(n)[:, None]
    last = series[idx[:, -1]]
    X = (series[idx] - last[:, None])[..., None]
    return X, series[idx[:, -1] + 1] - last, last
# --8<-- [end:windows]


# --8<-- [start:models]
def conv1d_model():
    """Causal, dilated 1-D convolutions: rates 1, 2, 4, 8."""
    layers = [keras.Input((WINDOW, 1))]
    for rate in (1, 2, 4, 8):
        layers.append(keras.layers.Conv1D(16, 2, padding="causal",
                                          dilation_rate=rate,
                                          activation="relu"))
    layers += [keras.layers.Lambda(lambda h: h[:, -1]),  # the last step
               keras.layers.Dense(1)]
    return keras.Sequential(layers)


def with_difference(X):
    """6-14's 2-D input: (window, 2 features, 1 channel), the relative
    value and its one-step change."""
    diff = np.diff(X, axis=1, prepend=X[:, :1])
    return np.concatenate([X, diff], axis=2)[..., None]


def conv2d_model():
    """Kernels of 3 steps × 2 features slide over the time axis."""
    return keras.Sequential([
        keras.Input((WINDOW, 2, 1)),
        keras.layers.Conv2D(16, (3, 2), activation="relu"),  # 22×1×16
        keras.layers.Conv2D(16, (3, 1), strides=(2, 1),
                            activation="relu"),  # 10×1×16
        keras.layers.Flatten(),
        keras.layers.Dense(1)])
# --8<-- [end:models]


# --8<-- [start:receptive]
def receptive_field(kernel, rates):
    """1 + (k − 1)·Σ d: how many past steps the last output sees."""
    return 1 + (kernel - 1) * sum(rates)
# --8<-- [end:receptive]


def steps_seen(model, length=WINDOW):
    """Which input steps move the last output (its gradient is not 0),
    and whether any future step moves an earlier output."""
    x = tf.constant(np.random.default_rng(0).normal(
        size=(1, length, 1)).astype("float32"))
    body = keras.Sequential(model.layers[:4])  # the conv stack
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = tf.reduce_sum(body(x)[:, -1])
    seen = int(np.sum(np.abs(tape.gradient(out, x).numpy()) > 0))
    with tf.GradientTape() as tape:
        tape.watch(x)
        early = tf.reduce_sum(body(x)[:, 10])
    future = float(np.abs(tape.gradient(early, x).numpy()[0, 11:]).max())
    return seen, future


def shapes():
    """What each convolution slides over."""
    out = {}
    for name, layer, shape in [
            ("conv1d", keras.layers.Conv1D(8, 3), (4, 100, 2)),
            ("conv2d", keras.layers.Conv2D(8, 3), (4, 28, 28, 3)),
            ("conv3d", keras.layers.Conv3D(8, 3), (4, 16, 28, 28, 1))]:
        out[f"{name}_in"] = "×".join(map(str, shape))
        out[f"{name}_out"] = "×".join(
            map(str, layer(np.zeros(shape, "float32")).shape))
        out[f"{name}_params"] = layer.count_params()
    return out


def fit(model, X, y):
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="mse")
    model.fit(X, y, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
    return model


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    series = noisy_sine(NUM_POINTS, trend=TREND, seed=SEED)
    cut = int(NUM_POINTS * (1 - TEST_FRAC))
    X_tr, y_tr, _ = relative_windows(series[:cut])
    X_te, y_te, last = relative_windows(series[cut - WINDOW:])
    truth = y_te + last
    m1 = fit(conv1d_model(), X_tr, y_tr)
    m2 = fit(conv2d_model(), with_difference(X_tr), y_tr)
    f1 = last + m1.predict(X_te, verbose=0)[:, 0]
    f2 = last + m2.predict(with_difference(X_te), verbose=0)[:, 0]
    seen, future = steps_seen(m1)
    t = np.arange(len(series))
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.plot(t[:cut], series[:cut], color="0.7", lw=0.8, label="train")
    t_te = t[cut:]
    ax.plot(t_te, truth, "k.", ms=2.5, label="test (truth)")
    ax.plot(t_te, f1, label="Conv1D forecast")
    ax.plot(t_te, f2, label="Conv2D forecast", alpha=0.8)
    ax.axvline(cut, color="0.4", ls=":")
    ax.set(xlabel="t", ylabel="x", title="One-step forecasts after the cut")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    plt.show()
    return {
        "naive": rmse(last, truth), "conv1d": rmse(f1, truth),
        "conv2d": rmse(f2, truth), "noise": 0.1, "trend": TREND,
        "window": WINDOW, "epochs": EPOCHS, "num_test": len(truth),
        "train_max": float(series[:cut].max()),
        "test_max": float(series[cut:].max()),
        "model1d_params": m1.count_params(),
        "model2d_params": m2.count_params(),
        "receptive_formula": receptive_field(2, (1, 2, 4, 8)),
        "steps_seen": seen, "future_influence": future,
        **shapes(),
    }


if __name__ == "__main__":
    main()
