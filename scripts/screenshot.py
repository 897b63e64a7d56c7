"""Screenshots of built pages as a reader sees them on a phone.

    python -m scripts.screenshot ch02-regression/01-line-fitting/ [...]
        [--site site] [--out screenshots]

For each page (a path of the built site, as in its URL) it writes
``<out>/<page>-<width>-<light|dark>.png`` at 360 and 390 px, full
height, in Material's light and dark schemes, after the page's
formulas and images have loaded. Open the PNGs and look at them: a
check can pass while a formula paints as an empty box.
"""

import argparse
import tempfile
from pathlib import Path

from scripts import browser as chromium
from scripts import sitecheck

WIDTHS = chromium.PHONE_WIDTHS
# After a scheme or width change, wait for Material's colour transitions
# (125 ms) and a repaint; a shot taken at once shows the old colours.
SETTLE = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(done),
                                       400));
"""


def shoot(browser, url: str, stem: Path) -> list[Path]:
    """Save the page at `url` at every phone width and scheme."""
    browser.get(url)
    chromium.page_facts(browser)  # waits for math and images
    shots = []
    for width in WIDTHS:
        for scheme, label in chromium.SCHEMES.items():
            browser.execute_script(
                "document.body.setAttribute('data-md-color-scheme', "
                "arguments[0])", scheme)
            # the page's height at this width, then the whole page at once
            for height in (800, None):
                if height is None:
                    height = min(int(browser.execute_script(
                        "return document.documentElement.scrollHeight")),
                        16000)
                browser.execute_cdp_cmd(
                    "Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": height,
                     "deviceScaleFactor": 1, "mobile": True})
                browser.execute_async_script(SETTLE)
            path = stem.with_name(f"{stem.name}-{width}-{label}.png")
            path.write_bytes(browser.get_screenshot_as_png())
            shots.append(path)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return shots


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+",
                        help="built pages, e.g. part2/05-losses/")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile, \
            sitecheck.serve(args.site) as base:
        browser = chromium.launch(Path(profile))
        try:
            for page in args.pages:
                stem = args.out / (page.strip("/").replace("/", "_")
                                   or "home")
                for path in shoot(browser, base + page.lstrip("/"), stem):
                    print(path)
        finally:
            browser.quit()


if __name__ == "__main__":
    main()
