"""Learn XOR with a 2-2-1 network: in NumPy for 100 seeds at once, in
low-level TensorFlow and in Keras; count how often it gets stuck.

Section: 4-7 Practice: learning XOR
Figure: s07_xor_surfaces.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch04.s03_forward_pass import XOR_T, XOR_X, sigmoid

NUM_SEEDS = 100
NUM_EPOCHS = 4000
LR = 2.0  # gradient descent on E = sum((t - y)**2) / 2 over the 4 rows


# --8<-- [start:init]
def init_networks(num_nets, num_hidden, seed=0):
    """Weights of num_nets networks, stacked on a first axis: Keras's
    default initialisation (Glorot uniform kernels, zero biases)."""
    rng = np.random.default_rng(seed)
    lim1 = np.sqrt(6 / (2 + num_hidden))
    lim2 = np.sqrt(6 / (num_hidden + 1))
    return [rng.uniform(-lim1, lim1, (num_nets, 2, num_hidden)),
            np.zeros((num_nets, 1, num_hidden)),
            rng.uniform(-lim2, lim2, (num_nets, num_hidden, 1)),
            np.zeros((num_nets, 1, 1))]
# --8<-- [end:init]


# --8<-- [start:batch]
def train_networks(params, lr=LR, num_epochs=NUM_EPOCHS):
    """Full-batch gradient descent for every network at once: the deltas
    of 4-6 with a leading 'network' axis. Returns the final weights and
    the error of every network after every epoch."""
    w1, b1, w2, b2 = [p.copy() for p in params]
    t = XOR_T[None]                                   # (1, 4, 1)
    errors = np.empty((num_epochs, len(w1)))
    for epoch in range(num_epochs):
        h = sigmoid(XOR_X @ w1 + b1)                  # (nets, 4, hidden)
        y = sigmoid(h @ w2 + b2)                      # (nets, 4, 1)
        errors[epoch] = 0.5 * np.sum((t - y) ** 2, axis=(1, 2))
        d_out = (y - t) * y * (1 - y)
        d_hid = (d_out @ w2.transpose(0, 2, 1)) * h * (1 - h)
        w2 -= lr * h.transpose(0, 2, 1) @ d_out
        b2 -= lr * d_out.sum(axis=1, keepdims=True)
        w1 -= lr * XOR_X.T @ d_hid
        b1 -= lr * d_hid.sum(axis=1, keepdims=True)
    return [w1, b1, w2, b2], errors


def predict(params, x):
    w1, b1, w2, b2 = params
    return sigmoid(sigmoid(x @ w1 + b1) @ w2 + b2)[..., 0]
# --8<-- [end:batch]


# --8<-- [start:tensorflow]
@tf.function
def train_tf(w1, b1, w2, b2, num_epochs, lr):
    """The same descent for one network, low-level TensorFlow: variables,
    a tape, and a graph loop (tf.range becomes a tf.while_loop)."""
    x, t = tf.constant(XOR_X), tf.constant(XOR_T)
    for _ in tf.range(num_epochs):
        with tf.GradientTape() as tape:
            y = tf.sigmoid(tf.sigmoid(x @ w1 + b1) @ w2 + b2)
            error = 0.5 * tf.reduce_sum((t - y) ** 2)
        grads = tape.gradient(error, [w1, b1, w2, b2])
        for var, grad in zip([w1, b1, w2, b2], grads):
            var.assign_sub(lr * grad)
    return error
# --8<-- [end:tensorflow]


# --8<-- [start:keras]
def train_keras(start, num_epochs=NUM_EPOCHS, lr=LR):
    """The same network in Keras from the same starting weights. Keras's
    "mse" is the mean over the 4 rows, (1/4) sum (t - y)**2, so its
    gradient is half of ours and the learning rate is doubled. One
    gradient step per batch of the 4 rows, 64-bit floats to compare."""
    model = keras.Sequential([
        keras.Input(shape=(2,), dtype="float64"),
        keras.layers.Dense(2, activation="sigmoid", dtype="float64"),
        keras.layers.Dense(1, activation="sigmoid", dtype="float64")])
    model.set_weights([start[0], start[1][0], start[2], start[3][0]])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=2 * lr),
                  loss="mse", steps_per_execution=500)
    x = np.tile(XOR_X, (num_epochs, 1))   # num_epochs batches of 4 rows
    y = np.tile(XOR_T, (num_epochs, 1))
    model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
    return model
# --8<-- [end:keras]


def solved(outputs):
    """Every one of the four outputs on the right side of 0.5."""
    return np.all((outputs > 0.5) == (XOR_T[:, 0] > 0.5), axis=-1)


def plot_surfaces(params, stuck, good):
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.6), sharey=True)
    grid = np.linspace(-0.5, 1.5, 101)
    g1, g2 = np.meshgrid(grid, grid)
    points = np.column_stack([g1.ravel(), g2.ravel()])
    for ax, k, title in [(axes[0], stuck, "stuck"),
                         (axes[1], good, "solved")]:
        net = [p[k] for p in params]
        y = predict(net, points).reshape(g1.shape)
        image = ax.contourf(g1, g2, y, levels=np.linspace(0, 1, 11),
                            cmap="RdBu_r")
        ax.contour(g1, g2, y, levels=[0.5], colors="k")
        ax.scatter(*XOR_X.T, c=np.where(XOR_T[:, 0] > 0.5, "#d62728",
                                        "white"),
                   edgecolors="k", s=80, zorder=3)
        ax.set(title=f"seed {k}: {title}", xlabel="x₁", aspect="equal")
    axes[0].set_ylabel("x₂")
    fig.colorbar(image, ax=axes, shrink=0.85, label="output y")
    return fig


def main() -> dict:
    """Count stuck 2-2-1 and 2-4-1 networks over 100 seeds; train one
    seed again in TensorFlow and Keras; draw a stuck and a solved net."""
    # --8<-- [start:count]
    start = init_networks(NUM_SEEDS, 2)
    params, errors = train_networks(start)
    ok = solved(predict(params, XOR_X))
    wide, _ = train_networks(init_networks(NUM_SEEDS, 4))
    wide_ok = solved(predict(wide, XOR_X))
    print(f"2-2-1: {ok.sum()} of {NUM_SEEDS} solved XOR")
    print(f"2-4-1: {wide_ok.sum()} of {NUM_SEEDS} solved XOR")
    # --8<-- [end:count]
    stuck_errors = errors[-1][~ok]
    # the stuck ones no longer move: their error over the last half
    change = np.abs(errors[-1] - errors[NUM_EPOCHS // 2])[~ok]
    good, stuck = int(np.flatnonzero(ok)[0]), int(np.flatnonzero(~ok)[0])
    # --8<-- [start:one_seed]
    one = [tf.Variable(p[good]) for p in start]
    train_tf(*one, tf.constant(NUM_EPOCHS), tf.constant(LR, "float64"))
    tf_diff = max(float(np.max(np.abs(v.numpy() - p[good])))
                  for v, p in zip(one, params))
    model = train_keras([p[good] for p in start])
    keras_y = model.predict(XOR_X, verbose=0)[:, 0]
    keras_diff = float(np.max(np.abs(
        keras_y - predict([p[good] for p in params], XOR_X))))
    print(f"seed {good}: Keras outputs {np.round(keras_y, 3)}")
    # --8<-- [end:one_seed]
    plot_surfaces(params, stuck, good)
    plt.show()
    return {"num_seeds": NUM_SEEDS, "num_epochs": NUM_EPOCHS, "lr": LR,
            "num_solved": int(ok.sum()), "num_stuck": int((~ok).sum()),
            "wide_solved": int(wide_ok.sum()),
            "stuck_error_min": float(stuck_errors.min()),
            "stuck_error_max": float(stuck_errors.max()),
            "stuck_change_max": float(change.max()),
            "solved_error_max": float(errors[-1][ok].max()),
            "good_seed": good, "stuck_seed": stuck,
            "tf_diff": tf_diff, "keras_diff": keras_diff,
            "stuck_outputs": predict([p[stuck] for p in params],
                                     XOR_X).tolist()}


if __name__ == "__main__":
    main()
