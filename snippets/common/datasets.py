"""Load the book's real datasets, offline when a local mirror exists.

Used by Part II (MNIST, Fashion-MNIST, Pima diabetes). The project keeps
byte-identical copies in ``../shared/datasets`` (or ``$BOOK_DATASETS``).
``prepare_keras_home()`` copies them into a writable Keras cache and
points ``KERAS_HOME`` there; call it before TensorFlow or Keras is
imported. The book's code then loads data exactly as a reader's does,
with ``keras.datasets.*.load_data()`` or, for the Pima CSV,
``keras.utils.get_file(PIMA_FILE, origin=PIMA_URL, file_hash=PIMA_SHA256)``,
and Keras finds the files in its cache instead of downloading them.
Without a mirror, Keras downloads them as it would on any reader's
machine. When neither works, the loaders here raise
``DatasetUnavailable``, which says which file is missing and where it
was looked for.
"""

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIMA_FILE = "pima-indians-diabetes.csv"
PIMA_URL = ("https://raw.githubusercontent.com/jbrownlee/Datasets/master/"
            "pima-indians-diabetes.data.csv")
PIMA_SHA256 = ("6bfe5d0f379d17a0e0819b996407e3c0"
               "9bf80febd4287f2ed212190dfff154af")


class DatasetUnavailable(RuntimeError):
    """A dataset is neither mirrored locally nor downloadable."""


def mirror_dir() -> Path:
    """Where the local dataset mirror is expected."""
    return Path(os.environ.get("BOOK_DATASETS",
                               ROOT.parent / "shared" / "datasets"))


def prepare_keras_home() -> Path:
    """Make a writable Keras home holding the mirrored dataset files.

    The mirror's ``keras/`` tree goes to the home as it is; the Pima CSV
    goes to ``datasets/``, where ``keras.utils.get_file`` looks for it.
    Respects an existing ``KERAS_HOME``; otherwise uses ``.cache/keras-home``
    in the project. Files already there are left alone.
    """
    home = Path(os.environ.get("KERAS_HOME",
                               ROOT / ".cache" / "keras-home"))
    if "keras" in sys.modules and "KERAS_HOME" not in os.environ:
        home = Path.home() / ".keras"  # Keras has already chosen this one
    source = mirror_dir() / "keras"
    if source.is_dir():
        for src in source.rglob("*"):
            dest = home / src.relative_to(source)
            if src.is_file() and not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
    pima, dest = mirror_dir() / PIMA_FILE, home / "datasets" / PIMA_FILE
    if pima.is_file() and not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pima, dest)
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KERAS_HOME", str(home))
    return home


def _load_keras(name: str, loader):
    prepare_keras_home()
    try:
        return loader()
    except Exception as exc:
        raise DatasetUnavailable(
            f"{name}: not found in {os.environ['KERAS_HOME']}/datasets nor "
            f"in the mirror {mirror_dir()}/keras, and the download failed "
            f"({type(exc).__name__}: {exc}). Put the mirror beside the "
            "project (see shared/datasets/README.md) or connect to the "
            "network.") from exc


def load_mnist():
    """``keras.datasets.mnist.load_data()`` through the local mirror."""
    import keras

    return _load_keras("MNIST", keras.datasets.mnist.load_data)


def load_fashion_mnist():
    """``keras.datasets.fashion_mnist.load_data()`` via the mirror."""
    import keras

    return _load_keras("Fashion-MNIST",
                       keras.datasets.fashion_mnist.load_data)


def pima_path(origin: str = PIMA_URL) -> Path:
    """Path of the Pima diabetes CSV (768 rows, 9 columns, no header),
    from Keras's cache (filled from the mirror) or downloaded."""
    import keras

    return Path(_load_keras("Pima diabetes", lambda: keras.utils.get_file(
        PIMA_FILE, origin=origin, file_hash=PIMA_SHA256)))


def load_pima(origin: str = PIMA_URL):
    """Features (768, 8) and 0/1 labels (768,) as float32 NumPy arrays."""
    import numpy as np

    data = np.loadtxt(pima_path(origin), delimiter=",", dtype="float32")
    return data[:, :8], data[:, 8]
