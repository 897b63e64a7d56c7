"""Offline build mode: ``BOOK_OFFLINE=true mkdocs build`` makes a site
that opens from the file system (``site/index.html``), no server needed.

Material's built-in ``offline`` plugin (switched on by BOOK_OFFLINE in
mkdocs.yml) turns off directory URLs and inlines the search index. Two
things it leaves to us, done here from the MkDocs hook:

* its Web-Worker shim for search is a CDN URL; the book serves the same
  shim (npm ``iframe-worker``) from the site itself;
* instant navigation fetches pages, which browsers refuse on file://, so
  Material's docs say to turn it off: the ``navigation.instant*``
  features are dropped from the theme for this build only.
"""

import shutil
from pathlib import Path

from scripts.paths import ROOT

SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def enabled(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def configure(config) -> None:
    """Local search shim, no instant navigation (offline builds only)."""
    if not enabled(config):
        return
    if not SHIM_SOURCE.exists():
        raise FileNotFoundError(
            f"{SHIM_SOURCE.relative_to(ROOT)} is missing: run `npm ci`")
    features = config.theme["features"]
    features[:] = [f for f in features
                   if not f.startswith("navigation.instant")]
    config.extra["polyfills"] = [
        SHIM_TARGET if "iframe-worker" in url else url
        for url in config.extra.get("polyfills", [])] or [SHIM_TARGET]


def copy_into(config) -> None:
    if enabled(config):
        target = Path(config["site_dir"]) / SHIM_TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM_SOURCE, target)
