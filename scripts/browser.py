"""Check built pages in headless Chromium, the way a reader sees them.

One browser (Debian's ``chromium`` driven by ``chromedriver`` through
Selenium) visits each page and reports, per check, what is wrong, naming
the page and the element:

* console   - errors in the browser console (failed loads, exceptions)
* math      - raw ``\\(``, ``\\[``, ``$$`` (or ``$…$`` in a notebook
              cell) left in the visible text; a formula not drawn at
              build time, drawn as a TeX error, of zero size, with a
              glyph that points to no path, not in the text's colour
              (light or dark palette) or without assistive MathML; a
              MathJax script loaded by the page; a font that failed
* images    - an image that did not load (natural width 0)
* hosts     - a request to any host but the site's own
* palette   - the light/dark toggle does not flip ``data-md-color-scheme``
* overflow  - at a phone's width (360 and 390 px, light and dark, and
              once more with every letter spaced wider, standing in for
              a wider font than this machine's), the page scrolls
              sideways, or an element or a line of text sticks out past
              the screen's right edge outside a box that scrolls; or a
              display formula does not paint, at MathJax's size, inside
              the visible part of its box

Chromium resolves no host name but 127.0.0.1, so the checks also prove
the site reads offline: math, search and icons need nothing remote.

The checks that run in the page are JavaScript files of their own, one
per check, in scripts/site_checks/ (math.js, images.js, overflow.js,
palette.js); this module runs them and words their findings.
"""

import contextlib
import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

CHECKS = ("console", "math", "images", "hosts", "palette", "overflow")
PHONE_WIDTHS = (360, 390)   # small Android phones, recent iPhones
SCHEMES = {"default": "light", "slate": "dark"}  # Material's schemes
# Text about 10 % wider, as with a wider font than this machine's: a
# layout that passes only thanks to the fonts here fails with it.
WIDER_TEXT = "body * { letter-spacing: 0.05em !important; }"
# Every block of the text drawn at once. book.css draws a block only when
# it nears the screen (content-visibility); the checks that read boxes
# and colours judge each block as the reader sees it once drawn.
ALL_BLOCKS_DRAWN = (".md-typeset > *, .jp-Notebook > .jp-Cell "
                    "{ content-visibility: visible !important; }")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900",
         # Nothing but the local server resolves: offline by construction.
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         # A desktop with a mouse: headless Chromium reports no hover, and
         # Material makes wide code blocks keyboard-focusable only where
         # (hover) matches (tests/site/test_accessibility.py).
         "--blink-settings=primaryHoverType=2,availableHoverTypes=2,"
         "primaryPointerType=4,availablePointerTypes=4"]


class BrowserMissing(RuntimeError):
    """Chromium, chromedriver or Selenium is not installed."""


def find_browser() -> tuple[str, str]:
    """Paths of chromium and chromedriver, or BrowserMissing saying why."""
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    driver = os.environ.get("CHROMEDRIVER_PATH") or shutil.which(
        "chromedriver")
    missing = [name for name, path in (("chromium", chromium),
                                       ("chromedriver", driver)) if not path]
    if missing:
        raise BrowserMissing(
            f"{' and '.join(missing)} not found: install Debian's "
            "`chromium` and `chromium-driver` packages (CI does)")
    try:
        import selenium  # noqa: F401
    except ImportError as exc:
        raise BrowserMissing("selenium is not installed: "
                             "pip install -r requirements.txt") from exc
    return chromium, driver


def launch(profile_dir: Path):
    """Start headless Chromium with a fresh profile; return the driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = find_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS + [f"--user-data-dir={profile_dir}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs",
                           {"browser": "ALL", "performance": "ALL"})
    # An explicit chromedriver path: Selenium Manager never downloads.
    browser = webdriver.Chrome(service=Service(executable_path=driver),
                               options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    # Leave the driver's first document (data:,): a touch screen emulated
    # there (window_width) was lost on the way to the first real page.
    browser.get("about:blank")
    return browser


SCRIPTS = Path(__file__).parent / "site_checks"


def script(name: str) -> str:
    """The JavaScript of one check, scripts/site_checks/<name>.js."""
    return (SCRIPTS / f"{name}.js").read_text(encoding="utf-8")


def _flush_logs(browser) -> None:
    browser.get_log("browser")
    browser.get_log("performance")


def math_problems(facts: dict) -> list[str]:
    """What site_checks/math.js found wrong with the page's math."""
    problems = facts["raw"] + facts["math"] + facts["fonts"]
    problems += [f"the page loads MathJax: {url}"
                 for url in facts["mathjax_scripts"]]
    if facts["mathjax_global"] and not facts["mathjax_scripts"]:
        problems.append("the page defines window.MathJax (math is drawn "
                        "at build time: no MathJax in the browser)")
    if facts["containers"] != facts["arithmatex"]:
        problems.append(f"{facts['arithmatex']} .arithmatex formula(s) but "
                        f"{facts['containers']} drawn at build time")
    elif facts["drawn"] != facts["containers"]:
        problems.append(f"{facts['containers'] - facts['drawn']} "
                        "formula(s) not drawn as SVG")
    (_, light), (_, dark) = facts["schemes"]
    if facts["containers"] and light == dark:
        problems.append(f"text is {light} in both palettes: the dark-mode "
                        "check of the math proves nothing")
    return problems


def page_facts(browser) -> dict:
    """Run the math and images checks in the loaded page (each waits for
    what it checks: MathJax's typesetting, the images' decoding); return
    their facts in one dict."""
    facts = {}
    for name in ("math", "images"):
        found = json.loads(browser.execute_async_script(script(name)))
        if "error" in found:
            raise RuntimeError(f"{name}.js failed: {found['error']}")
        facts.update(found)
    return facts


# Text that moves as the page loads, in Lighthouse's units: it counts
# up to 0.1 as good. Loaded on a phone-wide window, a table drawn a
# frame late moved 5-5 by 0.44; the small moves left (Material wrapping
# a table, a block parsed after the first paint) stay under 0.07.
SHIFT_LIMIT = 0.1
SHIFT_WIDTH = 412  # Lighthouse's mobile screen
# What counts is what most loads do: a shift that comes of a race between
# the first paint and parsing shows on some loads only (8-11's table
# moved on some, before book.css drew the first blocks at once). So a
# page is loaded up to three times and fails when two loads move it.
SHIFT_LOADS = 3


def layout_shift_problems(browser, url: str,
                          width: int | None = SHIFT_WIDTH) -> list[str]:
    """Load the page on a phone's screen `width` px wide and return its
    layout shifts while it loaded, with what moved, if they add up to
    more than SHIFT_LIMIT on most of SHIFT_LOADS loads."""
    good, moved = 0, []
    while good <= SHIFT_LOADS // 2 and len(moved) <= SHIFT_LOADS // 2:
        with window_width(browser, width, touch=True):
            browser.get(url)
            shifts = browser.execute_async_script(script("layout_shift"))
        total = sum(score for score, _ in shifts)
        if total <= SHIFT_LIMIT:
            good += 1
        else:
            moved.append((total, shifts))
    if good > SHIFT_LOADS // 2:
        return []
    total, shifts = max(moved, key=lambda load: load[0])
    return [f"the text moved while the page loaded: layout shift "
            f"{total:.3f} > {SHIFT_LIMIT} ({len(moved)} of "
            f"{good + len(moved)} loads)"] + [
        f"  {score:.3f}: {what}" for score, what in shifts]


def _palette_problems(browser) -> list[str]:
    result = json.loads(browser.execute_async_script(script("palette")))
    if "error" in result:
        return [result["error"]]
    seen = result["seen"]
    if not (seen[0] != seen[1] and seen[2] == seen[0]):
        return [f"palette toggle: data-md-color-scheme went "
                f"{' -> '.join(map(repr, seen))}"]
    return []


def _other_hosts(browser, origin: str) -> list[str]:
    host = urlsplit(origin).netloc
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if (urlsplit(url).scheme in ("http", "https", "ws", "wss")
                    and urlsplit(url).netloc != host and url not in urls):
                urls.append(url)
    return [f"request to another host: {url}" for url in urls]


def _overflow(browser, css: str | None = None) -> list[str]:
    found = json.loads(browser.execute_async_script(
        script("overflow"), css, ALL_BLOCKS_DRAWN))
    if "error" in found:
        raise RuntimeError(f"overflow.js failed: {found['error']}")
    problems = []
    if found["page"] > found["width"]:
        problems.append(f"the page scrolls sideways: {found['page']} px "
                        f"wide in {found['width']} px")
    return problems + found["culprits"] + found["formulas"]


@contextlib.contextmanager
def window_width(browser, width: int | None, touch: bool = False):
    """Emulate a window `width` px wide (800 high) inside the block;
    None leaves the browser's own window. `touch`: a phone's screen as
    well, without hover and with a coarse pointer (where Material leaves
    wide code blocks without keyboard focus and book.js gives it)."""
    if width is None:
        yield
        return
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 800, "deviceScaleFactor": 1,
        "mobile": False})
    if touch:
        # A touch screen: (hover) no longer matches, (pointer: coarse)
        # does. (Emulating the media features alone does not outrank the
        # hover type that FLAGS give the browser.)
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {
            "enabled": True, "maxTouchPoints": 5})
    try:
        yield
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        if touch:
            browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled",
                                    {"enabled": False})


def overflow_problems(browser, widths=PHONE_WIDTHS) -> list[str]:
    """The overflow check of the loaded page at each phone width, in
    light and dark mode, and with wider text (in light mode)."""
    scheme = browser.execute_script(
        "return document.body.getAttribute('data-md-color-scheme')")
    problems = []
    for width in widths:
        with window_width(browser, width):
            try:
                passes = [(name, label, None)
                          for name, label in SCHEMES.items()]
                passes.append(("default", "light, wider text", WIDER_TEXT))
                for name, label, css in passes:
                    browser.execute_script(
                        "document.body.setAttribute('data-md-color-scheme', "
                        "arguments[0])", name)
                    problems += [f"{width} px, {label}: {problem}"
                                 for problem in _overflow(browser, css)]
            finally:
                browser.execute_script(
                    "document.body.setAttribute('data-md-color-scheme', "
                    "arguments[0])", scheme)
    return problems


def check_page(browser, url: str) -> dict[str, list[str]]:
    """Load one page and return {check: [problem, ...]} for CHECKS."""
    _flush_logs(browser)
    browser.get(url)
    facts = page_facts(browser)
    report = {"math": math_problems(facts), "images": facts["images"],
              "palette": _palette_problems(browser)}
    report["overflow"] = overflow_problems(browser)
    report["console"] = [
        f"{entry['level']}: {entry['message']}"
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE"]
    report["hosts"] = _other_hosts(browser, url)
    return report


def search_hits(browser, query: str) -> int:
    """Type into Material's search box; return how many results show."""
    return browser.execute_async_script(script("search"), query)


def page_bytes(browser, url: str) -> int:
    """Bytes a first visit fetches to show the page: HTML, CSS, scripts,
    images and fonts."""
    browser.get(url)
    page_facts(browser)
    return browser.execute_script(
        """return [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")]
                  .reduce((sum, e) => sum + e.encodedBodySize, 0);""")
