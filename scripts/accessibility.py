"""Accessibility of a built page, by axe-core in headless Chromium.

axe-core (npm, pinned in package.json) is injected into the page through
Selenium and runs its rules in the light and in the dark palette
(scripts/site_checks/accessibility.js). Among them is ``svg-img-alt``:
math drawn as SVG must carry a text alternative, which the book's does
as assistive MathML (the SVG itself is hidden from screen readers).
"""

import functools
import json

from scripts.browser import ALL_BLOCKS_DRAWN, window_width
from scripts.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHECK = ROOT / "scripts" / "site_checks" / "accessibility.js"
# Impacts that fail the book: axe's two highest of four.
BLOCKING = ("serious", "critical")


class AxeMissing(RuntimeError):
    """node_modules/axe-core is absent."""


@functools.cache
def _sources() -> tuple[str, str]:
    if not AXE.exists():
        raise AxeMissing("axe-core is not installed (node_modules/axe-core"
                         "/axe.min.js is missing): run `npm ci`")
    return (AXE.read_text(encoding="utf-8"),
            CHECK.read_text(encoding="utf-8"))


# axe needs several seconds on a page of 300 formulas, twice (one run
# per palette), and far more on a busy machine.
TIMEOUT_S = 120
# Widths axe judges a page at: the browser's desktop window (with a
# mouse), and a phone's touch screen, where far more formulas, code and
# tables scroll in their own boxes (what scrolls depends on the reader's
# fonts as much as on the screen) and nothing hovers.
WIDTHS = (None, 360)


def violations(browser, url: str, widths=WIDTHS) -> list[dict]:
    """Load a page and return axe's violations, in both palettes and at
    each width (None: the window's own): dicts with width, scheme, id,
    impact, help and targets (CSS selectors)."""
    previous = browser.timeouts.script
    browser.set_script_timeout(TIMEOUT_S)
    try:
        return [{"width": width or "desktop", **violation}
                for width in widths
                for violation in _violations_at(browser, url, width)]
    finally:
        browser.set_script_timeout(previous)


def _violations_at(browser, url: str, width: int | None) -> list[dict]:
    # Loaded at the width, as a reader's phone loads it (switching the
    # width of a loaded page starts Material's layout transitions).
    axe, check = _sources()
    with window_width(browser, width, touch=True):
        browser.get(url)
        browser.execute_script(axe)
        found = json.loads(browser.execute_async_script(check,
                                                         ALL_BLOCKS_DRAWN))
    if isinstance(found, dict):
        raise RuntimeError(f"axe-core failed on {url}: {found['error']}")
    return found


def blocking(found: list[dict]) -> list[str]:
    """The serious and critical violations, one line each."""
    return [f"{v['impact']} {v['id']} ({v['scheme']} palette, "
            f"{_width(v)}): {v['help']} at {', '.join(v['targets'])}"
            for v in found if v["impact"] in BLOCKING]


def _width(violation: dict) -> str:
    width = violation["width"]
    return f"{width} px" if isinstance(width, int) else width
