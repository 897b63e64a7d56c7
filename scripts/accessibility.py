"""Accessibility of a built page, by axe-core in headless Chromium.

axe-core (npm, pinned in package.json) is injected into the page through
Selenium and runs its rules in the light and in the dark palette
(scripts/site_checks/accessibility.js). Among them is ``svg-img-alt``:
math drawn as SVG must carry a text alternative, which the book's does
as assistive MathML (the SVG itself is hidden from screen readers).
"""

import functools
import json

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


def violations(browser, url: str) -> list[dict]:
    """Load a page and return axe's violations, in both palettes:
    dicts with scheme, id, impact, help and targets (CSS selectors)."""
    axe, check = _sources()
    browser.get(url)
    browser.execute_script(axe)
    found = json.loads(browser.execute_async_script(check))
    if isinstance(found, dict):
        raise RuntimeError(f"axe-core failed on {url}: {found['error']}")
    return found


def blocking(found: list[dict]) -> list[str]:
    """The serious and critical violations, one line each."""
    return [f"{v['impact']} {v['id']} ({v['scheme']} palette): {v['help']}"
            f" at {', '.join(v['targets'])}"
            for v in found if v["impact"] in BLOCKING]
