"""A small DCGAN learns MNIST digits on a CPU in seconds.

Radford et al. 2015's architecture rules on a small scale: a generator of
two stride-2 Conv2DTranspose layers (7x7 -> 14x14 -> 28x28, batch norm,
ReLU, tanh output) and a discriminator of two stride-2 convolutions
(LeakyReLU 0.2, batch norm except at the input), Adam with beta_1 = 0.5
(the learning rate raised from the paper's 2e-4 to 1e-3 for a short run).
The training step is 8-4's make_train_step, unchanged. Cut for time: a
subset of the training images and a few epochs. The same 25 noise
vectors are drawn after every epoch; a small dense classifier judges the
samples against pure noise.

Section: 8-10 DCGAN
Figure: s10_dcgan_samples.svg, s10_dcgan_losses.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch08.s05_normal_gan import make_train_step

SEED = 810
NOISE_DIM = 64
NUM_TRAIN = 10_240   # of MNIST's 60,000 training images: cut for time
NUM_EPOCHS = 3       # cut for time
BATCH_SIZE = 128
LR, BETA_1 = 1e-3, 0.5   # the paper: 2e-4; raised for a short run
GRID = 5                 # a 5 x 5 grid of samples from fixed noise
NUM_JUDGED = 1024        # images judged: 8 batches of 128
CONFIDENT = 0.9          # "confident": top softmax probability above this


@dataclass
class DCGANResult:
    """What the page quotes from the DCGAN run."""

    num_train: int
    num_epochs: int
    steps_per_epoch: int
    num_steps: int
    batch_size: int
    lr: float
    noise_dim: int
    num_grid: int             # fixed-noise samples per snapshot
    generator_params: int
    discriminator_params: int
    d_loss: list              # mean per epoch
    g_loss: list
    d_loss_1: float           # the same, one field each, for the page
    d_loss_2: float
    d_loss_3: float
    g_loss_1: float
    g_loss_2: float
    g_loss_3: float
    d_accuracy_real: float    # on held-out real test images, batch
    d_accuracy_fake: float    # by batch, as in training; new fakes
    d_accuracy_real_inference: float  # the same with moving averages
    d_accuracy_fake_inference: float
    sample_spread: float      # pixel std across the fixed-noise batch
    real_spread: float        # the same for as many training images
    nearest_train_distance_min: float   # L2, generated -> training set
    nearest_train_distance_median: float
    nearest_test_distance_median: float  # real test -> training set
    classifier_accuracy: float   # the judge on real test images
    confident_generated: float   # share above CONFIDENT
    confident_noise: float
    confident_untrained: float   # the generator before training
    confident_real: float
    classes_generated: list      # judge's class counts, confident samples
    largest_class_share: float


def mnist_in_tanh_range(num_train=NUM_TRAIN, num_test=NUM_JUDGED):
    """MNIST images scaled to [-1, 1], tanh's range, with labels."""
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    scale = lambda x: (x.astype("float32") / 127.5 - 1.0)[..., None]
    return (scale(x_train[:num_train]), y_train[:num_train],
            scale(x_test[:num_test]), y_test[:num_test])


# --8<-- [start:models]
def build_generator():
    """noise -> 7x7x32 -> 14x14x16 -> 28x28x1 in [-1, 1]."""
    return keras.Sequential([
        keras.Input(shape=(NOISE_DIM,)),
        keras.layers.Dense(7 * 7 * 32, use_bias=False),  # the projection
        keras.layers.BatchNormalization(),
        keras.layers.ReLU(),
        keras.layers.Reshape((7, 7, 32)),
        keras.layers.Conv2DTranspose(16, 4, strides=2, padding="same",
                                     use_bias=False),
        keras.layers.BatchNormalization(),
        keras.layers.ReLU(),
        keras.layers.Conv2DTranspose(1, 4, strides=2, padding="same",
                                     activation="tanh")],  # no batch norm
        name="generator")


def build_discriminator():
    """28x28x1 -> 14x14x16 -> 7x7x32 -> one logit."""
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(16, 4, strides=2, padding="same"),  # no BN
        keras.layers.LeakyReLU(negative_slope=0.2),
        keras.layers.Conv2D(32, 4, strides=2, padding="same",
                            use_bias=False),
        keras.layers.BatchNormalization(),
        keras.layers.LeakyReLU(negative_slope=0.2),
        keras.layers.Flatten(),
        keras.layers.Dense(1)], name="discriminator")   # a logit
# --8<-- [end:models]


def tile(images, rows):
    """A batch of 28x28 images as one (rows*28) x (cols*28) array."""
    n = len(images)
    cols = n // rows
    grid = images[:rows * cols, :, :, 0].reshape(rows, cols, 28, 28)
    return grid.transpose(0, 2, 1, 3).reshape(rows * 28, cols * 28)


def build_judge():
    """A small dense MNIST classifier that judges the samples."""
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax")], name="judge")


def nearest_distances(queries, references):
    """L2 distance from each query image to its nearest reference."""
    q = queries.reshape(len(queries), -1).astype("float64")
    r = references.reshape(len(references), -1).astype("float64")
    squared = ((q ** 2).sum(1)[:, None] - 2 * q @ r.T
               + (r ** 2).sum(1)[None, :])
    return np.sqrt(np.maximum(squared.min(axis=1), 0.0))


def main() -> DCGANResult:
    """Train the small DCGAN, snapshot the fixed-noise grid each epoch,
    score the samples."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x_train, y_train, x_test, y_test = mnist_in_tanh_range()
    generator, discriminator = build_generator(), build_discriminator()
    judged_noise = rng.standard_normal((NUM_JUDGED, NOISE_DIM),
                                       dtype="float32")
    untrained = generator(judged_noise, training=False).numpy()
    # --8<-- [start:train]
    train_step = make_train_step(               # 8-4's step, unchanged
        generator, discriminator,
        keras.optimizers.Adam(LR, beta_1=BETA_1),
        keras.optimizers.Adam(LR, beta_1=BETA_1))
    fixed_noise = rng.standard_normal((GRID * GRID, NOISE_DIM),
                                      dtype="float32")
    grids = [generator(fixed_noise, training=False).numpy()]
    step_losses = []                           # (d_loss, g_loss) per step
    steps_per_epoch = len(x_train) // BATCH_SIZE
    for epoch in range(NUM_EPOCHS):
        order = rng.permutation(len(x_train))
        for step in range(steps_per_epoch):
            batch = order[step * BATCH_SIZE:(step + 1) * BATCH_SIZE]
            real = x_train[batch][None]        # K_DISC = 1 batch of reals
            noise = rng.standard_normal((2, BATCH_SIZE, NOISE_DIM),
                                        dtype="float32")
            step_losses.append([float(v) for v in train_step(real, noise)])
        grids.append(generator(fixed_noise, training=False).numpy())
        d_mean, g_mean = np.mean(step_losses[-steps_per_epoch:], axis=0)
        print(f"epoch {epoch + 1}: d_loss {d_mean:.3f}, "
              f"g_loss {g_mean:.3f}")
    # --8<-- [end:train]
    final = grids[-1]
    step_losses = np.array(step_losses)
    d_loss, g_loss = step_losses.reshape(
        NUM_EPOCHS, steps_per_epoch, 2).mean(axis=1).T.tolist()

    # the discriminator's accuracy: real test images vs fresh fakes
    fresh = generator(judged_noise, training=False).numpy()
    def accuracy(images, real, training):
        logits = np.concatenate([
            discriminator(images[i:i + BATCH_SIZE], training=training)
            for i in range(0, len(images), BATCH_SIZE)])[:, 0]
        return float(np.mean(logits > 0 if real else logits < 0))

    acc_real, acc_fake = (accuracy(x_test, True, False),
                          accuracy(fresh, False, False))
    acc_real_batch, acc_fake_batch = (accuracy(x_test, True, True),
                                      accuracy(fresh, False, True))

    # diversity and copying
    spread = float(final.std(axis=0).mean())
    real_spread = float(x_train[:GRID * GRID].std(axis=0).mean())
    nn_fake = nearest_distances(final, x_train)
    nn_test = nearest_distances(x_test[:GRID * GRID], x_train)

    # a small classifier judges generated images against pure noise
    judge = build_judge()
    judge.compile(optimizer="adam",
                  loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    judge.fit(x_train, y_train, epochs=5, batch_size=BATCH_SIZE,
              verbose=0)
    judge_acc = float(judge.evaluate(x_test, y_test, verbose=0)[1])
    noise_images = rng.uniform(-1, 1, fresh.shape).astype("float32")

    def confident(images):
        probs = judge.predict(images, batch_size=500, verbose=0)
        return probs.max(axis=1) > CONFIDENT, probs.argmax(axis=1)

    conf_fake, class_fake = confident(fresh)
    conf_noise, _ = confident(noise_images)
    conf_untrained, _ = confident(untrained)
    conf_real, _ = confident(x_test)
    counts = np.bincount(class_fake[conf_fake], minlength=10)
    print(f"discriminator accuracy: real {acc_real_batch:.3f}, "
          f"fake {acc_fake_batch:.3f} (batch statistics); real "
          f"{acc_real:.3f}, fake {acc_fake:.3f} (moving averages)")
    print(f"confident: generated "
          f"{conf_fake.mean():.3f}, noise {conf_noise.mean():.3f}")

    # --8<-- [start:plot]
    snapshots = range(0, NUM_EPOCHS + 1)
    fig, axes = plt.subplots(2, 2, figsize=(6, 6.4))
    for ax, epoch in zip(axes.flat, snapshots):
        ax.imshow(tile(grids[epoch], GRID), cmap="gray_r", vmin=-1, vmax=1,
                  interpolation="none")
        ax.set_title("before training" if epoch == 0
                     else f"after epoch {epoch}", fontsize=10)
        ax.axis("off")
    fig.tight_layout()
    plt.show()
    # --8<-- [end:plot]

    fig, ax = plt.subplots(figsize=(6, 3.8))
    steps = np.arange(1, len(step_losses) + 1)
    ends = steps_per_epoch * np.arange(1, NUM_EPOCHS + 1)
    for column, (name, marker) in enumerate([("discriminator", "o"),
                                             ("generator", "s")]):
        line, = ax.plot(steps, step_losses[:, column], lw=0.6, alpha=0.4)
        ax.plot(ends, [d_loss, g_loss][column], marker + "-",
                color=line.get_color(), label=f"{name}, epoch mean")
    ax.axhline(2 * np.log(2), color="k", ls=":", lw=1,
               label="discriminator loss at D = 1/2")
    ax.set_xlabel("generator step (epoch ends marked)")
    ax.set_ylabel("loss")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    plt.show()

    per_epoch = {f"{name}_{epoch}": value
                 for name, values in [("d_loss", d_loss), ("g_loss", g_loss)]
                 for epoch, value in enumerate(values, start=1)}
    return DCGANResult(
        num_train=len(x_train), num_epochs=NUM_EPOCHS,
        steps_per_epoch=steps_per_epoch,
        num_steps=NUM_EPOCHS * steps_per_epoch, batch_size=BATCH_SIZE,
        lr=LR, noise_dim=NOISE_DIM, num_grid=GRID * GRID,
        generator_params=int(generator.count_params()),
        discriminator_params=int(discriminator.count_params()),
        d_loss=d_loss, g_loss=g_loss, **per_epoch,
        d_accuracy_real=acc_real_batch, d_accuracy_fake=acc_fake_batch,
        d_accuracy_real_inference=acc_real,
        d_accuracy_fake_inference=acc_fake,
        sample_spread=spread, real_spread=real_spread,
        nearest_train_distance_min=float(nn_fake.min()),
        nearest_train_distance_median=float(np.median(nn_fake)),
        nearest_test_distance_median=float(np.median(nn_test)),
        classifier_accuracy=judge_acc,
        confident_generated=float(conf_fake.mean()),
        confident_noise=float(conf_noise.mean()),
        confident_untrained=float(conf_untrained.mean()),
        confident_real=float(conf_real.mean()),
        classes_generated=[int(c) for c in counts],
        largest_class_share=float(counts.max() / max(counts.sum(), 1)))


if __name__ == "__main__":
    main()
