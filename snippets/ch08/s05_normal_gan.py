"""A 1-D GAN that learns N(4, 1.25²), written twice.

First as a custom training loop with tf.GradientTape (Algorithm 1 of
Goodfellow et al. 2014 with k discriminator steps per generator step),
then as a keras.Model subclass that overrides train_step and is trained
with fit(). Both start from the same weights and see the same batches,
so they end with the same weights.

Section: 8-5 Practice: generating normal-distribution data, TensorFlow version
Figure: s05_normal_gan_histograms.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 85
TARGET_MEAN, TARGET_STD = 4.0, 1.25
NOISE_DIM = 4
BATCH_SIZE = 128
NUM_STEPS = 1500  # generator steps; cut for time
K_DISC = 1        # discriminator steps per generator step
SNAPSHOTS = (0, 100, 400, NUM_STEPS)


@dataclass
class NormalGANResult:
    """What the page quotes from the 1-D GAN."""

    num_steps: int
    snapshot_steps: list
    snapshot_means: list  # of 10,000 generated samples at each snapshot
    snapshot_stds: list
    snapshot_steps_0: int  # the same, one field each, for the page
    snapshot_steps_1: int
    snapshot_steps_2: int
    snapshot_steps_3: int
    snapshot_mean_0: float
    snapshot_mean_1: float
    snapshot_mean_2: float
    snapshot_mean_3: float
    snapshot_std_0: float
    snapshot_std_1: float
    snapshot_std_2: float
    snapshot_std_3: float
    final_mean: float
    final_std: float
    max_weight_difference: float  # tape loop vs train_step, all weights


# --8<-- [start:models]
def build_generator():
    return keras.Sequential([
        keras.Input(shape=(NOISE_DIM,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1)], name="generator")


def build_discriminator():
    return keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1)], name="discriminator")   # a logit


bce = keras.losses.BinaryCrossentropy(from_logits=True)


def discriminator_loss(real_logits, fake_logits):
    """-[log D(x) + log(1 - D(G(z)))], averaged over the batch."""
    return (bce(tf.ones_like(real_logits), real_logits)
            + bce(tf.zeros_like(fake_logits), fake_logits))


def generator_loss(fake_logits):
    """The non-saturating loss -log D(G(z))."""
    return bce(tf.ones_like(fake_logits), fake_logits)
# --8<-- [end:models]


def make_batches(rng, num_steps):
    """Every batch of real samples and of noise, drawn once up front."""
    real = rng.normal(TARGET_MEAN, TARGET_STD,
                      (num_steps, K_DISC, BATCH_SIZE, 1))
    noise = rng.standard_normal((num_steps, K_DISC + 1, BATCH_SIZE,
                                 NOISE_DIM))
    return real.astype("float32"), noise.astype("float32")


# --8<-- [start:tape]
def make_train_step(generator, discriminator, g_opt, d_opt):
    """One step of Algorithm 1: K_DISC discriminator updates, then one
    generator update."""

    @tf.function
    def train_step(real, noise):
        for k in range(K_DISC):
            with tf.GradientTape() as tape:
                fake = generator(noise[k], training=True)
                d_loss = discriminator_loss(
                    discriminator(real[k], training=True),
                    discriminator(fake, training=True))
            grads = tape.gradient(d_loss,
                                  discriminator.trainable_variables)
            d_opt.apply(grads, discriminator.trainable_variables)
        with tf.GradientTape() as tape:
            fake = generator(noise[K_DISC], training=True)
            g_loss = generator_loss(discriminator(fake, training=True))
        grads = tape.gradient(g_loss, generator.trainable_variables)
        g_opt.apply(grads, generator.trainable_variables)
        return d_loss, g_loss

    return train_step
# --8<-- [end:tape]


# --8<-- [start:subclass]
class GAN(keras.Model):
    """The same GAN; fit() calls train_step once per batch."""

    def __init__(self, generator, discriminator):
        super().__init__()
        self.generator = generator
        self.discriminator = discriminator
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")

    def compile(self, g_optimizer, d_optimizer):
        super().compile()                     # no loss: train_step has it
        self.g_optimizer = g_optimizer
        self.d_optimizer = d_optimizer

    @property
    def metrics(self):                        # reset at each epoch
        return [self.d_loss_tracker, self.g_loss_tracker]

    def train_step(self, data):
        real, noise = data                    # one batch of each
        for k in range(K_DISC):
            with tf.GradientTape() as tape:
                fake = self.generator(noise[k], training=True)
                d_loss = discriminator_loss(
                    self.discriminator(real[k], training=True),
                    self.discriminator(fake, training=True))
            grads = tape.gradient(
                d_loss, self.discriminator.trainable_variables)
            self.d_optimizer.apply(
                grads, self.discriminator.trainable_variables)
        with tf.GradientTape() as tape:
            fake = self.generator(noise[K_DISC], training=True)
            g_loss = generator_loss(
                self.discriminator(fake, training=True))
        grads = tape.gradient(g_loss, self.generator.trainable_variables)
        self.g_optimizer.apply(grads, self.generator.trainable_variables)
        self.d_loss_tracker.update_state(d_loss)
        self.g_loss_tracker.update_state(g_loss)
        return {m.name: m.result() for m in self.metrics}
# --8<-- [end:subclass]


def sample(generator, rng, n=10_000):
    z = rng.standard_normal((n, NOISE_DIM)).astype("float32")
    return generator.predict(z, batch_size=n, verbose=0)[:, 0]


def main() -> NormalGANResult:
    """Train with the tape loop, snapshot histograms; retrain as a Model
    subclass from the same start and compare the weights."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    generator, discriminator = build_generator(), build_discriminator()
    start = [generator.get_weights(), discriminator.get_weights()]
    real, noise = make_batches(rng, NUM_STEPS)
    # --8<-- [start:loop]
    train_step = make_train_step(
        generator, discriminator,
        keras.optimizers.Adam(1e-3, beta_1=0.5),
        keras.optimizers.Adam(1e-3, beta_1=0.5))
    snapshots = {0: sample(generator, np.random.default_rng(0))}
    for step in range(NUM_STEPS):
        train_step(real[step], noise[step])
        if step + 1 in SNAPSHOTS:
            snapshots[step + 1] = sample(generator,
                                         np.random.default_rng(0))
    # --8<-- [end:loop]
    final = snapshots[NUM_STEPS]
    print(f"target mean {TARGET_MEAN}, std {TARGET_STD}; generated "
          f"mean {final.mean():.3f}, std {final.std():.3f}")

    # --8<-- [start:fit]
    g2, d2 = build_generator(), build_discriminator()
    g2.set_weights(start[0])
    d2.set_weights(start[1])
    gan = GAN(g2, d2)
    gan.compile(g_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5),
                d_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5))
    dataset = tf.data.Dataset.from_tensor_slices((real, noise))
    gan.fit(dataset, epochs=1, shuffle=False, verbose=0)  # 1 step a batch
    # --8<-- [end:fit]
    difference = max(
        float(np.max(np.abs(a - b)))
        for model_a, model_b in [(generator, g2), (discriminator, d2)]
        for a, b in zip(model_a.get_weights(), model_b.get_weights()))
    print(f"largest weight difference, loop vs fit: {difference:.1e}")

    fig, axes = plt.subplots(2, 2, figsize=(7, 5), sharex=True)
    grid = np.linspace(-2, 10, 300)
    target_pdf = (np.exp(-0.5 * ((grid - TARGET_MEAN) / TARGET_STD) ** 2)
                  / (TARGET_STD * np.sqrt(2 * np.pi)))
    for ax, step in zip(axes.flat, SNAPSHOTS):
        ax.hist(snapshots[step], bins=60, range=(-2, 10), density=True,
                alpha=0.6, label="generated")
        ax.plot(grid, target_pdf, "k-", lw=1.2, label="target")
        ax.set_title(f"after {step} steps", fontsize=10)
        ax.grid(alpha=0.3)
    axes[0, 0].legend(fontsize=8)
    for ax in axes[1]:
        ax.set_xlabel("x")
    fig.tight_layout()
    plt.show()
    steps = list(SNAPSHOTS)
    means = [float(snapshots[s].mean()) for s in steps]
    stds = [float(snapshots[s].std()) for s in steps]
    fields = {}
    for i, (step, mean, std) in enumerate(zip(steps, means, stds)):
        fields.update({f"snapshot_steps_{i}": step,
                       f"snapshot_mean_{i}": mean,
                       f"snapshot_std_{i}": std})
    return NormalGANResult(
        num_steps=NUM_STEPS, snapshot_steps=steps,
        snapshot_means=means, snapshot_stds=stds, **fields,
        final_mean=float(final.mean()), final_std=float(final.std()),
        max_weight_difference=difference)


if __name__ == "__main__":
    main()
