"""A 1-D GAN on a mixture of five normals, and the modes it drops.

Section 8-5's networks and training step (imported, not repeated) learn
an equal mixture of five well-separated normals. Every 250 steps the
generator's samples are counted near each mode; histograms at six
points of training are drawn over the target density.

Section: 8-7 Practice: a mixture of normal distributions
Figure: s07_mixture_gan_histograms.svg, s07_mixture_gan_shares.svg
"""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch08.s05_normal_gan import (NOISE_DIM, build_discriminator,
                                          build_generator, make_train_step)

SEED = 8
MODES = np.array([-8.0, -4.0, 0.0, 4.0, 8.0])  # equal weights
MODE_STD = 0.5
BATCH_SIZE = 256
LEARNING_RATE = 3e-3
NUM_STEPS = 3000        # generator steps; cut for time
CHECK_EVERY = 250       # count the modes every this many steps
SNAPSHOTS = (0, 500, 1000, 1500, 2000, NUM_STEPS)  # histograms drawn
NUM_SAMPLES = 10_000    # generated samples per check
COVERED = 0.25 / len(MODES)  # a mode is covered above a quarter of its
                             # fair share of the samples


# --8<-- [start:data]
def sample_mixture(rng, shape):
    """Samples of the equal mixture: pick a mode, add its noise."""
    component = rng.integers(0, len(MODES), shape)
    return MODES[component] + MODE_STD * rng.standard_normal(shape)


def mode_shares(x):
    """The share of samples within 2 standard deviations of each mode
    (95.4% of a mode's own samples fall there)."""
    return np.mean(np.abs(x[:, None] - MODES[None, :]) < 2 * MODE_STD,
                   axis=0)
# --8<-- [end:data]


def mixture_pdf(x):
    return np.mean(np.exp(-0.5 * ((x[:, None] - MODES) / MODE_STD) ** 2),
                   axis=1) / (MODE_STD * np.sqrt(2 * np.pi))


def main() -> dict:
    """Train the GAN on the mixture, counting modes every CHECK_EVERY
    steps; draw histograms and each mode's share over training."""
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    # --8<-- [start:train]
    generator, discriminator = build_generator(), build_discriminator()
    train_step = make_train_step(
        generator, discriminator,
        keras.optimizers.Adam(LEARNING_RATE, beta_1=0.5),
        keras.optimizers.Adam(LEARNING_RATE, beta_1=0.5))
    real = sample_mixture(rng, (NUM_STEPS, 1, BATCH_SIZE, 1))
    noise = rng.standard_normal((NUM_STEPS, 2, BATCH_SIZE, NOISE_DIM))
    real, noise = real.astype("float32"), noise.astype("float32")

    @tf.function
    def train_steps(real, noise):        # many steps in one graph call
        for i in tf.range(tf.shape(real)[0]):
            train_step(real[i], noise[i])

    z = np.random.default_rng(0).standard_normal(
        (NUM_SAMPLES, NOISE_DIM)).astype("float32")
    checks = {0: generator(z).numpy()[:, 0]}
    for start in range(0, NUM_STEPS, CHECK_EVERY):
        stop = start + CHECK_EVERY
        train_steps(real[start:stop], noise[start:stop])
        checks[stop] = generator(z).numpy()[:, 0]
    shares = {step: mode_shares(x) for step, x in checks.items()}
    # --8<-- [end:train]
    for step in SNAPSHOTS:
        print(f"after {step:4d} steps: shares "
              + " ".join(f"{s:.2f}" for s in shares[step])
              + f", {np.sum(shares[step] >= COVERED)} modes covered")

    fig, axes = plt.subplots(3, 2, figsize=(7, 6.6), sharex=True)
    grid = np.linspace(-11, 11, 600)
    for ax, step in zip(axes.flat, SNAPSHOTS):
        ax.hist(checks[step], bins=110, range=(-11, 11), density=True,
                alpha=0.6, label="generated")
        ax.plot(grid, mixture_pdf(grid), "k-", lw=1, label="target")
        covered = int(np.sum(shares[step] >= COVERED))
        ax.set_title(f"after {step} steps: {covered} of {len(MODES)} "
                     "modes", fontsize=10)
        ax.set_ylim(0, 0.45)                 # step 0's spike is cut off
        ax.grid(alpha=0.3)
    axes[0, 0].legend(fontsize=8, loc="upper left")
    for ax in axes[-1]:
        ax.set_xlabel("x")
    fig.tight_layout()
    plt.show()

    steps = np.array(sorted(shares))
    table = np.array([shares[s] for s in steps])
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for j, mode in enumerate(MODES):
        ax.plot(steps, table[:, j], marker=".", label=f"mode at {mode:g}")
    ax.axhline(COVERED, color="k", ls=":", lw=1, label="covered above")
    ax.set(xlabel="generator steps", ylabel="share within 2σ",
           ylim=(0, 0.3))                     # mode 0 starts at 1, cut off
    ax.legend(fontsize=8, ncol=3, loc="upper center",
              bbox_to_anchor=(0.5, -0.2))
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()

    result = {"num_steps": NUM_STEPS, "num_modes": len(MODES),
              "batch_size": BATCH_SIZE, "check_every": CHECK_EVERY,
              "covered_threshold": COVERED,
              "fair_share": 1 / len(MODES),
              "target_share": float(np.mean(mode_shares(
                  sample_mixture(np.random.default_rng(1), NUM_SAMPLES))
                  ) * len(MODES)),
              "min_modes_covered": int(np.min(np.sum(
                  table >= COVERED, axis=1)[1:])),
              "final_modes_covered": int(np.sum(table[-1] >= COVERED)),
              # a mode lost at one check and covered at the next
              "num_returns": int(np.sum((table[1:-1] < COVERED)
                                        & (table[2:] >= COVERED)))}
    for i, step in enumerate(SNAPSHOTS):
        result[f"step_{i}"] = step
        result[f"covered_{i}"] = int(np.sum(shares[step] >= COVERED))
        result[f"between_{i}"] = float(1 - shares[step].sum())
        result[f"between_pct_{i}"] = 100 * result[f"between_{i}"]
        for j in range(len(MODES)):
            result[f"share_{i}_{j}"] = float(shares[step][j])
            result[f"pct_{i}_{j}"] = 100 * float(shares[step][j])
    return result


if __name__ == "__main__":
    main()
