"""Shared test set-up: one TensorFlow process, offline datasets, caches.

Runs before any test module imports TensorFlow, so Keras picks up the
project's KERAS_HOME (filled from ../shared/datasets when present).
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from snippets.common.datasets import prepare_keras_home  # noqa: E402

prepare_keras_home()

from scripts import figures  # noqa: E402

SNIPPETS = figures.discover()


@pytest.fixture(scope="session")
def snippet_result():
    """Run a snippet once per session (filling the build cache) and
    return what its main() returned."""
    results = {}

    def run(snippet_id: str):
        if snippet_id not in results:
            results[snippet_id] = figures.run_in_process(
                figures.find(snippet_id))
        return results[snippet_id]

    return run
