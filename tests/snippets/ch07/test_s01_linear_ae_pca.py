"""snippets/ch07/s01_linear_ae_pca.py: a linear autoencoder spans the
PCA subspace that numpy.linalg.svd finds."""

import numpy as np
import pytest
from scipy.linalg import subspace_angles
from sklearn.decomposition import PCA

from snippets.ch07 import s01_linear_ae_pca as s01


def test_s01_principal_angles_from_scratch_are_scipys():
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(6, 2)), rng.normal(size=(6, 2))
    np.testing.assert_allclose(s01.principal_angles(A, B),
                               np.sort(subspace_angles(A, B)),
                               rtol=0, atol=1e-12)
    # a basis and any invertible mix of it span the same plane
    mixed = A @ np.array([[2.0, 1.0], [-0.5, 3.0]])
    assert np.max(s01.principal_angles(A, mixed)) < 1e-7


def test_s01_svd_basis_is_scikit_learns_pca():
    X = np.random.default_rng(1).normal(size=(50, 4)) * [3, 2, 1, 0.5]
    basis, _ = s01.pca_basis(X, 2)
    components = PCA(n_components=2).fit(X).components_.T
    # the same directions up to sign
    np.testing.assert_allclose(np.abs(basis.T @ components), np.eye(2),
                               atol=1e-12)


def test_s01_linear_autoencoder_spans_the_pca_plane(run_snippet):
    run = run_snippet("ch07/s01_linear_ae_pca")
    result = run.result
    assert (result.num_rows, result.num_features) == (150, 4)
    # the page: both principal angles are ≈ 0 (under 0.1°) ...
    assert max(result.angles) < np.deg2rad(0.1)
    np.testing.assert_allclose(result.angles, result.angles_scipy,
                               atol=1e-9)
    # ... and the reconstruction error is PCA's optimum
    assert result.ae_mse == pytest.approx(result.pca_mse, rel=1e-3)
    assert result.ae_mse < result.mean_mse / 10
    # "not the principal directions themselves": the decoder's columns
    # are neither orthogonal nor of length 1
    assert abs(result.decoder_cosine) > 0.05
    assert max(abs(n - 1) for n in result.decoder_norms) > 0.05
    assert 0.9 < result.explained < 1
    assert [p.name for p in run.figures] == ["s01_linear_ae_pca_codes.svg"]
