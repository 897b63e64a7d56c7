"""snippets/ch07/s04_lstm_ae_sequences.py: a RepeatVector sequence
autoencoder on noisy sine waves."""

import numpy as np

from snippets.ch07 import s04_lstm_ae_sequences as s04


def test_s04_waves_are_what_the_page_says():
    x = s04.sine_waves(500, np.random.default_rng(0), noise=0.0)
    assert x.shape == (500, s04.STEPS, 1)
    peaks = np.abs(x).max(axis=1)[:, 0]
    assert peaks.max() <= 1.0 and peaks.min() > 0.3


def test_s04_model_repeats_the_code():
    model = s04.build_lstm_autoencoder()
    assert model.output_shape == (None, s04.STEPS, 1)
    assert model.get_layer("code").output.shape == (None, s04.CODE_SIZE)


def test_s04_lstm_autoencoder_run(run_snippet):
    run = run_snippet("ch07/s04_lstm_ae_sequences")
    result = run.result
    # the page: far below the mean wave, and (honestly) still above
    # the noise floor
    assert 10 * result.noise_mse < result.ae_mse < result.mean_mse / 2
    assert result.train_loss[-1] < result.train_loss[-2]  # still falling
    assert result.train_loss[-1] < result.train_loss[0]
    assert [p.name for p in run.figures] == [
        "s04_lstm_ae_sequences_reconstructions.svg"]
