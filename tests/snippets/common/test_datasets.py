"""Datasets load offline from the mirror, and fail with a clear message
when they can be neither found nor downloaded."""

import numpy as np
import pytest

from snippets.common import datasets

HAS_MIRROR = (datasets.mirror_dir() / datasets.PIMA_FILE).exists()
needs_mirror = pytest.mark.skipif(
    not HAS_MIRROR, reason="no ../shared/datasets mirror on this machine")


@needs_mirror
def test_pima_from_the_mirror():
    X, y = datasets.load_pima()
    assert X.shape == (768, 8) and y.shape == (768,)
    assert int(y.sum()) == 268  # 500 negatives, 268 positives


@needs_mirror
def test_pima_csv_is_where_get_file_looks(monkeypatch):
    import keras

    home = datasets.prepare_keras_home()
    cached = home / "datasets" / datasets.PIMA_FILE
    assert cached.read_bytes() == (
        datasets.mirror_dir() / datasets.PIMA_FILE).read_bytes()
    # The reader's call finds it, checks its hash and downloads nothing:
    # an origin that cannot be reached proves no request is needed.
    path = keras.utils.get_file(datasets.PIMA_FILE,
                                origin="http://127.0.0.1:9/pima.csv",
                                file_hash=datasets.PIMA_SHA256)
    assert path == str(cached)
    assert datasets.PIMA_URL.endswith("pima-indians-diabetes.data.csv")


@needs_mirror
def test_keras_home_holds_the_mirrored_files():
    home = datasets.prepare_keras_home()
    assert (home / "datasets" / "mnist.npz").stat().st_size == 11490434
    (x_train, y_train), (x_test, y_test) = datasets.load_mnist()
    assert x_train.shape == (60000, 28, 28) and x_test.shape[0] == 10000
    assert set(np.unique(y_test)) == set(range(10))


def test_missing_dataset_names_file_and_places(monkeypatch, tmp_path):
    monkeypatch.setenv("BOOK_DATASETS", str(tmp_path / "no-mirror"))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    import keras

    monkeypatch.setattr(keras.src.backend.config, "_KERAS_DIR",
                        str(tmp_path / "keras-home"))
    with pytest.raises(datasets.DatasetUnavailable,
                       match=r"Pima diabetes: not found .*no-mirror.*"
                             r"download failed"):
        datasets.load_pima(origin="http://127.0.0.1:9/pima.csv")
