"""Shared test set-up: one TensorFlow process, offline datasets, caches.

Runs before any test module imports TensorFlow, so Keras picks up the
project's KERAS_HOME (filled from ../shared/datasets when present).
"""

import dataclasses
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from snippets.common.datasets import prepare_keras_home  # noqa: E402

prepare_keras_home()

from scripts import figures, sitecheck  # noqa: E402
from scripts.paths import ROOT  # noqa: E402

# Tests that build the site run every snippet whose cache is stale, in a
# child process. Running them last lets them find the cache the snippet
# and notebook tests have just filled, so on an empty cache each snippet
# runs once per session instead of twice.
SITE_BUILDING_MODULES = ("test_build_checks.py",)
SITE_BUILDING_FOLDERS = ("site",)  # tests/site/: checks of the built site


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name in SITE_BUILDING_MODULES
               or item.path.parent.name in SITE_BUILDING_FOLDERS)


@pytest.fixture(scope="session")
def run_snippet(snippet_result):
    """Run a snippet once per session; return a SnippetRun: what main()
    returned (``.result``) and the SVG files of its figures
    (``.figures``, in the header's order)."""

    def run(snippet_id: str) -> SnippetRun:
        result = snippet_result(snippet_id)
        snippet = figures.find(snippet_id)
        return SnippetRun(result, [snippet.run_dir / name
                                   for name in snippet.figures])

    return run


@dataclasses.dataclass
class SnippetRun:
    result: object
    figures: list


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



def _build_with_page(tmp_path: Path, body: str) -> Path:
    """Build a one-page site with the book's real config and hooks."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text(textwrap.dedent(body), encoding="utf-8")
    # The hook still publishes the practice notebooks: they may stay out
    # of this one-page nav (validation would otherwise fail the build).
    config = load_config(str(ROOT / "mkdocs.yml"), strict=True,
                         docs_dir=str(docs), site_dir=str(tmp_path / "site"),
                         nav=["index.md"], not_in_nav="/practice/")
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return tmp_path / "site"


@pytest.fixture
def build_page():
    """build_page(tmp_path, markdown): a one-page site built with the
    book's real configuration and hooks; returns its site folder."""
    return _build_with_page


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
            [sys.executable, "-m", "mkdocs", "build", "--strict",
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
