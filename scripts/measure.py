"""Measure the book's speed budgets and print them as one table.

    python -m scripts.measure [--write] [--no-tests] [--no-lighthouse]

Rows: the whole test suite's time; a cold build (generation with an
empty cache, so every snippet and notebook runs, then the site build), a
warm build (generation finding the cache filled, then the site build)
and a bare build (the site build alone, ``mkdocs build`` from the
filled cache) with warm ÷ bare (goal ≤ 1.3);
the built site's size; the heaviest page (its HTML plus the images,
scripts and stylesheets it references); and Lighthouse's performance,
accessibility, best-practices and SEO scores (goal ≥ 95) on three
representative pages: the home page, the page with the most math and a
practice notebook.

Lighthouse is optional (`npm ci --prefix tools/lighthouse`, Node 18+);
it drives Debian's Chromium (CHROME_PATH, default: `chromium` on PATH).
``--write`` also puts the table into README.md between the
``<!-- speed-table:start -->`` and ``<!-- speed-table:end -->`` markers.
Builds go to a temporary folder with their own cache: nothing under
docs/ or the project's cache is touched.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts import browser, sitecheck
from scripts.paths import ROOT

LIGHTHOUSE = (ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse"
              / "cli" / "index.js")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
START, END = "<!-- speed-table:start -->", "<!-- speed-table:end -->"


def _timed(cmd: list[str], env: dict | None = None) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}"
                 f"{done.stderr[-2000:]}")
    return time.perf_counter() - t0


def _build(site: Path, cache: Path, generate: bool = True) -> float:
    """Seconds for (generation and) a strict build, with its own cache."""
    env = {"BOOK_CACHE_DIR": str(cache)}
    seconds = _timed([sys.executable, "-m", "scripts.generate"],
                     env) if generate else 0.0
    return seconds + _timed([sys.executable, "-m", "mkdocs", "build",
                             "--strict", "--site-dir", str(site)], env)


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def representative_pages(site: Path) -> dict[str, str]:
    pages = sitecheck.html_pages(site)
    math = max(pages, key=lambda p: (site / p).read_text(
        encoding="utf-8").count('class="arithmatex"'))
    practice = next((p for p in pages if p.startswith("practice/")), None)
    chosen = {"home": "index.html", "most math": math}
    if practice:
        chosen["practice notebook"] = practice
    return chosen


def lighthouse(url: str, chrome: str, preset: str) -> dict[str, int]:
    """Scores (0-100) of one page; preset "mobile" (Lighthouse's default:
    a slow phone on a slow network, simulated) or "desktop"."""
    flags = " ".join(f for f in browser.FLAGS
                     if not f.startswith("--window-size"))
    extra = ["--preset=desktop"] if preset == "desktop" else []
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            ["node", str(LIGHTHOUSE), url, "--output=json", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", *extra,
             f"--chrome-flags={flags} --user-data-dir={profile}"],
            capture_output=True, text=True,
            env={**os.environ, "CHROME_PATH": chrome})
    if done.returncode:
        raise RuntimeError(done.stderr[-1500:])
    report = json.loads(done.stdout)
    return {c: round(100 * report["categories"][c]["score"])
            for c in CATEGORIES}


def measure(run_tests: bool, run_lighthouse: bool) -> list[tuple]:
    rows = []
    if run_tests:
        seconds = _timed([sys.executable, "-m", "pytest", "-q",
                          "-p", "no:cacheprovider"])
        rows.append(("test suite (`make test`)", f"{seconds:.0f} s",
                     "a few minutes"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site, cache = tmp / "site", tmp / "cache"
        cold = _build(site, cache)
        # Best of three: on a shared machine the minimum is the signal.
        warm = min(_build(site, cache) for _ in range(3))
        bare = min(_build(tmp / "bare", cache, generate=False)
                   for _ in range(3))
        rows += [("cold build (generate + build, empty cache)",
                  f"{cold:.1f} s", ""),
                 ("warm build (generate + build, best of 3)",
                  f"{warm:.1f} s", ""),
                 ("bare build (`mkdocs build` only, best of 3)",
                  f"{bare:.1f} s", ""),
                 ("warm ÷ bare", f"{warm / bare:.2f}", "≤ 1.3"),
                 ("built site", _mb(_size(site)), "")]
        rows.append(_heaviest_page(site, tmp / "profile"))
        if run_lighthouse:
            rows += _lighthouse_rows(site)
    return rows


def _heaviest_page(site: Path, profile: Path) -> tuple:
    label = "heaviest page (all it fetches)"
    try:
        driver = browser.launch(profile)
    except browser.BrowserMissing as exc:
        return (label, f"not measured: {exc}", "")
    try:
        with sitecheck.serve(site) as base:
            weights = {p: browser.page_bytes(driver,
                                             base + sitecheck.page_url(p))
                       for p in sitecheck.html_pages(site)}
    finally:
        driver.quit()
    heaviest = max(weights, key=weights.get)
    return (f"heaviest page (`{heaviest}`, all it fetches)",
            _mb(weights[heaviest]), "")


def _lighthouse_rows(site: Path) -> list[tuple]:
    goal = "≥ 95 each"
    if not LIGHTHOUSE.exists():
        return [("Lighthouse", "not run: `npm ci --prefix tools/lighthouse`"
                 " first", goal)]
    try:
        chrome = browser.find_browser()[0]
    except browser.BrowserMissing as exc:
        return [("Lighthouse", f"not run: {exc}", goal)]
    rows = []
    with sitecheck.serve(site) as base:
        for label, page in representative_pages(site).items():
            url = base + sitecheck.page_url(page)
            values = []
            for preset in ("mobile", "desktop"):
                try:
                    scores = lighthouse(url, chrome, preset)
                    values.append(f"{preset} " + " / ".join(
                        str(scores[c]) for c in CATEGORIES))
                except RuntimeError as exc:
                    last = (str(exc).strip().splitlines() or ["?"])[-1]
                    values.append(f"{preset} failed: {last}")
            rows.append((f"Lighthouse, {label} (`{page}`)",
                         "; ".join(values), goal))
    return rows


def table(rows: list[tuple]) -> str:
    lines = ["| measure | value | goal |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    note = ("Lighthouse values are performance / accessibility / best "
            "practices / SEO, with Lighthouse's mobile preset (a slow "
            "phone on a slow network, simulated) and its desktop preset.")
    return "\n".join(lines) + "\n\n" + note + "\n"


def write_readme(text: str, readme: Path = ROOT / "README.md") -> None:
    content = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(content):
        sys.exit(f"{readme.name} has no {START} … {END} markers")
    stamp = (f"Measured {time.strftime('%Y-%m-%d')} with "
             "`python -m scripts.measure --write` on a 2-core machine.\n\n")
    readme.write_text(pattern.sub(
        lambda _: f"{START}\n{stamp}{text}{END}", content), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true",
                        help="also write the table into README.md")
    parser.add_argument("--no-tests", action="store_true",
                        help="skip timing the whole test suite")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    if not shutil.which("node") and not args.no_lighthouse:
        print("node not found: Lighthouse rows are skipped")
        args.no_lighthouse = True
    text = table(measure(not args.no_tests, not args.no_lighthouse))
    print(text)
    if args.write:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
