"""Finish a built site: math drawn at build time, lean notebook pages,
minified figures. Works on any built ``site/`` (MkDocs or Zensical).

    python -m scripts.postbuild SITE_DIR

One Node process (``scripts/postbuild.mjs``, packages from ``npm ci``)
turns every formula into static SVG with MathJax's own engine (TeX
input, assistive MathML for screen readers, glyphs in currentColor),
keeps only the JupyterLab CSS rules a notebook page uses, and minifies
the SVG figures. Pages then load no MathJax script at all.

The MkDocs hook calls :func:`finish` from ``on_post_build``; a TeX error
fails the build, naming the page and the formula.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.paths import CACHE, ROOT

SCRIPT = ROOT / "scripts" / "postbuild.mjs"
NODE_MODULES = ROOT / "node_modules"
# What the script imports, each from its own npm package.
PACKAGES = ("mathjax-full", "purgecss", "svgo")
# An element arithmatex marked as math whose content the pass did not
# turn into an <mjx-container>: a formula a reader would see as raw TeX.
UNDRAWN = re.compile(r'<(span|div)\b[^>]*\bclass="[^"]*\barithmatex\b'
                     r'[^"]*"[^>]*>(?!\s*<mjx-container)\s*([^<]{0,60})')


class PostbuildError(RuntimeError):
    """Node or its packages are missing, or the pass failed."""


@dataclass
class Report:
    """What the pass did to a site."""

    pages: int
    math_pages: int
    math_pages_cached: int
    formulas: int
    figures: int
    figures_minified: int
    figure_bytes_before: int
    figure_bytes_after: int
    notebook_css_saved: int
    seconds: dict[str, float]
    errors: list[dict] = field(default_factory=list)
    undrawn: list[str] = field(default_factory=list)

    def tex_errors(self) -> list[str]:
        return [f"{e['page']}: TeX error in `{e['tex']}`: {e['message']}"
                for e in self.errors]

    def problems(self) -> list[str]:
        """TeX errors, then formulas the pass left undrawn."""
        return self.tex_errors() + self.undrawn


def undrawn_formulas(site_dir: Path) -> list[str]:
    """Math elements still holding raw TeX after the pass, by page."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "arithmatex" not in html:
            continue
        for match in UNDRAWN.finditer(html):
            found.append(f"{page.relative_to(site_dir).as_posix()}: "
                         f"formula not drawn (markup the math pass does "
                         f"not recognise): `{match[2].strip()}`")
    return found


def check_installed() -> None:
    if not shutil.which("node"):
        raise PostbuildError(
            "node is not installed (Node.js 18+ draws the book's math at "
            "build time): install Node.js and npm, then rerun.")
    missing = [p for p in PACKAGES
               if not (NODE_MODULES / p / "package.json").exists()]
    if missing:
        raise PostbuildError(
            f"npm package(s) {', '.join(missing)} not installed: run "
            "`npm ci` in the project root (`make serve` and `make test` "
            "do it for you).")


def finish(site_dir: Path) -> Report:
    """Run the pass over a built site, in place; return its report."""
    check_installed()
    done = subprocess.run(["node", str(SCRIPT), str(site_dir),
                           str(CACHE / "postbuild")],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise PostbuildError(f"{SCRIPT.name} failed on {site_dir}:\n"
                             + done.stderr[-3000:])
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    return Report(pages=raw["pages"], math_pages=raw["math_pages"],
                  math_pages_cached=raw["math_pages_cached"],
                  formulas=raw["formulas"], figures=raw["figures"],
                  figures_minified=raw["minified"],
                  figure_bytes_before=raw["bytes_before"],
                  figure_bytes_after=raw["bytes_after"],
                  notebook_css_saved=raw["notebook_css_saved"],
                  seconds=raw["seconds"], errors=raw["errors"],
                  undrawn=undrawn_formulas(site_dir))


def summary(report: Report) -> str:
    total = sum(report.seconds.values())
    times = ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items())
    return (f"{report.formulas} formulas on {report.math_pages} of "
            f"{report.pages} pages drawn as SVG "
            f"({report.math_pages_cached} of those pages from the cache); "
            f"{report.notebook_css_saved / 1e6:.1f} MB of notebook CSS "
            f"dropped; {report.figures} figures "
            f"({report.figures_minified} minified now, the rest cached; "
            f"{report.figure_bytes_before / 1e6:.1f} -> "
            f"{report.figure_bytes_after / 1e6:.1f} MB); {total:.1f} s "
            f"({times})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?",
                        default=ROOT / "site")
    args = parser.parse_args(argv)
    try:
        report = finish(args.site_dir)
    except PostbuildError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(summary(report))
    for line in report.problems():
        print(line, file=sys.stderr)
    return 1 if report.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
