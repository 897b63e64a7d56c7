"""The optimal discriminator, and the two generator losses' gradients.

A discriminator with one free logit per histogram bin, trained in Keras
on fixed real and generated samples, reaches D* = p_data/(p_data + p_g)
bin by bin. Then the saturating loss log(1 - D) and the non-saturating
loss -log D are differentiated with tf.GradientTape.

Section: 8-2 The GAN loss
Figure: s02_optimal_discriminator_fit.svg, s02_optimal_discriminator_grads.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 82
NUM_SAMPLES = 20_000
EDGES = np.linspace(-1.5, 5.0, 21)  # 20 bins, each with both kinds


@dataclass
class OptimalDResult:
    """What the page quotes from the D* check."""

    num_bins: int
    max_abs_error: float  # |D_trained - D*| over the bins
    value_trained: float  # V(D, G) at the trained D
    value_optimal: float  # V(D*, G), the most any D can reach
    saturating_at_minus_6: float  # dL/da at the logit a = -6
    non_saturating_at_minus_6: float
    saturating_at_0: float
    non_saturating_at_0: float


# --8<-- [start:dstar]
def bin_counts(real, fake):
    """Histogram counts of the real and the generated samples."""
    n_real, _ = np.histogram(real, EDGES)
    n_fake, _ = np.histogram(fake, EDGES)
    return n_real.astype(float), n_fake.astype(float)


def optimal_discriminator(n_real, n_fake):
    """D* = p_data / (p_data + p_g), bin by bin."""
    return n_real / (n_real + n_fake)


def train_bin_discriminator(n_real, n_fake, num_steps=2000):
    """A discriminator with one logit per bin (one-hot input, a Dense
    layer, a sigmoid), trained on every sample with binary
    cross-entropy: real samples labelled 1, generated ones 0."""
    num_bins = len(n_real)
    one_hot = np.eye(num_bins, dtype="float32")
    x = np.concatenate([one_hot, one_hot])
    y = np.concatenate([np.ones(num_bins), np.zeros(num_bins)])
    weights = np.concatenate([n_real, n_fake])   # samples per (bin, label)
    model = keras.Sequential([
        keras.Input(shape=(num_bins,)),
        keras.layers.Dense(1, activation="sigmoid")])
    lr = keras.optimizers.schedules.CosineDecay(0.1, num_steps)
    model.compile(optimizer=keras.optimizers.Adam(lr),
                  loss="binary_crossentropy")
    repeat = num_steps                       # full-batch steps, one epoch
    model.fit(np.tile(x, (repeat, 1)), np.tile(y, repeat),
              sample_weight=np.tile(weights / weights.mean(), repeat),
              batch_size=len(x), epochs=1, shuffle=False, verbose=0)
    return model.predict(one_hot, verbose=0)[:, 0]
# --8<-- [end:dstar]


def value(d, n_real, n_fake):
    """V(D, G) = E_data[log D] + E_g[log(1 - D)] on the histograms, in
    float64 (a float32 log would round V by more than D* beats D)."""
    d = np.clip(np.asarray(d, dtype=float), 1e-12, 1 - 1e-12)
    return float(np.sum(n_real * np.log(d)) / n_real.sum()
                 + np.sum(n_fake * np.log(1 - d)) / n_fake.sum())


# --8<-- [start:grads]
def generator_loss_gradients(logits):
    """dL/da for the two generator losses, where D = sigmoid(a) is the
    discriminator's output on a generated sample."""
    a = tf.constant(logits, dtype=tf.float64)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(a)
        d = tf.sigmoid(a)
        saturating = tf.math.log(1.0 - d)       # minimise log(1 - D)
        non_saturating = -tf.math.log(d)        # minimise -log D
    return (tape.gradient(saturating, a).numpy(),
            tape.gradient(non_saturating, a).numpy())
# --8<-- [end:grads]


def main() -> OptimalDResult:
    """Check D* and draw it; compare the two losses' gradients."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    # --8<-- [start:check]
    real = rng.normal(2.0, 1.0, NUM_SAMPLES)          # p_data
    fake = rng.normal(0.5, 1.5, NUM_SAMPLES)          # a generator's p_g
    n_real, n_fake = bin_counts(real, fake)
    d_star = optimal_discriminator(n_real, n_fake)
    d_trained = train_bin_discriminator(n_real, n_fake)
    max_error = np.max(np.abs(d_trained - d_star))
    print(f"largest |D - D*| over {len(d_star)} bins: {max_error:.2e}")
    # --8<-- [end:check]
    centres = (EDGES[:-1] + EDGES[1:]) / 2
    width = EDGES[1] - EDGES[0]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 5.2), sharex=True)
    top.bar(centres, n_real / n_real.sum() / width, width, alpha=0.5,
            label="real, $p_{data}$")
    top.bar(centres, n_fake / n_fake.sum() / width, width, alpha=0.5,
            label="generated, $p_g$")
    top.set(ylabel="density")
    top.legend()
    bottom.plot(centres, d_star, "k-", label="$D^*$ from the counts")
    bottom.plot(centres, d_trained, "o", ms=4, label="trained D")
    bottom.axhline(0.5, color="grey", lw=0.8, ls=":")
    bottom.set(xlabel="x", ylabel="D(x)", ylim=(-0.05, 1.05))
    bottom.legend()
    for ax in (top, bottom):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()

    logits = np.linspace(-6.0, 6.0, 241)
    g_sat, g_non = generator_loss_gradients(logits)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    d = 1 / (1 + np.exp(-logits))
    ax.plot(d, np.abs(g_sat), label=r"saturating, $\log(1-D)$")
    ax.plot(d, np.abs(g_non), label=r"non-saturating, $-\log D$")
    ax.set(xlabel="D(G(z)), the discriminator's belief that a fake is real",
           ylabel="|dL/da| at the logit a")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    (sat_6, sat_0), (non_6, non_0) = generator_loss_gradients([-6.0, 0.0])
    return OptimalDResult(
        num_bins=len(d_star), max_abs_error=float(max_error),
        value_trained=value(d_trained, n_real, n_fake),
        value_optimal=value(d_star, n_real, n_fake),
        saturating_at_minus_6=float(sat_6),
        non_saturating_at_minus_6=float(non_6),
        saturating_at_0=float(sat_0), non_saturating_at_0=float(non_0))


if __name__ == "__main__":
    main()
