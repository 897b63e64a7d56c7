"""snippets/ch07/s08_vae_mnist.py: a 2-D VAE learns, and its latent
means stay near the prior's scale."""

import numpy as np

from snippets.ch07 import s08_vae_mnist as s08


def test_s08_vae_learns_and_keeps_a_prior_shaped_code(run_snippet):
    run = run_snippet("ch07/s08_vae_mnist")
    result = run.result
    assert (result.num_train, result.num_epochs) == (6_000, 10)
    # the reconstruction term falls; the KL term is paid (> 0)
    assert result.reconstruction[-1] < 0.8 * result.reconstruction[0]
    assert result.kl[-1] > 1
    # the page: test digits' means spread on the prior's scale (about 1),
    # not the tens of 7-2's unregularised code
    assert all(0.3 < s < 3 for s in result.latent_mean_std)
    assert [p.name for p in run.figures] == [
        "s08_vae_mnist_latent.svg", "s08_vae_mnist_grid.svg"]


def test_s08_vae_kl_term_is_the_closed_form():
    encoder, decoder = s08.build_encoder(), s08.build_decoder()
    vae = s08.VAE(encoder, decoder)
    x = np.random.default_rng(0).random((5, 784)).astype("float32")
    _, kl = vae.losses_of(x)
    z_mean, z_log_var, _ = (np.asarray(v) for v in encoder(x))
    expected = np.mean(0.5 * np.sum(z_mean ** 2 + np.exp(z_log_var)
                                    - z_log_var - 1, axis=1))
    np.testing.assert_allclose(float(kl), expected, rtol=1e-5)
