"""Shared test set-up: one TensorFlow process, offline datasets, caches.

Runs before any test module imports TensorFlow, so Keras picks up the
project's KERAS_HOME (filled from ../shared/datasets when present).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from snippets.common.datasets import prepare_keras_home  # noqa: E402

prepare_keras_home()

from scripts import figures, sitecheck  # noqa: E402

SNIPPETS = figures.discover()

# Tests that build the site run every snippet whose cache is stale, in a
# child process. Running them last lets them find the cache the snippet
# and notebook tests have just filled, so on an empty cache each snippet
# runs once per session instead of twice.
SITE_BUILDING_MODULES = ("test_build_checks.py", "test_site_")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name.startswith(
        SITE_BUILDING_MODULES))


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



@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The whole book, built once per session with `mkdocs build --strict`
    and served on 127.0.0.1; yields (site folder, base URL). The site is
    built for the URL it is served at (site_url), as instant navigation
    only follows links that match the sitemap."""
    site = tmp_path_factory.mktemp("book") / "site"
    site.mkdir()
    with sitecheck.serve(site) as base:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
             "--site-dir", str(site)],
            cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "BOOK_SITE_URL": base})
        if done.returncode:
            pytest.fail("mkdocs build --strict failed:\n"
                        + done.stderr[-3000:])
        yield site, base


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site[0]
