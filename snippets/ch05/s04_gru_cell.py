"""GRU steps in NumPy, both forms (reset_after True and False), checked
against keras.layers.GRU.

Section: 5-4 GRU
"""
import keras
import numpy as np

SEED = 54
NUM_STEPS, NUM_INPUTS, NUM_UNITS = 10, 3, 4


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --8<-- [start:paper]
def gru_step_paper(x_t, h_prev, W, U, b):
    """Cho et al. (2014): reset applied to h before U (reset_after=False).
    Blocks of W (inputs, 3u), U (u, 3u), b (3u,) in the order z, r, h."""
    W_z, W_r, W_h = np.split(W, 3, axis=-1)
    U_z, U_r, U_h = np.split(U, 3, axis=-1)
    b_z, b_r, b_h = np.split(b, 3)
    z = sigmoid(x_t @ W_z + h_prev @ U_z + b_z)  # update gate
    r = sigmoid(x_t @ W_r + h_prev @ U_r + b_r)  # reset gate
    h_cand = np.tanh(x_t @ W_h + (r * h_prev) @ U_h + b_h)
    return z * h_prev + (1 - z) * h_cand
# --8<-- [end:paper]


# --8<-- [start:after]
def gru_step_reset_after(x_t, h_prev, W, U, b):
    """Keras's default (reset_after=True): reset applied after U, and two
    biases, b[0] for the input part and b[1] for the recurrent part."""
    x_z, x_r, x_h = np.split(x_t @ W + b[0], 3, axis=-1)
    h_z, h_r, h_h = np.split(h_prev @ U + b[1], 3, axis=-1)
    z = sigmoid(x_z + h_z)
    r = sigmoid(x_r + h_r)
    h_cand = np.tanh(x_h + r * h_h)  # r multiplies (h U_h + b_rh)
    return z * h_prev + (1 - z) * h_cand
# --8<-- [end:after]


def gru(step, xs, W, U, b):
    h = np.zeros((xs.shape[0], U.shape[0]))
    states = []
    for t in range(xs.shape[1]):
        h = step(xs[:, t], h, W, U, b)
        states.append(h)
    return np.stack(states, axis=1)


# --8<-- [start:keras]
def keras_gru(xs, W, U, b, reset_after):
    layer = keras.layers.GRU(U.shape[0], return_sequences=True,
                             reset_after=reset_after)
    layer.build(xs.shape)
    layer.set_weights([W, U, b])  # bias: (3u,) or (2, 3u)
    return keras.ops.convert_to_numpy(layer(xs.astype("float32")))
# --8<-- [end:keras]


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    W = rng.normal(0, 0.5, (NUM_INPUTS, 3 * NUM_UNITS))
    U = rng.normal(0, 0.5, (NUM_UNITS, 3 * NUM_UNITS))
    b1 = rng.normal(0, 0.1, 3 * NUM_UNITS)
    b2 = rng.normal(0, 0.1, (2, 3 * NUM_UNITS))
    xs = rng.normal(size=(2, NUM_STEPS, NUM_INPUTS))
    paper = gru(gru_step_paper, xs, W, U, b1)
    after = gru(gru_step_reset_after, xs, W, U, b2)
    # the two forms differ for the same W, U (b2[1] set to zero, b2[0]=b1)
    same_bias = np.stack([b1, np.zeros_like(b1)])
    after_same = gru(gru_step_reset_after, xs, W, U, same_bias)
    return {
        "paper_diff": float(np.abs(
            paper - keras_gru(xs, W, U, b1, False)).max()),
        "reset_after_diff": float(np.abs(
            after - keras_gru(xs, W, U, b2, True)).max()),
        "forms_differ_by": float(np.abs(paper - after_same).max()),
        "num_units": NUM_UNITS,
    }


if __name__ == "__main__":
    main()
