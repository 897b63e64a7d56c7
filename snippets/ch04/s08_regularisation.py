"""Over-fitting a wide network on 100 noisy points, and five ways to fight it.

Section: 4-8 Over-fitting and regularisation
Figure: s08_regularisation_curves.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.datasets import make_moons

SEED = 48
NUM_EPOCHS = 300
LR = 0.01
HIDDEN = 128


# --8<-- [start:penalty]
def l1_penalty(weights, strength):
    """Keras's L1: strength · Σ|w|; its gradient is strength · sign(w)."""
    return strength * np.abs(weights).sum(), strength * np.sign(weights)


def l2_penalty(weights, strength):
    """Keras's L2: strength · Σw², no ½; its gradient is 2 · strength · w."""
    return strength * (weights ** 2).sum(), 2 * strength * weights
# --8<-- [end:penalty]


# --8<-- [start:dropout]
def inverted_dropout(x, rate, rng):
    """Zero each entry with probability rate and divide the survivors by
    1 - rate, so the expected value is unchanged; at inference: x."""
    keep = rng.random(x.shape) >= rate
    return np.where(keep, x / (1 - rate), 0.0)
# --8<-- [end:dropout]


# --8<-- [start:adamw]
def adam_step(w, g, lr, beta_1=0.9, beta_2=0.999, eps=1e-7):
    """The first step of Keras's Adam from zero moments (as in 1-9)."""
    m, v = (1 - beta_1) * g, (1 - beta_2) * g ** 2
    alpha = lr * np.sqrt(1 - beta_2) / (1 - beta_1)
    return w - alpha * m / (np.sqrt(v) + eps)


def adam_l2_step(w, g, lr, l2):
    """L2 in the loss: its gradient 2·l2·w joins g before Adam rescales."""
    return adam_step(w, g + 2 * l2 * w, lr)


def adamw_step(w, g, lr, weight_decay):
    """Keras's AdamW: shrink by lr·wd·w first, then Adam on g alone."""
    return adam_step(w - lr * weight_decay * w, g, lr)
# --8<-- [end:adamw]


# --8<-- [start:data]
def moons(seed=SEED):
    """Two interleaved half-moons with heavy noise: 100 points to train,
    200 to choose each method's strength, 2,000 to test."""
    splits = {}
    for i, (name, n) in enumerate([("train", 100), ("val", 200),
                                   ("test", 2000)]):
        x, y = make_moons(n, noise=0.35, random_state=seed + i)
        splits[name] = (x.astype("float32"), y.astype("float32")[:, None])
    return splits
# --8<-- [end:data]


# --8<-- [start:model]
def build(penalty=None, dropout=0.0):
    """2 → 128 → 128 → 1: some 17,000 weights for 100 points."""
    layers = [keras.Input(shape=(2,))]
    for _ in range(2):
        layers.append(keras.layers.Dense(HIDDEN, activation="relu",
                                         kernel_regularizer=penalty))
        if dropout:
            layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(1, activation="sigmoid",
                                     kernel_regularizer=penalty))
    return keras.Sequential(layers)


def accuracy(model, x, y):
    return float(np.mean((model.predict(x, verbose=0) > 0.5) == (y > 0.5)))


def train(model, optimizer, data, start, num_epochs=NUM_EPOCHS):
    """Full-batch training from the weights `start`. After each step: the
    unpenalised cross-entropy and the accuracy on train and validation;
    after the last, the test accuracy (the test split steers nothing)."""
    model.set_weights(start)
    bce = keras.losses.BinaryCrossentropy()
    (x, y), (x_val, y_val) = data["train"], data["val"]

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss = bce(y, model(x, training=True))
            if model.losses:  # the penalties of kernel_regularizer
                loss = loss + tf.add_n(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply(grads, model.trainable_variables)
        out = []
        for xs, ys in [(x, y), (x_val, y_val)]:
            p = model(xs, training=False)
            hit = tf.cast((p > 0.5) == (ys > 0.5), tf.float32)
            out += [bce(ys, p), tf.reduce_mean(hit)]
        return tf.stack(out)

    rows = np.array([step().numpy() for _ in range(num_epochs)])
    names = ["train_loss", "train_accuracy", "val_loss", "val_accuracy"]
    history = dict(zip(names, rows.T))
    history["test_accuracy"] = accuracy(model, *data["test"])
    return history
# --8<-- [end:model]


# --8<-- [start:stop]
def early_stop(history, patience):
    """What EarlyStopping(patience, restore_best_weights=True) keeps:
    the best validation loss before `patience` epochs without a better
    one (0-based epoch)."""
    best, since = 0, 0
    for epoch, loss in enumerate(history["val_loss"]):
        if loss < history["val_loss"][best]:
            best, since = epoch, 0
        else:
            since += 1
            if since >= patience:
                break
    return best
# --8<-- [end:stop]


# --8<-- [start:grid]
GRID = {"L1": [1e-4, 1e-3, 1e-2],
        "L2": [1e-4, 1e-3, 1e-2],
        "Dropout": [0.2, 0.5, 0.8],
        "AdamW": [0.1, 1.0, 10.0],
        "early stopping": [10, 30, 100]}  # patience in epochs


def run_method(method, strength, data, start):
    """One training run, read at its last epoch. For early stopping,
    `strength` is the number of epochs to train: the epoch it restores."""
    penalty = {"L1": keras.regularizers.L1,
               "L2": keras.regularizers.L2}.get(method)
    model = build(penalty(strength) if penalty else None,
                  strength if method == "Dropout" else 0.0)
    optimizer = (keras.optimizers.AdamW(LR, weight_decay=strength)
                 if method == "AdamW" else keras.optimizers.Adam(LR))
    num_epochs = NUM_EPOCHS if method != "early stopping" else strength
    return train(model, optimizer, data, start, num_epochs)
# --8<-- [end:grid]


KEYS = {"none": "none", "L1": "l1", "L2": "l2", "Dropout": "dropout",
        "AdamW": "adamw", "early stopping": "early"}


def main() -> dict:
    """Train the same network, from the same weights, on the same data,
    without regularisation and with each method at each strength; keep
    the strength with the least validation loss; score on test."""
    keras.utils.set_random_seed(SEED)
    data = moons()
    start = build().get_weights()
    # --8<-- [start:experiment]
    plain = run_method("none", None, data, start)
    last = NUM_EPOCHS - 1
    rows, curves = {"none": (None, last, plain)}, {"none": plain}
    for method, strengths in GRID.items():
        tried = []
        for strength in strengths:
            if method == "early stopping":  # the plain run, stopped
                history, epoch = plain, early_stop(plain, strength)
            else:
                history = run_method(method, strength, data, start)
                epoch = last
            tried.append((history["val_loss"][epoch], strength, epoch,
                          history))
        _, strength, epoch, history = min(tried, key=lambda t: t[0])
        if method == "early stopping":  # retrain to the restored epoch
            kept = run_method(method, epoch + 1, data, start)
            history = {**plain, "test_accuracy": kept["test_accuracy"]}
        rows[method], curves[method] = (strength, epoch, history), history
    # --8<-- [end:experiment]
    table = {m: (s, e, h["train_accuracy"][e], h["val_loss"][e],
                 h["test_accuracy"]) for m, (s, e, h) in rows.items()}
    print(f"{'method':<15} {'strength':>8} {'epoch':>5} {'train':>6}"
          f" {'test':>6} {'gap':>6}")
    for m, (s, e, tr, _, te) in table.items():
        print(f"{m:<15} {str(s):>8} {e + 1:>5} {tr:>6.3f} {te:>6.3f}"
              f" {tr - te:>6.3f}")
    y_train, y_test = data["train"][1], data["test"][1]
    majority = float((y_test == (y_train.mean() >= 0.5)).mean())
    linear = keras.Sequential([keras.Input(shape=(2,)),
                               keras.layers.Dense(1, activation="sigmoid")])
    linear_accuracy = train(linear, keras.optimizers.Adam(LR), data,
                            linear.get_weights())["test_accuracy"]
    fig, axes = plt.subplots(2, 1, figsize=(6, 7), sharex=True)
    epochs = np.arange(1, NUM_EPOCHS + 1)
    for m, h in curves.items():
        e = rows[m][1]
        if m == "early stopping":  # the plain run, read at epoch e
            axes[1].plot(e + 1, h["val_loss"][e], "*", ms=12,
                         color="black", label="early stopping")
            continue
        style = {"color": "black", "lw": 2} if m == "none" else {"lw": 1}
        axes[0].plot(epochs, h["train_accuracy"], label=m, **style)
        line, = axes[1].semilogy(epochs, h["val_loss"], label=m, **style)
        axes[1].plot(e + 1, h["val_loss"][e], "o", color=line.get_color())
    axes[0].set(ylabel="training accuracy", title="training accuracy")
    axes[1].set(xlabel="epoch", ylabel="validation cross-entropy",
                title="validation loss (dot: epoch read)")
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    plt.show()
    result = {"num_train": len(y_train), "num_val": len(data["val"][1]),
              "num_test": len(y_test), "num_epochs": NUM_EPOCHS,
              "num_params": int(sum(w.size for w in start)),
              "majority_accuracy": majority,
              "linear_accuracy": linear_accuracy}
    for m, (s, e, tr, vl, te) in table.items():
        k = KEYS[m]
        result.update({f"{k}_strength": s, f"{k}_epoch": e + 1,
                       f"{k}_train": float(tr), f"{k}_val_loss": float(vl),
                       f"{k}_test": float(te), f"{k}_gap": float(tr - te)})
    result.pop("none_strength")
    tests = {m: result[f"{KEYS[m]}_test"] for m in table}
    result["best_method"] = max(tests, key=tests.get)
    result["best_test"] = max(tests.values())
    return result

if __name__ == "__main__":
    main()
