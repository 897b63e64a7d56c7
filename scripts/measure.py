"""Measure the book's speed budgets and print them as one table.

    python -m scripts.measure [--write] [--no-tests] [--no-lighthouse]
                              [--site DIR] [--pages N]

Rows: the whole test suite's time; a cold build (generation with an
empty cache, so every snippet and notebook runs, then the site build), a
warm build (generation finding the cache filled, then the site build)
and a bare build (the site build alone, ``mkdocs build`` from the
filled cache) with warm ÷ bare (goal ≤ 1.3); the built site's size; the
heaviest page with everything a first visit fetches (goal ≤ 600 KB; what
it fetches is listed below the table); and Lighthouse on EVERY page under
its mobile and desktop presets: median and worst performance (goal ≥ 95
on every page) and the worst accessibility, best-practices and SEO
scores (goal 100).

``--site DIR`` measures an already built site (page weights and
Lighthouse only, no builds); ``--pages N`` runs Lighthouse on the N
heaviest pages only, for a quick look (the full run is what counts).
Lighthouse is optional (`npm ci --prefix tools/lighthouse`, Node 18+);
it drives Debian's Chromium (CHROME_PATH, default: `chromium` on PATH),
one browser for all pages (tools/lighthouse/run.mjs). The mobile preset's
CPU slowdown is calibrated to this machine's benchmark index, so that
every machine simulates the same phone (run.mjs says how);
``--cpu-slowdown N`` fixes it instead (4 is Lighthouse's default).
``--write`` also puts the table into README.md between the
``<!-- speed-table:start -->`` and ``<!-- speed-table:end -->`` markers,
as a new column beside the earlier ones: the table keeps its history.
Builds go to a temporary folder with their own cache: nothing under
docs/ or the project's cache is touched.
"""

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from scripts import browser, sitecheck
from scripts.paths import CACHE, ROOT

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "run.mjs"
LIGHTHOUSE_INSTALLED = (ROOT / "tools" / "lighthouse" / "node_modules"
                        / "lighthouse" / "package.json")
PRESETS = ("mobile", "desktop")
LOG = CACHE / "lighthouse-runs.jsonl"
HEAVIEST_GOAL = 600_000
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


def _kb(n: int) -> str:
    return f"{n / 1e3:.0f} KB"


def lighthouse(urls: list[str], chrome: str, presets: tuple = PRESETS,
               cpu_slowdown: float | None = None) -> list[dict]:
    """Lighthouse under both presets on each URL, one Chromium for all:
    [{url, preset, scores: {category: 0-100}, metrics}] or {…, error}.
    The mobile CPU slowdown is calibrated (kept in _state) unless given."""
    flags = [f for f in browser.FLAGS if not f.startswith("--window-size")]
    env = {**os.environ, "CHROME_PATH": chrome}
    if cpu_slowdown:
        env["CPU_SLOWDOWN"] = str(cpu_slowdown)
    runs = []
    # Each run is also appended to LOG as it ends: a long run that is
    # stopped still leaves what it measured.
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile, \
            LOG.open("w", encoding="utf-8") as log:
        child = subprocess.Popen(
            ["node", str(LIGHTHOUSE), ",".join(presets), *urls, "--",
             *flags, f"--user-data-dir={profile}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env)
        for line in child.stdout:
            if line.startswith('{"calibration"'):
                _state["calibration"] = json.loads(line)["calibration"]
            elif line.startswith("{"):
                runs.append(json.loads(line))
                log.write(line)
                log.flush()
        errors = child.stderr.read()
        if child.wait():
            raise RuntimeError(errors[-1500:])
    return runs


def measure(run_tests: bool, run_lighthouse: bool,
            cpu_slowdown: float | None = None) -> list[tuple]:
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
        rows += measure_site(site, run_lighthouse,
                             cpu_slowdown=cpu_slowdown)
    return rows


def measure_site(site: Path, run_lighthouse: bool,
                 pages: int | None = None, presets: tuple = PRESETS,
                 cpu_slowdown: float | None = None) -> list[tuple]:
    """Page weights and Lighthouse rows of a built site."""
    with tempfile.TemporaryDirectory() as profile:
        weights = _page_weights(site, Path(profile))
    if isinstance(weights, str):
        rows = [("heaviest page (all it fetches)", weights,
                 f"≤ {_kb(HEAVIEST_GOAL)}")]
        weights = {}
    else:
        rows = [_heaviest_row(weights)]
    if run_lighthouse:
        chosen = sitecheck.html_pages(site)
        if pages:
            chosen = sorted(chosen, key=lambda p: -weights.get(p, (0, 0))[1]
                            )[:pages]
        rows += _lighthouse_rows(site, chosen, presets, cpu_slowdown)
    return rows


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt",
              ".py", ".ipynb")


@contextmanager
def serve_compressed(site: Path):
    """Serve the site on 127.0.0.1 as a static host such as GitHub Pages
    does: text files gzip-compressed for browsers that ask. Yields the
    base URL. (The test suite's server, sitecheck.serve, compresses
    nothing; Lighthouse would then measure a site no reader gets.)"""

    class Handler(sitecheck.QuietHandler):
        def send_head(self):
            target = Path(self.translate_path(self.path))
            wants = "gzip" in self.headers.get("Accept-Encoding", "")
            if target.is_dir() and not self.path.split("?")[0].endswith(
                    "/"):
                return super().send_head()  # redirects to the slash
            path = target / "index.html" if target.is_dir() else target
            if not (wants and path.suffix in COMPRESSED and path.is_file()):
                return super().send_head()
            body = _gzipped(path)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)

    with sitecheck.serve(site, Handler) as base:
        yield base


@functools.lru_cache(maxsize=None)
def _gzipped_bytes(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def _gzipped(path: Path) -> bytes:
    return _gzipped_bytes(str(path), path.stat().st_mtime)


class _Body:
    """What SimpleHTTPRequestHandler copies to the client."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


FETCHED_JS = """return [...performance.getEntriesByType("navigation"),
                        ...performance.getEntriesByType("resource")]
                       .map((e) => [e.name, e.encodedBodySize,
                                    e.decodedBodySize]);"""


def _page_weights(site: Path, profile: Path) -> dict | str:
    """{page: (bytes sent, bytes unpacked, [(url, sent, unpacked), ...])}:
    what a first visit to each page fetches (fresh cache per page), served
    compressed as a static host does; or why it was not measured."""
    try:
        driver = browser.launch(profile)
    except browser.BrowserMissing as exc:
        return f"not measured: {exc}"
    weights = {}
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        with serve_compressed(site) as base:
            for page in sitecheck.html_pages(site):
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                browser.page_bytes(driver, base + sitecheck.page_url(page))
                fetched = [(url.removeprefix(base), sent, unpacked)
                           for url, sent, unpacked
                           in driver.execute_script(FETCHED_JS)]
                weights[page] = (sum(f[1] for f in fetched),
                                 sum(f[2] for f in fetched), fetched)
    finally:
        driver.quit()
    return weights


def _heaviest_row(weights: dict) -> tuple:
    heaviest = max(weights, key=lambda p: weights[p][1])
    sent, unpacked, fetched = weights[heaviest]
    _state["heaviest"] = (heaviest, sent, unpacked, fetched)
    return ("heaviest page, all it fetches (unpacked; sent gzipped)",
            f"{_kb(unpacked)} ({_kb(sent)} sent) in {len(fetched)} files: "
            f"`{heaviest}`", f"≤ {_kb(HEAVIEST_GOAL)}")


_state: dict = {}


def heaviest_listing() -> str:
    """What the heaviest page fetches, biggest first (printed under the
    table)."""
    if "heaviest" not in _state:
        return ""
    page, sent, unpacked, fetched = _state["heaviest"]
    lines = [f"The heaviest page, {page}, fetches {_kb(unpacked)} "
             f"({_kb(sent)} sent gzipped), unpacked / sent:"]
    lines += [f"  {unpacked / 1e3:7.1f} KB {sent / 1e3:7.1f} KB  {url}"
              for url, sent, unpacked in sorted(fetched,
                                                key=lambda f: -f[2])]
    return "\n".join(lines) + "\n"


def _lighthouse_rows(site: Path, pages: list[str], presets: tuple = PRESETS,
                     cpu_slowdown: float | None = None) -> list[tuple]:
    goal = "≥ 95 every page"
    if not LIGHTHOUSE_INSTALLED.exists():
        return [("Lighthouse", "not run: `npm ci --prefix tools/lighthouse`"
                 " first", goal)]
    try:
        chrome = browser.find_browser()[0]
    except browser.BrowserMissing as exc:
        return [("Lighthouse", f"not run: {exc}", goal)]
    with serve_compressed(site) as base:
        urls = {base + sitecheck.page_url(page): page for page in pages}
        runs = lighthouse(list(urls), chrome, presets, cpu_slowdown)
    for run in runs:
        run["page"] = urls[run["url"]]
    _state["lighthouse"] = runs
    rows = lighthouse_rows(runs, len(pages))
    slowdowns = {r["cpuSlowdown"] for r in runs
                 if r["preset"] == "mobile" and "cpuSlowdown" in r}
    if slowdowns:
        rows.append(slowdown_row(slowdowns.pop(),
                                 _state.get("calibration")))
    marks = [r["benchmark"] for r in runs if r.get("benchmark")]
    if marks:
        rows.append(("Lighthouse's CPU benchmark index, median (min–max)",
                     f"{statistics.median(marks):g} ({min(marks)}–"
                     f"{max(marks)})", "higher: a faster, freer CPU"))
    return rows


def slowdown_row(slowdown: float, calibration: dict | None) -> tuple:
    """The mobile preset's CPU slowdown, and where it came from."""
    how = (f"calibrated: median of benchmark indexes "
           f"{sorted(calibration['benchmarks'])} ÷ {calibration['phone']:g}"
           if calibration else "fixed by `--cpu-slowdown`")
    return ("Lighthouse mobile CPU slowdown", f"{slowdown:g}×, {how}",
            "the same simulated phone on any machine (4× at index 1750)")


def lighthouse_rows(runs: list[dict], pages: int) -> list[tuple]:
    """Table rows from Lighthouse runs: per preset, median and worst
    performance (naming the worst page) and the worst other scores."""
    rows = []
    for preset in PRESETS:
        done = [r for r in runs if r["preset"] == preset and "scores" in r]
        failed = [r for r in runs if r["preset"] == preset and "error" in r]
        if not done and not failed:
            continue  # preset not asked for
        if not done:
            rows.append((f"Lighthouse {preset}", "no page measured", ""))
            continue
        perf = [r["scores"]["performance"] for r in done]
        worst = min(done, key=lambda r: r["scores"]["performance"])
        others = " / ".join(
            str(min(r["scores"][c] for r in done)) for c in CATEGORIES[1:])
        note = f", {len(failed)} failed" if failed else ""
        rows += [
            (f"Lighthouse {preset} performance, median / worst page",
             f"{statistics.median(perf):g} / "
             f"{worst['scores']['performance']} (`{worst['page']}`; "
             f"{len(done)} of {pages} pages{note})",
             "≥ 95 every page"),
            (f"Lighthouse {preset} accessibility / best practices / SEO, "
             "worst page", others, "100 each"),
        ]
    return rows


def lighthouse_listing() -> str:
    """Every page's Lighthouse scores (printed under the table)."""
    runs = _state.get("lighthouse", [])
    if not runs:
        return ""
    lines = ["Lighthouse per page (performance / accessibility / best "
             "practices / SEO; mobile LCP and TBT):"]
    by_page: dict = {}
    for run in runs:
        by_page.setdefault(run["page"], {})[run["preset"]] = run
    for page, presets in by_page.items():
        parts = []
        for preset in [p for p in PRESETS if p in presets]:
            run = presets[preset]
            if "scores" in run:
                parts.append(f"{preset} " + " / ".join(
                    str(run["scores"][c]) for c in CATEGORIES))
            else:
                parts.append(f"{preset} failed: {run.get('error', '?')}")
        mobile = presets.get("mobile", {}).get("metrics")
        if mobile:
            parts.append(
                f"LCP {mobile['largest-contentful-paint'] / 1e3:.1f} s, "
                f"TBT {mobile['total-blocking-time']:.0f} ms")
        failed = sorted({f"{preset} {audit}" for preset, run in
                         presets.items() for audit in run.get("failed", [])})
        if failed:
            parts.append("failed audits: " + ", ".join(failed))
        lines.append(f"  {page}: " + "; ".join(parts))
    return "\n".join(lines) + "\n"


NOTE = ("Each dated column is one run of `python -m scripts.measure "
        "--write` on a 2-core machine, newest first; Lighthouse's mobile "
        "preset simulates a slow phone on a slow network.")


def table(rows: list[tuple], date: str | None = None,
          earlier: str = "") -> str:
    """The table as Markdown: a column for this run (``date``, default
    today) beside the columns of the table ``earlier`` (README text
    between the markers), which keeps its rows and its dates."""
    date = date or time.strftime("%Y-%m-%d")
    dates, goals, values = _parse(earlier)
    dates = [date] + [d for d in dates if d != date]
    labels = [label for label, _, _ in rows]
    for label, value, goal in rows:
        goals[label] = goal or goals.get(label, "")
        values.setdefault(label, {})[date] = value
    labels += [label for label in values if label not in labels]
    lines = ["| measure | goal | " + " | ".join(dates) + " |",
             "| --- | --- |" + " --- |" * len(dates)]
    lines += [f"| {label} | {goals.get(label, '')} | " + " | ".join(
        values[label].get(d, "") for d in dates) + " |" for label in labels]
    return "\n".join(lines) + "\n\n" + NOTE + "\n"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _parse(text: str) -> tuple[list[str], dict, dict]:
    """(dates, {label: goal}, {label: {date: value}}) of a table written
    by ``table`` (or of the older one-column table, dated by its
    "Measured YYYY-MM-DD" line)."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    if len(lines) < 2:
        return [], {}, {}
    head = _cells(lines[0])
    goals, values = {}, {}
    if head[:3] == ["measure", "value", "goal"]:
        found = re.search(r"Measured (\d{4}-\d\d-\d\d)", text)
        dates = [found[1] if found else "earlier"]
        for line in lines[2:]:
            label, value, goal = (_cells(line) + ["", ""])[:3]
            goals[label], values[label] = goal, {dates[0]: value}
        return dates, goals, values
    dates = head[2:]
    for line in lines[2:]:
        cells = _cells(line) + [""] * len(head)
        goals[cells[0]] = cells[1]
        values[cells[0]] = dict(zip(dates, cells[2:2 + len(dates)]))
    return dates, goals, values


PATTERN = re.compile(re.escape(START) + "(.*?)" + re.escape(END), re.S)


def readme_table(readme: Path = ROOT / "README.md") -> str:
    """The table now in the README (empty if it has none)."""
    found = PATTERN.search(readme.read_text(encoding="utf-8"))
    return found[1] if found else ""


def write_readme(text: str, readme: Path = ROOT / "README.md") -> None:
    content = readme.read_text(encoding="utf-8")
    if not PATTERN.search(content):
        sys.exit(f"{readme.name} has no {START} … {END} markers")
    readme.write_text(PATTERN.sub(lambda _: f"{START}\n{text}{END}",
                                  content), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true",
                        help="also write the table into README.md")
    parser.add_argument("--no-tests", action="store_true",
                        help="skip timing the whole test suite")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--site", type=Path,
                        help="measure this built site (no builds, no tests)")
    parser.add_argument("--pages", type=int,
                        help="Lighthouse on the N heaviest pages only")
    parser.add_argument("--presets", default=",".join(PRESETS),
                        help="Lighthouse presets (default: mobile,desktop)")
    parser.add_argument("--cpu-slowdown", type=float,
                        help="fix the mobile CPU slowdown (default: "
                        "calibrated to this machine; Lighthouse's is 4)")
    args = parser.parse_args(argv)
    if not shutil.which("node") and not args.no_lighthouse:
        print("node not found: Lighthouse rows are skipped")
        args.no_lighthouse = True
    if args.site:
        rows = measure_site(args.site, not args.no_lighthouse, args.pages,
                            tuple(args.presets.split(",")),
                            args.cpu_slowdown)
    else:
        rows = measure(not args.no_tests, not args.no_lighthouse,
                       args.cpu_slowdown)
    text = table(rows, earlier=readme_table())
    print(text)
    print(heaviest_listing())
    print(lighthouse_listing())
    if args.write:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
