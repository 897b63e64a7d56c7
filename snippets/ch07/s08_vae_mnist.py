"""A variational autoencoder with a 2-D latent space on MNIST.

A keras.Model subclass whose train_step adds the closed-form KL term to
the reconstruction loss; trained on a subset for the build's time. Draws
the latent means of test digits and the decoded latent grid.

Section: 7-8 Variational autoencoder
Figure: s08_vae_mnist_latent.svg, s08_vae_mnist_grid.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from scipy import stats

from snippets.ch07.s02_dense_ae_mnist import mnist_subset

SEED = 8
LATENT_DIM = 2
NUM_EPOCHS = 10  # cut for time, on 7-2's 6,000 training images
BATCH_SIZE = 128
GRID = 12  # the decoded grid is GRID x GRID digits


@dataclass
class VAEResult:
    """What the page quotes from the VAE run."""

    num_train: int
    num_epochs: int
    reconstruction: list  # per epoch, summed over pixels, batch mean
    kl: list  # per epoch, summed over latent dimensions
    test_reconstruction: float
    test_kl: float
    latent_mean_std: list  # spread of the test digits' means, per axis


# --8<-- [start:model]
class Sampling(keras.layers.Layer):
    """z = mean + exp(log_var / 2) * eps: the reparameterisation trick."""

    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(keras.ops.shape(z_mean),
                                  seed=self.seed_generator)
        return z_mean + keras.ops.exp(0.5 * z_log_var) * eps

    def build(self, input_shape):
        self.seed_generator = keras.random.SeedGenerator(SEED)


def build_encoder(latent_dim=LATENT_DIM):
    inputs = keras.Input(shape=(784,))
    h = keras.layers.Dense(256, activation="relu")(inputs)
    z_mean = keras.layers.Dense(latent_dim, name="z_mean")(h)
    z_log_var = keras.layers.Dense(latent_dim, name="z_log_var")(h)
    z = Sampling()([z_mean, z_log_var])
    return keras.Model(inputs, [z_mean, z_log_var, z], name="encoder")


def build_decoder(latent_dim=LATENT_DIM):
    latent = keras.Input(shape=(latent_dim,))
    h = keras.layers.Dense(256, activation="relu")(latent)
    outputs = keras.layers.Dense(784, activation="sigmoid")(h)
    return keras.Model(latent, outputs, name="decoder")
# --8<-- [end:model]


# --8<-- [start:vae]
class VAE(keras.Model):
    """Minimises -ELBO = reconstruction (BCE summed over pixels) + KL."""

    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder, self.decoder = encoder, decoder
        self.trackers = {name: keras.metrics.Mean(name=name)
                         for name in ["loss", "reconstruction", "kl"]}

    @property
    def metrics(self):  # reset by fit() at the start of every epoch
        return list(self.trackers.values())

    def losses_of(self, x):
        z_mean, z_log_var, z = self.encoder(x)
        x_hat = self.decoder(z)
        reconstruction = keras.ops.mean(keras.ops.sum(
            keras.losses.binary_crossentropy(x[..., None], x_hat[..., None]),
            axis=1))
        kl = keras.ops.mean(0.5 * keras.ops.sum(
            keras.ops.square(z_mean) + keras.ops.exp(z_log_var)
            - z_log_var - 1.0, axis=1))
        return reconstruction, kl

    def train_step(self, x):
        with tf.GradientTape() as tape:
            reconstruction, kl = self.losses_of(x)
            loss = reconstruction + kl
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        for name, value in [("loss", loss), ("reconstruction",
                                             reconstruction), ("kl", kl)]:
            self.trackers[name].update_state(value)
        return {name: t.result() for name, t in self.trackers.items()}
# --8<-- [end:vae]


def plot_latent(z_mean, labels):
    fig, ax = plt.subplots(figsize=(6, 5))
    points = ax.scatter(z_mean[:, 0], z_mean[:, 1], c=labels, s=4,
                        cmap="tab10", vmin=-0.5, vmax=9.5,
                        rasterized=True)  # thousands of dots: a bitmap
    fig.colorbar(points, ax=ax, ticks=range(10), label="digit")
    ax.set(xlabel="z1 (mean)", ylabel="z2 (mean)")
    fig.tight_layout()


# --8<-- [start:grid]
def plot_latent_grid(decoder, num=GRID):
    """Decode a grid of z at the normal quantiles 0.05 .. 0.95."""
    values = stats.norm.ppf(np.linspace(0.05, 0.95, num))
    z = np.array([[a, b] for b in values[::-1] for a in values],
                 dtype="float32")
    digits = decoder.predict(z, verbose=0).reshape(num, num, 28, 28)
    canvas = digits.transpose(0, 2, 1, 3).reshape(num * 28, num * 28)
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.imshow(canvas, cmap="gray_r", extent=[0, num, 0, num],
              interpolation="none")  # SVG keeps the pixels, unresampled
    ticks = np.arange(num) + 0.5
    ax.set_xticks(ticks[::2], [f"{v:.1f}" for v in values[::2]])
    ax.set_yticks(ticks[::2], [f"{v:.1f}" for v in values[::2]])
    ax.set(xlabel="z1", ylabel="z2")
    fig.tight_layout()
# --8<-- [end:grid]


def main() -> VAEResult:
    """Train the VAE, score it on test digits, draw its latent space."""
    keras.utils.set_random_seed(SEED)
    x_train, x_test, y_test = mnist_subset()
    # --8<-- [start:train]
    vae = VAE(build_encoder(), build_decoder())
    vae.compile(optimizer=keras.optimizers.Adam(1e-3))
    history = vae.fit(x_train, epochs=NUM_EPOCHS, batch_size=BATCH_SIZE,
                      verbose=2)
    # --8<-- [end:train]
    test_reconstruction, test_kl = vae.losses_of(x_test)
    z_mean = vae.encoder.predict(x_test, verbose=0)[0]
    plot_latent(z_mean, y_test)
    plot_latent_grid(vae.decoder)
    plt.show()
    return VAEResult(
        num_train=len(x_train), num_epochs=NUM_EPOCHS,
        reconstruction=[float(v) for v in history.history["reconstruction"]],
        kl=[float(v) for v in history.history["kl"]],
        test_reconstruction=float(test_reconstruction),
        test_kl=float(test_kl),
        latent_mean_std=z_mean.std(axis=0).tolist())


if __name__ == "__main__":
    main()
