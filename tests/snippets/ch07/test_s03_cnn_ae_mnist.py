"""snippets/ch07/s03_cnn_ae_mnist.py: a convolutional autoencoder with
7-2's 2-number code, on 7-2's images."""

import numpy as np

from snippets.ch07 import s03_cnn_ae_mnist as s03


def test_s03_cnn_autoencoder_shapes():
    model = s03.build_cnn_autoencoder()
    assert model.input_shape == (None, 28, 28, 1)
    assert model.output_shape == (None, 28, 28, 1)
    assert model.get_layer("code").output.shape == (None, 2)
    x = np.zeros((3, 28, 28, 1), "float32")
    y = model.predict(x, verbose=0)
    assert ((0 <= y) & (y <= 1)).all()  # sigmoid pixels


def test_s03_cnn_autoencoder_run(run_snippet):
    run = run_snippet("ch07/s03_cnn_ae_mnist")
    result = run.result
    assert (result.num_train, result.num_test) == (6_000, 2_000)
    assert result.code_size == 2
    # the same test digits as 7-2: the same baselines to the last bit
    dense = run_snippet("ch07/s02_dense_ae_mnist").result
    assert result.pca_mse == dense.pca_mse
    assert result.mean_mse == dense.mean_mse
    # the page, honestly: this cut CNN beats the mean image but loses to
    # PCA and to 7-2's dense autoencoder, and was still improving
    assert dense.ae_mse < result.pca_mse < result.cnn_mse < result.mean_mse
    assert result.train_loss[-1] < result.train_loss[-2]
    assert result.train_loss[-1] < result.train_loss[0]
    assert [p.name for p in run.figures] == [
        "s03_cnn_ae_mnist_reconstructions.svg"]
