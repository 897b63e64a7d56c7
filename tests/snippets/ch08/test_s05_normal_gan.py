"""snippets/ch08/s05_normal_gan.py: the tape loop and the train_step
subclass are the same model, and the GAN moves toward the target."""

import numpy as np
import pytest

from snippets.ch08 import s05_normal_gan as s05


def test_s05_loop_and_fit_end_with_the_same_weights(run_snippet):
    result = run_snippet("ch08/s05_normal_gan").result
    # same start, same batches, same arithmetic: float32 rounding only
    assert result.max_weight_difference < 1e-4


def test_s05_generator_moves_to_the_target(run_snippet):
    run = run_snippet("ch08/s05_normal_gan")
    result = run.result
    assert result.num_steps == s05.NUM_STEPS
    assert result.snapshot_steps == list(s05.SNAPSHOTS)
    start_gap = abs(result.snapshot_means[0] - s05.TARGET_MEAN)
    end_gap = abs(result.final_mean - s05.TARGET_MEAN)
    # the untrained generator sits near 0; training closes most of the gap
    assert end_gap < 0.25 * start_gap
    assert 0.5 < result.final_std < 3 * s05.TARGET_STD
    assert [p.name for p in run.figures] == [
        "s05_normal_gan_histograms.svg"]


def test_s05_losses_at_a_coin_flip_discriminator():
    zeros = np.zeros((8, 1), "float32")
    # D = 1/2 everywhere: each cross-entropy term is log 2
    assert float(s05.discriminator_loss(zeros, zeros)) == pytest.approx(
        2 * np.log(2), rel=1e-6)
    assert float(s05.generator_loss(zeros)) == pytest.approx(
        np.log(2), rel=1e-6)
