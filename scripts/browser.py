"""Check built pages in headless Chromium, the way a reader sees them.

One browser (Debian's ``chromium`` driven by ``chromedriver`` through
Selenium) visits each page and reports, per check, what is wrong, naming
the page and the element:

* console   - errors in the browser console (failed loads, exceptions)
* math      - raw ``\\(``, ``\\[`` or ``$$`` left in the visible text; a
              formula MathJax did not typeset, typeset as an error, gave
              no size, or whose glyphs have no CSS ``content``; a font
              (MathJax's) that failed to load
* images    - an image that did not load (natural width 0)
* hosts     - a request to any host but the site's own
* palette   - the light/dark toggle does not flip ``data-md-color-scheme``
* overflow  - the page is wider than a 390-px phone screen

Chromium resolves no host name but 127.0.0.1, so the checks also prove
the site reads offline: MathJax, its fonts, search and icons are local.
"""

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

CHECKS = ("console", "math", "images", "hosts", "palette", "overflow")
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1,
         "mobile": False}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900",
         # Nothing but the local server resolves: offline by construction.
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


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
    return browser


# Runs in the page: waits for MathJax and images, then describes the
# math, the images and stray TeX delimiters. Returns a JSON string.
PAGE_FACTS_JS = r"""
const done = arguments[arguments.length - 1];
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  if (el.classList.length) name += "." + [...el.classList].join(".");
  return name;
};
(async () => {
  const facts = {math: [], images: [], raw: []};
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // MathJax is loaded only on pages with math: wait for it to arrive,
  // then for its typesetting to finish.
  const t0 = Date.now();
  const ready = () => window.MathJax && window.MathJax.startup &&
                      window.MathJax.startup.promise;
  if (document.querySelector(".arithmatex")) {
    while (!ready() && Date.now() - t0 < 15000) await sleep(50);
  }
  facts.mathjax = !!ready();
  if (facts.mathjax) {
    await Promise.race([window.MathJax.startup.promise, sleep(15000)]);
  }
  await Promise.all([...document.images].map(
    (img) => img.decode().catch(() => null)));
  await document.fonts.ready;
  facts.fonts = [...document.fonts].filter((f) => f.status === "error")
    .map((f) => `font ${f.family} failed to load`);
  facts.arithmatex = document.querySelectorAll(".arithmatex").length;
  const containers = [...document.querySelectorAll("mjx-container")];
  facts.containers = containers.length;
  const bad = [];  // [container index, problem]
  let sampled = 0;
  containers.forEach((box, i) => {
    const error = box.querySelector("mjx-merror");
    if (error) {
      bad.push([i, "TeX error " +
        `"${error.getAttribute("data-mjx-error") || error.textContent}"`]);
      return;
    }
    if (box.checkVisibility()) {
      const rect = box.getBoundingClientRect();
      if (!(rect.width > 0 && rect.height > 0)) bad.push([i, "zero size"]);
    }
    // Glyphs are CSS content on mjx-c; check a few of every formula.
    // Invisible operators (U+2061-2064: function application, invisible
    // times, separator, plus) have no glyph by design.
    const visible = [...box.querySelectorAll("mjx-c")].filter(
      (c) => !/\bmjx-c206[1-4]\b/.test(c.className));
    for (const c of visible.slice(0, 3)) {
      sampled += 1;
      const content = getComputedStyle(c, "::before").content;
      if (["", "none", "normal", '""'].includes(content)) {
        bad.push([i, `glyph <mjx-c class="${c.className}"> has no CSS ` +
                     "content"]);
        break;
      }
    }
  });
  if (bad.length) {
    // Name each formula by its TeX, read from the page as served.
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, "text/html");
    const sources = [...served.querySelectorAll(".arithmatex")];
    const all = [...document.querySelectorAll(".arithmatex")];
    for (const [i, problem] of bad) {
      const at = all.indexOf(containers[i].closest(".arithmatex"));
      const tex = at >= 0 && sources[at] ? sources[at].textContent.trim()
                                         : containers[i].textContent;
      facts.math.push(`formula ${i + 1} \`${tex.slice(0, 60)}\`: ` +
                      problem);
    }
  }
  facts.glyphs_sampled = sampled;
  const skip = "pre, code, script, style, textarea, mjx-container, " +
               "[hidden], .md-search";
  const walker = document.createTreeWalker(document.body,
                                           NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const text = node.nodeValue;
    const hit = ["\\(", "\\[", "$$"].find((d) => text.includes(d));
    if (hit && !node.parentElement.closest(skip) &&
        node.parentElement.checkVisibility()) {
      const at = Math.max(0, text.indexOf(hit) - 20);
      facts.raw.push(`raw "${hit}" in <${describe(node.parentElement)}>: ` +
        `"${text.slice(at, at + 60).trim()}"`);
    }
  }
  for (const img of document.images) {
    if (!(img.complete && img.naturalWidth > 0)) {
      facts.images.push(`<img src="${img.getAttribute("src")}" ` +
        `alt="${img.alt}"> did not load`);
    }
  }
  return facts;
})().then((facts) => done(JSON.stringify(facts)),
          (err) => done(JSON.stringify({error: String(err)})));
"""

# Runs in the page at phone width: names the outermost elements that
# stick out to the right.
OVERFLOW_JS = r"""
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const width = window.innerWidth;
  const page = document.documentElement.scrollWidth;
  const culprits = [];
  if (page > width) {
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      const parent = el.parentElement.getBoundingClientRect().right;
      if (right > width + 1 && parent <= width + 1) {
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        if (el.classList.length) name += "." + [...el.classList].join(".");
        culprits.push(`<${name}> reaches ${Math.round(right)} px`);
      }
    }
  }
  done(JSON.stringify({width, page, culprits: culprits.slice(0, 5)}));
}));
"""


# Runs in the page: clicks the visible light/dark toggle twice and
# records data-md-color-scheme before and after each click.
PALETTE_JS = r"""
const done = arguments[arguments.length - 1];
const frame = () => new Promise((r) => requestAnimationFrame(r));
(async () => {
  const labels = [...document.querySelectorAll(
    "form[data-md-component=palette] label")];
  if (!labels.length) {
    return {error: "no palette toggle (form[data-md-component=palette])"};
  }
  const scheme = () => document.body.getAttribute("data-md-color-scheme");
  const seen = [scheme()];
  for (const _ of [1, 2]) {  // to the other scheme and back
    const shown = labels.find((label) => label.checkVisibility());
    if (!shown) return {error: `no visible palette toggle in ${scheme()}`};
    shown.click();
    await frame();
    seen.push(scheme());
  }
  return {seen};
})().then((r) => done(JSON.stringify(r)));
"""


def _flush_logs(browser) -> None:
    browser.get_log("browser")
    browser.get_log("performance")


def math_problems(facts: dict) -> list[str]:
    problems = facts["raw"] + facts["math"] + facts["fonts"]
    if facts["arithmatex"] and not facts["mathjax"]:
        problems.append("the page has math but MathJax did not load "
                        "(window.MathJax.startup is missing)")
    elif facts["containers"] != facts["arithmatex"]:
        problems.append(f"{facts['arithmatex']} .arithmatex formula(s) but "
                        f"{facts['containers']} typeset by MathJax")
    if facts["containers"] and not facts["glyphs_sampled"] and not facts[
            "math"]:
        problems.append("typeset math has no <mjx-c> glyphs (is MathJax "
                        "using its CHTML output?)")
    return problems


def page_facts(browser) -> dict:
    facts = json.loads(browser.execute_async_script(PAGE_FACTS_JS))
    if "error" in facts:
        raise RuntimeError(f"page check script failed: {facts['error']}")
    return facts


def _palette_problems(browser) -> list[str]:
    result = json.loads(browser.execute_async_script(PALETTE_JS))
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


def check_page(browser, url: str) -> dict[str, list[str]]:
    """Load one page and return {check: [problem, ...]} for CHECKS."""
    _flush_logs(browser)
    browser.get(url)
    facts = page_facts(browser)
    report = {"math": math_problems(facts), "images": facts["images"],
              "palette": _palette_problems(browser)}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        wide = json.loads(browser.execute_async_script(OVERFLOW_JS))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    report["overflow"] = (
        [f"{wide['page']} px wide at {wide['width']} px: "
         + "; ".join(wide["culprits"] or ["(no single element found)"])]
        if wide["page"] > wide["width"] else [])
    report["console"] = [
        f"{entry['level']}: {entry['message']}"
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE"]
    report["hosts"] = _other_hosts(browser, url)
    return report


SEARCH_JS = r"""
const [query, done] = arguments;
const input = document.querySelector(".md-search__input");
input.focus();
input.value = query;
input.dispatchEvent(new Event("input", {bubbles: true}));
input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
const t0 = Date.now();
(function wait() {
  const hits = document.querySelectorAll(".md-search-result__item").length;
  if (hits || Date.now() - t0 > 10000) done(hits);
  else setTimeout(wait, 100);
})();
"""


def search_hits(browser, query: str) -> int:
    """Type into Material's search box; return how many results show."""
    return browser.execute_async_script(SEARCH_JS, query)


def page_bytes(browser, url: str) -> int:
    """Bytes a first visit fetches to show the page: HTML, CSS, scripts,
    images and fonts (MathJax included where the page has math)."""
    browser.get(url)
    page_facts(browser)
    return browser.execute_script(
        """return [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")]
                  .reduce((sum, e) => sum + e.encodedBodySize, 0);""")
