"""A simple RNN in NumPy, unrolled over a sequence, checked against Keras.

Section: 5-1 RNN structure
Figure: s01_simple_rnn_unrolled.svg, s01_simple_rnn_states.svg
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


def draw_unrolled(num_shown=4):
    """The recurrence drawn as a chain: one cell per time step, the
    same W_x, W_h and b in every cell."""
    fig, ax = plt.subplots(figsize=(6.4, 2.6))
    box = dict(boxstyle="round,pad=0.35", fc="#fde3d3", ec="#bf5b3d")
    arrow = dict(arrowstyle="->", color="#444444", lw=1.2)
    ax.annotate("$h_0$", (0.0, 1.0), ha="center", va="center")
    for t in range(1, num_shown + 1):
        label = "T" if t == num_shown else str(t)
        ax.annotate("tanh", (t * 1.5, 1.0), ha="center", va="center",
                    bbox=box)
        ax.annotate(f"$x_{{{label}}}$", (t * 1.5, 0.0), ha="center",
                    va="center")
        ax.annotate(f"$h_{{{label}}}$", (t * 1.5, 2.0), ha="center",
                    va="center")
        ax.annotate("", (t * 1.5, 0.8), (t * 1.5, 0.15), arrowprops=arrow)
        ax.annotate("", (t * 1.5, 1.85), (t * 1.5, 1.2), arrowprops=arrow)
        ax.annotate("", (t * 1.5 - 0.42, 1.0), (t * 1.5 - 1.1, 1.0),
                    arrowprops=arrow)
        ax.text(t * 1.5 + 0.08, 0.45, "$W_x$", fontsize=9)
        ax.text(t * 1.5 - 0.95, 1.1, "$W_h$", fontsize=9)
    ax.text(num_shown * 1.5 - 0.75, 0.45, "⋯", fontsize=14, ha="center")
    ax.set(xlim=(-0.4, num_shown * 1.5 + 0.6), ylim=(-0.4, 2.4),
           title="A simple RNN unrolled: the same weights at every step")
    ax.axis("off")
    fig.tight_layout()


def main() -> dict:
    """Run both on one random batch; the largest difference."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    W_x, W_h, b = random_weights(rng)
    xs = rng.normal(size=(2, NUM_STEPS, NUM_INPUTS))
    ours = simple_rnn(xs, W_x, W_h, b)
    theirs = keras_simple_rnn(xs, W_x, W_h, b)
    draw_unrolled()
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
