"""snippets/ch07/s02_dense_ae_mnist.py: a 2-number code of MNIST that
reconstructs better than PCA's two components."""

import numpy as np

from snippets.ch07 import s02_dense_ae_mnist as s02


def test_s02_dense_autoencoder_beats_pca_and_the_mean(run_snippet):
    run = run_snippet("ch07/s02_dense_ae_mnist")
    result = run.result
    assert (result.num_train, result.num_test) == (6_000, 2_000)
    assert result.code_size == 2
    # the page: the autoencoder beats PCA at the same code size, and
    # both beat the mean image
    assert result.ae_mse < result.pca_mse < result.mean_mse
    assert result.train_loss[-1] < result.train_loss[0]
    assert [p.name for p in run.figures] == [
        "s02_dense_ae_mnist_codes.svg",
        "s02_dense_ae_mnist_reconstructions.svg"]


def test_s02_pca_reconstruction_is_a_projection():
    x = np.random.default_rng(0).random((200, 20)).astype("float32")
    scores, back = s02.pca_reconstruct(x, x, 20)
    np.testing.assert_allclose(back, x, atol=1e-4)  # all components
    scores, back = s02.pca_reconstruct(x, x, 3)
    assert scores.shape == (200, 3)
