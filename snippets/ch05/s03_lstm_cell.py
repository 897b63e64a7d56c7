"""One LSTM step in NumPy, in Keras's gate order, checked against Keras.

Section: 5-3 LSTM
"""
import keras
import numpy as np

SEED = 53
NUM_STEPS, NUM_INPUTS, NUM_UNITS = 10, 3, 4


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --8<-- [start:step]
def lstm_step(x_t, h_prev, c_prev, W, U, b):
    """W: (inputs, 4u), U: (u, 4u), b: (4u,), blocks in the order
    i, f, c, o (Keras's order)."""
    z = x_t @ W + h_prev @ U + b
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)
    i, f, o = sigmoid(z_i), sigmoid(z_f), sigmoid(z_o)
    c = f * c_prev + i * np.tanh(z_c)  # new cell state
    h = o * np.tanh(c)  # new hidden state
    return h, c
# --8<-- [end:step]


def lstm(xs, W, U, b):
    """Unroll lstm_step over xs (batch, time, features); every h_t."""
    units = U.shape[0]
    h = c = np.zeros((xs.shape[0], units))
    states = []
    for t in range(xs.shape[1]):
        h, c = lstm_step(xs[:, t], h, c, W, U, b)
        states.append(h)
    return np.stack(states, axis=1)


# --8<-- [start:keras]
def keras_lstm(xs, W, U, b):
    layer = keras.layers.LSTM(U.shape[0], return_sequences=True)
    layer.build(xs.shape)
    layer.set_weights([W, U, b])  # kernel, recurrent_kernel, bias
    return keras.ops.convert_to_numpy(layer(xs.astype("float32")))
# --8<-- [end:keras]


def initial_bias(num_units=NUM_UNITS):
    """The bias a fresh keras.layers.LSTM starts with."""
    layer = keras.layers.LSTM(num_units)
    layer.build((None, 1, 1))
    return keras.ops.convert_to_numpy(layer.cell.bias)


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    W = rng.normal(0, 0.5, (NUM_INPUTS, 4 * NUM_UNITS))
    U = rng.normal(0, 0.5, (NUM_UNITS, 4 * NUM_UNITS))
    b = rng.normal(0, 0.1, 4 * NUM_UNITS)
    xs = rng.normal(size=(2, NUM_STEPS, NUM_INPUTS))
    diff = np.abs(lstm(xs, W, U, b) - keras_lstm(xs, W, U, b)).max()
    bias = initial_bias()
    return {"max_abs_diff": float(diff),
            "initial_bias": bias.tolist(),
            "initial_bias_text": " ".join(f"{v:g}" for v in bias),
            "forget_bias": float(bias[NUM_UNITS]),
            "num_units": NUM_UNITS}


if __name__ == "__main__":
    main()
