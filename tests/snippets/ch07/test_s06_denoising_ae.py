"""snippets/ch07/s06_denoising_ae.py: noisy digits in, clean out; the
denoiser beats the noisy input at every noise level it is scored on."""

import numpy as np

from snippets.ch07 import s06_denoising_ae as s06


def test_s06_noise_is_gaussian_and_clipped():
    x = np.full((200, 784), 0.5, dtype="float32")
    noisy = s06.add_noise(x, 0.1, np.random.default_rng(0))
    assert noisy.dtype == np.float32
    assert noisy.min() >= 0 and noisy.max() <= 1
    np.testing.assert_allclose(noisy.std(), 0.1, rtol=0.02)
    np.testing.assert_allclose(noisy.mean(), 0.5, atol=1e-3)


def test_s06_denoising_run(run_snippet):
    run = run_snippet("ch07/s06_denoising_ae")
    r = run.result
    assert r.noise_levels == [0.25, 0.5, 0.75]
    assert r.noisy_mse == sorted(r.noisy_mse)  # more noise, worse input
    # the page: at the trained level and above, the output is closer to
    # the clean digit than the noisy input and the mean image; at the
    # lighter level it loses to the noisy input, and to its own error at
    # the trained level
    for noisy, denoised in zip(r.noisy_mse[1:], r.denoised_mse[1:]):
        assert denoised < noisy and denoised < r.mean_mse
    assert r.denoised_25 > r.noisy_25
    assert r.denoised_25 > r.denoised_50
    assert [r.noisy_25, r.noisy_50, r.noisy_75] == r.noisy_mse
    assert [p.name for p in run.figures] == ["s06_denoising_ae_levels.svg"]
