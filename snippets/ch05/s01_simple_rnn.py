"""A simple RNN in NumPy, unrolled over a sequence, checked against Keras.

Section: 5-1 RNN structure
Figure: s01_simple_rnn_states.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np

SEED = 51
NUM_STEPS, NUM_INPUTS, NUM_UNITS = 12, 3, 4


# --8<-- [start:step]
def simple_rnn_step(x_t, h_prev, W_x, W_h, b):
    """h_t = tanh(x_t W_x + h_{t-1} W_h + b), rows are samples."""
    return np.tanh(x_t @ W_x + h_prev @ W_h + b)


def simple_rnn(xs, W_x, W_h, b):
    """Unroll over time: xs is (batch, time, features); every h_t."""
    h = np.zeros((xs.shape[0], W_h.shape[0]))
    states = []
    for t in range(xs.shape[1]):
        h = simple_rnn_step(xs[:, t], h, W_x, W_h, b)
        states.append(h)
    return np.stack(states, axis=1)  # (batch, time, units)
# --8<-- [end:step]


def random_weights(rng, num_inputs=NUM_INPUTS, num_units=NUM_UNITS):
    """Weights in Keras's layout: kernel, recurrent_kernel, bias."""
    return (rng.normal(0, 0.5, (num_inputs, num_units)),
            rng.normal(0, 0.5, (num_units, num_units)),
            rng.normal(0, 0.1, num_units))


# --8<-- [start:keras]
def keras_simple_rnn(xs, W_x, W_h, b):
    """The same weights in keras.layers.SimpleRNN; every h_t."""
    layer = keras.layers.SimpleRNN(W_h.shape[0], return_sequences=True)
    layer.build(xs.shape)
    layer.set_weights([W_x, W_h, b])  # kernel, recurrent_kernel, bias
    return keras.ops.convert_to_numpy(layer(xs.astype("float32")))
# --8<-- [end:keras]


def main() -> dict:
    """Run both on one random batch; the largest difference."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    W_x, W_h, b = random_weights(rng)
    xs = rng.normal(size=(2, NUM_STEPS, NUM_INPUTS))
    ours = simple_rnn(xs, W_x, W_h, b)
    theirs = keras_simple_rnn(xs, W_x, W_h, b)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    for unit in range(NUM_UNITS):
        ax.plot(range(1, NUM_STEPS + 1), ours[0, :, unit], "o-",
                label=f"NumPy, unit {unit}")
        ax.plot(range(1, NUM_STEPS + 1), theirs[0, :, unit], "k+",
                markersize=9)
    ax.set(xlabel="time step t", ylabel=r"$h_t$",
           title="Hidden state of each unit: NumPy (lines), Keras (+)")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    plt.show()
    return {"max_abs_diff": float(np.abs(ours - theirs).max()),
            "num_steps": NUM_STEPS, "num_inputs": NUM_INPUTS,
            "num_units": NUM_UNITS,
            "num_params": W_x.size + W_h.size + b.size}


if __name__ == "__main__":
    main()
