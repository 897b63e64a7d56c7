"""LSTM forecasts of a noisy sine: unidirectional and bidirectional,
many-to-one and many-to-many, and two stacked layers; every forecast
against the naive "next = last" baseline on a test split in time.

Section: 5-6 Practice: LSTM, unidirectional many-to-one and many-to-many
Figure: s06_lstm_practice_forecast.svg, s06_lstm_practice_leak.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 56
NUM_POINTS, PERIOD, NOISE = 900, 50, 0.1
WINDOW, TEST_FRAC = 24, 0.25
UNITS, EPOCHS, BATCH_SIZE = 16, 10, 32


# --8<-- [start:series]
def noisy_sine(num_points=NUM_POINTS, trend=0.0, seed=SEED):
    """x_t = sin(2πt / PERIOD) + trend·t + N(0, NOISE²) noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(num_points)
    return (np.sin(2 * np.pi * t / PERIOD) + trend * t
            + rng.normal(0, NOISE, num_points)).astype("float32")


def time_split(series, test_frac=TEST_FRAC):
    """The first part trains, the last part tests: no shuffling."""
    cut = int(len(series) * (1 - test_frac))
    return series[:cut], series[cut - WINDOW:]  # test windows need a past


def windows(series, window=WINDOW):
    """Inputs (n, window, 1); the next value after each window (n,); and
    the window shifted by one step (n, window, 1), for many-to-many."""
    n = len(series) - window
    idx = np.arange(window)[None] + np.arange(n)[:, None]
    X = series[idx][..., None]
    return X, series[idx[:, -1] + 1], series[idx + 1][..., None]
# --8<-- [end:series]


# --8<-- [start:models]
def lstm_many_to_one():
    return keras.Sequential([keras.Input((WINDOW, 1)),
                             keras.layers.LSTM(UNITS),
                             keras.layers.Dense(1)])


def lstm_many_to_many():
    return keras.Sequential([keras.Input((WINDOW, 1)),
                             keras.layers.LSTM(UNITS, return_sequences=True),
                             keras.layers.Dense(1)])  # Dense acts per step


def bi_many_to_one():
    return keras.Sequential([keras.Input((WINDOW, 1)),
                             keras.layers.Bidirectional(
                                 keras.layers.LSTM(UNITS)),
                             keras.layers.Dense(1)])


def bi_many_to_many():
    return keras.Sequential([keras.Input((WINDOW, 1)),
                             keras.layers.Bidirectional(keras.layers.LSTM(
                                 UNITS, return_sequences=True)),
                             keras.layers.Dense(1)])


def stacked_uni_bi():
    """5-8: the first layer must hand every h_t to the second."""
    return keras.Sequential([keras.Input((WINDOW, 1)),
                             keras.layers.LSTM(UNITS, return_sequences=True),
                             keras.layers.Bidirectional(
                                 keras.layers.LSTM(UNITS)),
                             keras.layers.Dense(1)])
# --8<-- [end:models]


# --8<-- [start:count]
def lstm_params(inputs, units):
    """4 blocks (i, f, c, o), each with W (inputs×units), U (units×units)
    and a bias."""
    return 4 * (inputs * units + units * units + units)


def dense_params(inputs, units):
    return inputs * units + units


STACKED_PARAMS = (lstm_params(1, UNITS)  # LSTM on the series
                  + 2 * lstm_params(UNITS, UNITS)  # both directions
                  + dense_params(2 * UNITS, 1))  # concatenated h
# --8<-- [end:count]


def rmse(a, b):
    return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))


def fit(model, X, y):
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    model.fit(X, y, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
    return model


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    series = noisy_sine()
    train, test = time_split(series)
    X_tr, y_tr, Y_tr = windows(train)
    X_te, y_te, Y_te = windows(test)
    naive = X_te[:, -1, 0]  # next = last
    results, forecasts = {"naive": rmse(naive, y_te)}, {}
    for build, many in [(lstm_many_to_one, False), (lstm_many_to_many, True),
                        (bi_many_to_one, False), (bi_many_to_many, True),
                        (stacked_uni_bi, False)]:
        model = fit(build(), X_tr, Y_tr if many else y_tr)
        out = model.predict(X_te, verbose=0)
        if many:  # only the last step's output is a forecast of y
            per_step = np.sqrt(((out - Y_te) ** 2).mean(axis=(0, 2)))
            results[f"{build.__name__}_per_step"] = per_step.tolist()
            out = out[:, -1]
        forecasts[build.__name__] = out[:, 0]
        results[build.__name__] = rmse(out[:, 0], y_te)
        results[f"{build.__name__}_params"] = model.count_params()
    results["stacked_formula"] = STACKED_PARAMS
    results["lstm_1_16_formula"] = lstm_params(1, UNITS)
    results["lstm_16_16_formula"] = lstm_params(UNITS, UNITS)
    results["dense_32_1_formula"] = dense_params(2 * UNITS, 1)
    # figure 1: the forecasts on the first 100 test points
    show = slice(0, 100)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.plot(y_te[show], "k.", label="truth (noisy)")
    ax.plot(naive[show], color="0.6", label="next = last")
    for name in ("lstm_many_to_one", "lstm_many_to_many", "stacked_uni_bi"):
        ax.plot(forecasts[name][show], label=name.replace("_", " "))
    ax.set(xlabel="test step", ylabel="x", title="One-step forecasts")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    # figure 2: per-step error of the two many-to-many models
    fig, ax = plt.subplots(figsize=(6, 3.4))
    steps = np.arange(1, WINDOW + 1)
    for name in ("lstm_many_to_many", "bi_many_to_many"):
        ax.plot(steps, results[f"{name}_per_step"], "o-",
                label=name.replace("_", " "))
    ax.axhline(NOISE, color="0.5", ls=":", label="noise level")
    ax.set(xlabel="output step in the window",
           ylabel="test RMSE of x_{t+1}",
           title="Bidirectional many-to-many sees the answer")
    ax.legend(fontsize=8)
    fig.tight_layout()
    plt.show()
    bi_steps = results["bi_many_to_many_per_step"]
    results.update(
        noise=NOISE, window=WINDOW, units=UNITS, epochs=EPOCHS,
        num_train=len(y_tr), num_test=len(y_te),
        bi_inner_rmse=float(np.mean(bi_steps[:-1])),
        bi_last_rmse=float(bi_steps[-1]),
        best_model=min((k for k in forecasts), key=results.get))
    return results


if __name__ == "__main__":
    main()
