"""No page has a serious or critical accessibility problem (axe-core).

axe-core runs in headless Chromium on every built page, in the light and
in the dark palette. Without Chromium these tests skip (the ``browser``
fixture says why), unless BOOK_REQUIRE_BROWSER=1 (CI).
"""

import pytest

from scripts import accessibility, postbuild, sitecheck


@pytest.fixture(scope="session")
def axe_report(browser, served_site):
    """{page: [violation, ...]} for every built page."""
    site, base = served_site
    return {page: accessibility.violations(browser,
                                           base + sitecheck.page_url(page))
            for page in sitecheck.html_pages(site)}


def test_no_page_has_a_serious_or_critical_violation(axe_report):
    failures = [f"{page}: {line}" for page, found in axe_report.items()
                for line in accessibility.blocking(found)]
    assert not failures, "axe-core found:\n" + "\n".join(failures)


def test_axe_ran_its_rules_in_both_palettes(browser, tmp_path):
    """The check is not vacuous: a page with an unlabelled image, a
    button without a name and an SVG formula without its MathML (what
    svg-img-alt is about) fails it, in both palettes."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body data-md-color-scheme="default"><main><h1>Broken</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "<button></button>"
        '<svg role="img" width="20" height="20"><path d="M0 0H9V9z"/>'
        "</svg></main></body></html>", encoding="utf-8")
    with sitecheck.serve(tmp_path) as base:
        found = accessibility.violations(browser, base)
    rules = {(v["scheme"], v["id"]) for v in found}
    for scheme in ("default", "slate"):
        assert {(scheme, "image-alt"), (scheme, "button-name"),
                (scheme, "svg-img-alt")} <= rules, found
    lines = accessibility.blocking(found)
    assert any("svg-img-alt" in line for line in lines), lines


def _widths_with_an_unfocusable_box(browser, tmp_path, box: str) -> set:
    """Widths at which axe finds a scrolling box without keyboard focus
    (scrollable-region-focusable) on a page holding `box`."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body data-md-color-scheme="default"><main><h1>Wide</h1>'
        + box + "</main></body></html>", encoding="utf-8")
    with sitecheck.serve(tmp_path) as base:
        found = accessibility.violations(browser, base)
    return {v["width"] for v in found
            if v["id"] == "scrollable-region-focusable"}


def test_axe_judges_scrolling_boxes_at_a_phone_width(browser, tmp_path):
    """A box that scrolls only on a phone, without keyboard focus, fails
    scrollable-region-focusable at 360 px and passes on the desktop: the
    check sees what a narrower screen or wider fonts make overflow."""
    assert _widths_with_an_unfocusable_box(
        browser, tmp_path,
        '<div style="overflow-x: auto; max-width: 100%">'
        '<p style="width: 600px">' + "word " * 60 + "</p></div>") == {360}


def test_axe_judges_a_phone_as_a_touch_screen(browser, tmp_path):
    """A box that scrolls at every width and takes keyboard focus only
    where the pointer hovers (as Material gives it to a wide code block)
    fails at 360 px, a touch screen, and passes on the desktop."""
    assert _widths_with_an_unfocusable_box(
        browser, tmp_path,
        '<div id="box" style="overflow-x: auto; max-width: 100%">'
        '<p style="width: 3000px">' + "word " * 60 + "</p></div>"
        "<script>if (matchMedia('(hover)').matches) "
        "box.setAttribute('tabindex', '0');</script>") == {360}


def test_formulas_keep_their_text_alternative(browser, tmp_path):
    """Math drawn by the post-build pass passes svg-img-alt: the SVG is
    hidden from screen readers and assistive MathML reads it instead."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body data-md-color-scheme="default"><main><h1>Math</h1>'
        '<p>Pythagoras: <span class="arithmatex">\\(a^2 + b^2 = c^2\\)'
        '</span></p></main></body></html>', encoding="utf-8")
    postbuild.finish(tmp_path)
    with sitecheck.serve(tmp_path) as base:
        found = accessibility.violations(browser, base)
    assert "<svg" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert not accessibility.blocking(found), found
