"""Serve MathJax 3 from the site itself (no CDN), from the npm package."""

import shutil
from pathlib import Path

from scripts.paths import ROOT

SOURCE = ROOT / "node_modules" / "mathjax" / "es5"
TARGET = Path("assets") / "mathjax"
# The combined component plus what it loads lazily: TeX extensions,
# CHTML web fonts, the menu and its accessibility parts.
PARTS = ("tex-chtml.js", "input/tex/extensions",
         "output/chtml/fonts/woff-v2", "ui", "a11y")


class MathJaxMissing(RuntimeError):
    """node_modules/mathjax is absent."""


def check_installed() -> None:
    if not (SOURCE / "tex-chtml.js").exists():
        raise MathJaxMissing(
            "MathJax 3 is not installed (node_modules/mathjax/es5/"
            "tex-chtml.js is missing): run `npm ci` in the project root "
            "(`make serve` and `make test` do it for you).")


def copy_into(site_dir: Path) -> None:
    """Copy the parts MathJax needs into <site>/assets/mathjax."""
    check_installed()
    dest_root = Path(site_dir) / TARGET
    for part in PARTS:
        src, dest = SOURCE / part, dest_root / part
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest)
