"""snippets/ch08/s10_dcgan.py: the DCGAN's shapes follow 6-5's formula,
its samples are in tanh's range, varied, not copies, and a classifier
finds more digits in them than in noise."""

import numpy as np

from snippets.ch06.s05_transposed_conv import transposed_size
from snippets.ch08 import s10_dcgan as s10


def test_s10_shapes_and_tanh_range():
    generator = s10.build_generator()
    discriminator = s10.build_discriminator()
    noise = np.random.default_rng(0).standard_normal(
        (8, s10.NOISE_DIM)).astype("float32")
    images = generator(noise, training=False).numpy()
    assert images.shape == (8, 28, 28, 1)
    assert images.min() >= -1 and images.max() <= 1
    assert discriminator(images, training=False).shape == (8, 1)


def test_s10_conv_transpose_sizes_follow_chapter_6_formula():
    generator = s10.build_generator()
    layers = [layer for layer in generator.layers
              if layer.__class__.__name__ == "Conv2DTranspose"]
    assert len(layers) == 2
    size = 7
    for layer in layers:
        (k, _), (s, _) = layer.kernel_size, layer.strides
        size = transposed_size(size, k, s, layer.padding)
        assert layer.output.shape[1:3] == (size, size)
    assert size == 28
    # the same rule with padding="valid" would not land on 28
    assert transposed_size(transposed_size(7, 4, 2), 4, 2) == 34


def test_s10_samples_are_varied_and_not_copies(run_snippet):
    run = run_snippet("ch08/s10_dcgan")
    result = run.result
    assert result.num_train == s10.NUM_TRAIN
    assert result.num_epochs == s10.NUM_EPOCHS
    assert len(result.d_loss) == len(result.g_loss) == s10.NUM_EPOCHS
    # the 25 fixed-noise samples differ: their pixel spread is of the
    # order of real digits', far above the zero of a collapsed generator
    assert result.sample_spread > 0.5 * result.real_spread
    # no sample is a copy of a training image
    assert result.nearest_train_distance_min > 1.0
    assert [p.name for p in run.figures] == [
        "s10_dcgan_samples.svg", "s10_dcgan_losses.svg"]
    for figure in run.figures:
        assert figure.stat().st_size < 250_000


def test_s10_judge_finds_digits_and_discriminator_is_scored(run_snippet):
    result = run_snippet("ch08/s10_dcgan").result
    assert result.classifier_accuracy > 0.85
    # the baselines: noise and the untrained generator's grey images
    assert result.confident_generated > result.confident_noise + 0.05
    assert result.confident_generated > result.confident_untrained + 0.05
    assert result.confident_real > result.confident_generated
    # several digit classes, no single class taking over
    assert sum(c > 0 for c in result.classes_generated) >= 5
    assert result.largest_class_share < 0.5
    for accuracy in (result.d_accuracy_real, result.d_accuracy_fake,
                     result.d_accuracy_real_inference,
                     result.d_accuracy_fake_inference):
        assert 0.0 <= accuracy <= 1.0
    # a discriminator that has not given up still tells some fakes apart
    assert result.d_accuracy_fake > 0.5
