"""docs/ch07-autoencoders/06-denoising-pretraining.md: the claims the
page makes in words about the two runs."""


def test_denoiser_loses_only_at_the_lighter_noise(run_snippet):
    r = run_snippet("ch07/s06_denoising_ae").result
    assert r.train_noise == 0.5
    assert r.denoised_25 > r.noisy_25  # "it loses to doing nothing"
    assert r.denoised_50 < r.noisy_50 / 2  # "much closer"
    assert r.denoised_75 < r.noisy_75 / 2
    assert max(r.denoised_50, r.denoised_75) < r.mean_mse


def test_pretraining_is_no_free_win_here(run_snippet):
    r = run_snippet("ch07/s07_pretraining").result
    # "a difference of a few points", and "not a free win"
    assert abs(r.gain) < 0.1
    assert r.gain <= 0
