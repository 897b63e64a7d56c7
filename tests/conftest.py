"""Shared test set-up: one TensorFlow process, offline datasets, caches.

Runs before any test module imports TensorFlow, so Keras picks up the
project's KERAS_HOME (filled from ../shared/datasets when present).
Fixtures only; no test module imports this one or another test module.
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

from scripts import browser as chromium  # noqa: E402
from scripts import notebooks, runner, sitecheck  # noqa: E402
from scripts.paths import ROOT  # noqa: E402
from scripts.snippet import find  # noqa: E402

# Order of the session: snippet and page tests first (they fill the
# cache as they run each snippet once), then the time budget (it reads
# the cold times those runs recorded), then the tests that build the
# site (their generation step finds the cache filled, so on an empty
# cache each snippet runs once per session, not twice).
BUDGET_MODULES = ("test_budget.py",)
SITE_BUILDING_MODULES = ("test_mkdocs_hooks.py", "test_stage.py")


def _order(item) -> int:
    name = item.path.name
    if name in BUDGET_MODULES:
        return 1
    if (name in SITE_BUILDING_MODULES or name.startswith("test_site_")
            or item.path.parent.name == "site"):
        return 2
    return 0


def pytest_collection_modifyitems(items):
    items.sort(key=_order)


@dataclasses.dataclass
class SnippetRun:
    result: object        # what main() returned
    figures: list         # SVG Paths, in the header's order


@pytest.fixture(scope="session")
def run_snippet():
    """run_snippet("ch01/s07_quadratic_tape") -> SnippetRun.

    Runs the snippet once per session, in this process, through the same
    runner the generation step uses (so it also fills the cache)."""
    runs = {}

    def run(snippet_id: str) -> SnippetRun:
        if snippet_id not in runs:
            snippet = find(snippet_id)
            result = runner.run_in_process(snippet)
            folder = runner.entry(snippet).dir
            runs[snippet_id] = SnippetRun(
                result, [folder / name for name in snippet.figures])
        return runs[snippet_id]

    return run


@pytest.fixture(scope="session")
def snippet_result(run_snippet):
    """The old name: what the snippet's main() returned."""
    return lambda snippet_id: run_snippet(snippet_id).result


@pytest.fixture(scope="session")
def practice_notebook():
    """practice_notebook("ch01/s07_quadratic_tape") -> (ipynb, py) paths
    of the executed practice notebook and its script (built once)."""
    return lambda snippet_id: notebooks.ensure_practice(find(snippet_id))


def generate() -> None:
    """The generation step, as `make generate` runs it; fail on error."""
    done = subprocess.run([sys.executable, "-m", "scripts.generate"],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        pytest.fail("python -m scripts.generate failed:\n"
                    + done.stderr[-3000:])


def _build_with_page(tmp_path: Path, body: str) -> Path:
    """Build a one-page site with the book's real config and hooks, from
    what is in the cache (generation is not run here)."""
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
def table_rows():
    """table_rows(page, first_cell): the cells of each row of the page's
    Markdown tables whose first cell is `first_cell`."""

    def rows(page: Path, first_cell: str) -> list[list[str]]:
        found = []
        for line in page.read_text("utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|") and cells[0] == first_cell:
                found.append(cells)
        return found

    return rows


@pytest.fixture
def build_page():
    """build_page(tmp_path, markdown): a one-page site built with the
    book's real configuration and hooks; returns its site folder."""
    return _build_with_page


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """One headless Chromium for the session's browser checks (site
    tests); skips them, with the reason, where Chromium is missing,
    unless BOOK_REQUIRE_BROWSER=1 (CI) makes that a failure."""
    try:
        chromium.find_browser()
    except chromium.BrowserMissing as exc:
        if os.environ.get("BOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"BOOK_REQUIRE_BROWSER=1 but {exc}")
        pytest.skip(f"browser checks need Chromium: {exc}")
    driver = chromium.launch(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def generated():
    """Run the generation step once per session (`make generate`)."""
    generate()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, generated):
    """The whole book, generated, then built once per session with
    `mkdocs build --strict` and served on 127.0.0.1; yields (site folder,
    base URL). The site is built for the URL it is served at (site_url),
    as instant navigation only follows links that match the sitemap."""
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
