"""docs/ch08-gans/10-dcgan.md: the claims its prose makes about the run."""


def test_10_discriminator_modes_disagree(run_snippet):
    """The page says batch statistics and moving averages disagree."""
    result = run_snippet("ch08/s10_dcgan").result
    gaps = [abs(result.d_accuracy_real - result.d_accuracy_real_inference),
            abs(result.d_accuracy_fake - result.d_accuracy_fake_inference)]
    assert max(gaps) > 0.05


def test_10_samples_below_real_digits_above_baselines(run_snippet):
    """'still far from real digits by this judge', 'not collapsed onto
    one digit' (against 10 % for an even spread)."""
    result = run_snippet("ch08/s10_dcgan").result
    assert result.confident_generated < result.confident_real - 0.1
    assert 0.1 <= result.largest_class_share < 0.5
    assert result.num_train == 10_240  # "a sixth of the training set"


def test_10_leaky_relu_alpha_is_negative_slope():
    """The note: default slope 0.3; `alpha` accepted with a warning."""
    import warnings

    import keras

    assert keras.layers.LeakyReLU().negative_slope == 0.3
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layer = keras.layers.LeakyReLU(alpha=0.2)
    assert layer.negative_slope == 0.2
    assert any("negative_slope" in str(w.message) for w in caught)


def test_10_generator_has_not_memorised(run_snippet):
    """'The generator has not memorised its data': every sample is about
    as far from the training set as unseen test digits are."""
    result = run_snippet("ch08/s10_dcgan").result
    assert (result.nearest_train_distance_min
            > 0.5 * result.nearest_test_distance_median)
