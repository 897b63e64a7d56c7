"""The course's stock pipeline: an LSTM autoencoder turns each 20-day
window of daily closes into a code of four numbers, and an LSTM reads
the codes of the last five windows to predict the next day's close;
scored against "tomorrow = today" on a split in time, with the scaling
fitted on the training days only.

Section: 7-5 Practice: stock-price prediction with LSTM-AE features + LSTM
Figure: s05_stock_lstm_test.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch07.s04_lstm_ae_sequences import build_lstm_autoencoder
from snippets.common.samsung_stock import load_closes

SEED = 5
WINDOW = 20  # trading days per window, about a month
CODE_SIZE = 4  # the autoencoder's code: the features
HISTORY = 5  # the predictor reads the codes of the last 5 windows
UNITS = 8
TRAIN_FRAC = 0.8  # the first 80% of the days train, the rest test
NUM_EPOCHS = 10  # each model; cut for the build's time budget
BATCH_SIZE = 64
STEPS_PER_CALL = 16  # about one epoch per call: same updates, faster


@dataclass
class StockResult:
    """What the page quotes from the stock run."""

    num_epochs: int
    num_days: int
    num_train_days: int
    num_test_days: int  # days predicted and scored
    first_test_date: str
    last_date: str
    train_low: float  # the scaling's range, training days only (KRW)
    train_high: float
    test_high: float  # the test period's highest close (KRW)
    model_rmse: float  # next-day close, KRW
    persistence_rmse: float  # "tomorrow = today", KRW
    ratio: float  # model / persistence
    model_direction: float  # share of test days with the sign right
    up_share: float  # share of test days that went up
    direction_baseline: float  # always guessing the commoner direction


# --8<-- [start:scale]
def split_and_scale(close, train_frac=TRAIN_FRAC):
    """Split the days in time and scale to [0, 1] by the TRAINING days'
    low and high only; test prices may leave [0, 1], as they should."""
    n_train = int(round(train_frac * len(close)))
    low, high = close[:n_train].min(), close[:n_train].max()
    return (close - low) / (high - low), n_train, low, high


def windows(scaled, window=WINDOW):
    """W[j] = days j .. j + window - 1 as a (window, 1) sequence, and
    the day each window ends on ("today" for that window)."""
    start = np.arange(len(scaled) - window + 1)
    W = np.stack([scaled[j:j + window] for j in start])[..., None]
    return W.astype("float32"), start + window - 1


def predictor_inputs(codes, scaled, end, history=HISTORY):
    """For each window j from history - 1 on: the codes of windows
    j - history + 1 .. j, each with its last day's close, as a
    (history, code_size + 1) sequence; the target is the close of the
    day after window j ends (the last window has none)."""
    steps = np.concatenate([codes, scaled[end][:, None]], axis=1)
    js = np.arange(history - 1, len(end) - 1)
    X = np.stack([steps[j - history + 1:j + 1] for j in js])
    return X.astype("float32"), scaled[end[js] + 1], end[js] + 1
# --8<-- [end:scale]


# --8<-- [start:models]
def build_predictor(history=HISTORY, code_size=CODE_SIZE, units=UNITS):
    """The last `history` codes (and closes) -> LSTM -> the next day's
    change; the model returns today's scaled close plus that change."""
    inputs = keras.Input(shape=(history, code_size + 1))
    h = keras.layers.LSTM(units)(inputs)
    change = keras.layers.Dense(1)(h)
    today = keras.layers.Lambda(lambda x: x[:, -1, -1:])(inputs)
    return keras.Model(inputs, keras.layers.Add()([today, change]),
                       name="predictor")
# --8<-- [end:models]


def main() -> StockResult:
    """Fit the autoencoder, then the predictor, on the training days;
    score both models' next-day closes on the test days."""
    keras.utils.set_random_seed(SEED)
    close = load_closes()
    # --8<-- [start:run]
    scaled, n_train, low, high = split_and_scale(close.to_numpy())
    W, end = windows(scaled)
    in_train = end < n_train  # windows made of training days only
    autoencoder = build_lstm_autoencoder(steps=WINDOW,
                                         code_size=CODE_SIZE, units=UNITS)
    autoencoder.compile(optimizer="adam", loss="mse",
                        steps_per_execution=STEPS_PER_CALL)
    autoencoder.fit(W[in_train], W[in_train], epochs=NUM_EPOCHS,
                    batch_size=BATCH_SIZE, verbose=0)
    encoder = keras.Model(autoencoder.inputs,
                          autoencoder.get_layer("code").output)
    codes = encoder.predict(W, batch_size=1000, verbose=0)  # features
    X, y, target_day = predictor_inputs(codes, scaled, end)
    train = target_day < n_train  # the target day decides the side
    predictor = build_predictor()
    predictor.compile(optimizer="adam", loss="mse",
                      steps_per_execution=STEPS_PER_CALL)
    predictor.fit(X[train], y[train], epochs=NUM_EPOCHS,
                  batch_size=BATCH_SIZE, verbose=0)
    to_krw = lambda s: s * (high - low) + low  # noqa: E731
    actual = to_krw(y[~train])
    predicted = to_krw(predictor.predict(X[~train], verbose=0)[:, 0])
    today = to_krw(X[~train][:, -1, -1])  # "tomorrow = today"
    rmse = lambda p: float(np.sqrt(np.mean((actual - p) ** 2)))  # noqa
    # --8<-- [end:run]
    dates = close.index[target_day[~train]]
    fig, axes = plt.subplots(2, 1, figsize=(7, 5.5), sharex=True)
    axes[0].plot(dates, actual / 1000, color="k", lw=1, label="close")
    axes[0].plot(dates, predicted / 1000, color="tab:orange", lw=1,
                 label="LSTM-AE codes + LSTM")
    axes[0].set_ylabel("thousand KRW")
    axes[0].legend(fontsize=8)
    axes[0].set_title("test days: the close and its next-day prediction")
    axes[1].plot(dates, np.abs(actual - today) / 1000, color="tab:gray",
                 lw=1, label='"tomorrow = today"')
    axes[1].plot(dates, np.abs(actual - predicted) / 1000,
                 color="tab:orange", lw=1, label="model")
    axes[1].set_ylabel("|error|, thousand KRW")
    axes[1].legend(fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    plt.show()
    up = actual > today
    return StockResult(
        num_epochs=NUM_EPOCHS, num_days=len(close),
        num_train_days=int(n_train), num_test_days=int((~train).sum()),
        first_test_date=str(dates[0].date()),
        last_date=str(dates[-1].date()),
        train_low=float(low), train_high=float(high),
        test_high=float(actual.max()),
        model_rmse=rmse(predicted), persistence_rmse=rmse(today),
        ratio=rmse(predicted) / rmse(today),
        model_direction=float(np.mean((predicted > today) == up)),
        up_share=float(np.mean(up)),
        direction_baseline=float(max(np.mean(up), 1 - np.mean(up))))


if __name__ == "__main__":
    main()
