"""Every built page, opened in headless Chromium, reads as it should.

One browser visits every page once (pages are found in the built site,
so new chapters are covered without being listed) and each test below
asserts one check over all pages; failures name the page and the element.
Without Chromium these tests skip, unless BOOK_REQUIRE_BROWSER=1 (CI).
"""

import json
import re
import shutil
import time

import pytest

from scripts import browser as chromium
from scripts import postbuild, sitecheck


@pytest.fixture(scope="session")
def site_report(browser, served_site):
    """{page: {check: [problems]}} for every built page."""
    site, base = served_site
    return {page: chromium.check_page(browser,
                                      base + sitecheck.page_url(page))
            for page in sitecheck.html_pages(site)}


def _failures(report: dict, check: str) -> str:
    return "\n".join(f"{page}: {problem}"
                     for page, checks in report.items()
                     for problem in checks[check])


@pytest.mark.parametrize("check", chromium.CHECKS)
def test_every_page_passes(site_report, check):
    failures = _failures(site_report, check)
    assert not failures, f"{check} check failed:\n{failures}"


def test_instant_navigation_keeps_math_drawn(browser, served_site):
    """Material's instant navigation swaps the page without a reload; the
    new page's math must still draw, glyphs included: each page carries
    its glyphs (MathJax's font cache) inside its content and the math
    stylesheet in its head, and no script re-typesets anything. From the
    home page (no math) to a page with math, straight on to another page
    with math (the first page's glyphs are gone then), home again, and
    back to the first page with math."""
    site, base = served_site
    targets = [page for page in sitecheck.html_pages(site)
               if page != "index.html" and 'class="arithmatex"'
               in (site / page).read_text(encoding="utf-8")]
    if not targets:
        pytest.skip("no page with math yet")
    route = [targets[0], targets[1:2] and targets[1] or targets[0],
             "index.html", targets[0]]
    browser.get(base)
    # Material follows links instantly once it has read sitemap.xml.
    browser.execute_async_script(chromium.script("wait_for_sitemap"))
    browser.execute_script("window.__sameDocument = true;")
    came_from = "index.html"
    for target in route:
        path = "/" + sitecheck.page_url(target)
        clicked = browser.execute_script(
            """const link = [...document.querySelectorAll("a[href]")].find(
                 (a) => a.pathname === arguments[0]);
               document.querySelector("article").dataset.left = "";
               if (link) link.click();
               return !!link;""", path)
        assert clicked, f"{came_from} has no link to {target}"
        browser.execute_async_script(chromium.script("wait_for_math"),
                                     path)
        assert browser.execute_script(
            "return window.__sameDocument === true"), (
            f"clicking a link on {came_from} reloaded the page: instant "
            "navigation is off")
        if target == "index.html":
            came_from = target
            continue
        facts = chromium.page_facts(browser)
        problems = chromium.math_problems(facts)
        assert facts["containers"] > 0 and not problems, (
            f"{target} after instant navigation from {came_from}:\n"
            + "\n".join(problems or [json.dumps(facts)]))
        came_from = target


def test_no_page_moves_as_it_loads(browser, served_site):
    """Loaded on a phone's screen, no page's text moves by more than
    Lighthouse counts as good (cumulative layout shift 0.1) on most of
    three loads. A table that book.css drew a frame late moved 5-5 by
    0.44 on every load, and Lighthouse scored it 75 instead of 99."""
    site, base = served_site
    problems = [f"{page}: {problem}"
                for page in sitecheck.html_pages(site)
                for problem in chromium.layout_shift_problems(
                    browser, base + sitecheck.page_url(page))]
    assert not problems, "\n".join(problems)


# [links the theme shows in the drawer, those of them drawn now]. The
# theme hides some links itself (display: none; the current page's, for
# one, is replaced by its table of contents).
DRAWER_LINKS_DRAWN_JS = """
const shown = [...document.querySelectorAll(
  ".md-sidebar--primary .md-nav__link")].filter((link) => {
  for (let e = link; !e.matches(".md-sidebar"); e = e.parentElement) {
    if (getComputedStyle(e).display === "none") return false;
  }
  return true;
});
return [shown.length, shown.filter((link) => link.checkVisibility()).length];
"""


def test_the_phone_drawer_draws_its_links_only_when_open(browser,
                                                          served_site):
    """On a phone the site's navigation is a drawer. Closed, its links
    are not drawn (book.css: the theme restyles the page several times
    as it starts, and the closed drawer's links were half of it); opened
    from the menu button every link is drawn, and closed again none."""
    site, base = served_site
    with chromium.window_width(browser, 360, touch=True):
        page = sitecheck.html_pages(site)[-1]
        browser.get(base + sitecheck.page_url(page))
        total, drawn = browser.execute_script(DRAWER_LINKS_DRAWN_JS)
        assert total > 50 and drawn == 0, (total, drawn)
        browser.execute_script(
            'document.querySelector("label[for=__drawer]").click();')
        time.sleep(0.5)
        assert browser.execute_script(DRAWER_LINKS_DRAWN_JS) == [total,
                                                                 total]
        first = browser.execute_script(
            "return document.querySelector('.md-sidebar--primary "
            ".md-nav__link').getBoundingClientRect().toJSON();")
        assert first["width"] > 0 and 0 <= first["left"] < 360, first
        browser.execute_script(
            'document.querySelector("label.md-overlay").click();')
        time.sleep(0.5)
        assert browser.execute_script(DRAWER_LINKS_DRAWN_JS) == [total, 0]


def test_checks_catch_a_broken_page(browser, build_page, tmp_path):
    """A page with raw TeX, a missing image and a script from another
    host fails the browser checks and the link check, each by name; a
    block put above its text after the first paint fails the layout
    shift check."""
    site = build_page(tmp_path, r"""
        # Broken on purpose

        Drawn: \(a^2\).

        <p>Raw, as no formula should be: \(\frac{1}{2}\)</p>

        <img src="nope.png" alt="a missing figure">

        <script src="https://example.com/x.js"></script>

        <script>
        addEventListener("load", () => requestAnimationFrame(() => {
          const late = document.createElement("div");
          late.style.height = "400px";
          document.querySelector("article").prepend(late);
        }));
        </script>

        Text that the late block pushes down.
        """)
    with sitecheck.serve(site) as base:
        report = chromium.check_page(browser, base)
        report["shift"] = chromium.layout_shift_problems(browser, base)
    assert any(r"\frac{1}{2}" in p and "raw" in p
               for p in report["math"]), report["math"]
    assert any("nope.png" in p for p in report["images"]), report["images"]
    assert any("example.com/x.js" in p for p in report["hosts"]), report
    assert any("example.com/x.js" in p for p in report["console"]), report
    assert any("nope.png" in p for p in report["console"]), report
    assert any("layout shift" in p for p in report["shift"]), report
    problems, _ = sitecheck.check_links(site)
    assert any("nope.png" in p and "not found" in p for p in problems)
    assert any("example.com/x.js" in p and "another host" in p
               for p in problems), problems


def test_math_check_catches_errors_lost_glyphs_and_mathjax(
        browser, built_site, tmp_path):
    """Beside a page of the book (whose math passes): the same page with
    a formula drawn as a TeX error (a strict build fails on those; this
    page is finished by hand), and with its font cache gone (what
    instant navigation would leave if the cache sat outside the content)
    and a MathJax script loaded. Each fails the math check by name."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = next(p for p in sitecheck.html_pages(site)
                if p.count("/") == 2 and "<mjx-container" in (
                    site / p).read_text(encoding="utf-8"))
    html = (site / page).read_text(encoding="utf-8")
    folder = (site / page).parent.parent
    (folder / "broken").mkdir()
    (folder / "broken" / "index.html").write_text(html.replace(
        "<h1", '<p><span class="arithmatex">\\(x^{2}}\\)</span></p><h1',
        1), encoding="utf-8")
    errors = postbuild.finish(site).tex_errors()
    assert errors == [f"{folder.name}/broken/index.html: TeX error in "
                      "`x^{2}}`: Extra close brace or missing open brace"]
    (folder / "lost").mkdir()
    (folder / "lost" / "index.html").write_text(re.sub(
        r'<svg style="display: none;" id="MJX-SVG-global-cache">.*?</svg>',
        "", html, count=1, flags=re.S).replace(
        "</head>", '<script src="mathjax/tex-svg.js"></script></head>'),
        encoding="utf-8")
    (folder / "lost" / "mathjax").mkdir()
    (folder / "lost" / "mathjax" / "tex-svg.js").write_text(
        "window.MathJax = {};\n")
    with sitecheck.serve(site) as base:
        fine = chromium.check_page(browser, base + sitecheck.page_url(page))
        error = chromium.check_page(browser,
                                    base + f"{folder.name}/broken/")
        gone = chromium.check_page(browser, base + f"{folder.name}/lost/")
    assert not fine["math"], fine["math"]
    assert any("TeX error" in p and "Extra close brace" in p
               for p in error["math"]), error["math"]
    assert any("points to no path" in p for p in gone["math"]), gone["math"]
    assert any("loads MathJax" in p and "tex-svg.js" in p
               for p in gone["math"]), gone["math"]


def test_offline_build_opens_from_the_file_system(browser, build_page,
                                                  tmp_path, monkeypatch):
    """BOOK_OFFLINE=true builds a site that works from file://: math with
    its fonts, search (through the local Web-Worker shim), the palette,
    and nothing fetched from any host."""
    monkeypatch.setenv("BOOK_OFFLINE", "true")
    site = build_page(tmp_path, r"""
        # Offline

        Pythagoras: \(a^2 + b^2 = c^2\), and a word to find: zebra.
        """)
    report = chromium.check_page(browser, (site / "index.html").as_uri())
    assert not any(report.values()), report
    assert chromium.search_hits(browser, "zebra") >= 1


FIGURE_LIMIT = 250_000  # bytes; the book's figures are 10-110 KB


def test_no_figure_weighs_more_than_a_page(built_site):
    """Every figure of the built site (minified) stays under 250 KB: a
    reader who scrolls fetches them all. A colour map drawn as one SVG
    rectangle per cell weighed 4.7 MB (1-9's stability region) until
    its mesh was rasterized; a figure like that fails here by name."""
    heavy = {str(f.relative_to(built_site)): f.stat().st_size
             for f in (built_site / "figures").rglob("*.svg")
             if f.stat().st_size > FIGURE_LIMIT}
    assert not heavy, f"figures over {FIGURE_LIMIT // 1000} KB: {heavy}"


def test_search_finds_pages_by_their_text_not_their_code(
        browser, build_page, tmp_path):
    """Code blocks are kept out of the search index (the largest file of
    the book, and code was about 40 % of it): a page is still found by a
    word of its prose and by one in inline code, while a word that only a
    code block holds is shown on the page but not indexed. The index is
    fetched once, when the reader first opens the search (the script in
    overrides/partials/search-on-demand.html), not with every page:
    Material itself fetches it as soon as it starts."""
    site = build_page(tmp_path, r"""
        # Searchable

        A word of prose, zebra, and one in inline code, `okapi`.

        ```py
        quagga = 1
        ```
        """)
    index = (site / "search" / "search_index.json").read_text(
        encoding="utf-8")
    assert "zebra" in index and "okapi" in index
    assert "quagga" in (site / "index.html").read_text(encoding="utf-8")
    assert "quagga" not in index
    with sitecheck.serve(site) as base:
        browser.get(base)
        browser.execute_async_script(chromium.script("wait_for_sitemap"))
        assert not _fetched(browser, "search_index.json"), \
            "the search index was fetched before the search was opened"
        assert chromium.search_hits(browser, "zebra") >= 1
        assert _fetched(browser, "search_index.json") == 1
        assert chromium.search_hits(browser, "okapi") >= 1


def test_search_index_holds_no_notebook_code_or_prompts(built_site):
    """A practice notebook's code cells come with a prompt ("In [1]:"),
    a copy button saying "Copied!" and a hidden plain copy of the code,
    and its headings with a "¶" link; none of them reaches the index
    (its results began "In [1]: Copied!" followed by the code), while
    the notebook's prose does."""
    docs = json.loads((built_site / "search" / "search_index.json")
                      .read_text(encoding="utf-8"))["docs"]
    practice = [d for d in docs if d["location"].startswith("practice/")]
    text = " ".join(d["text"] for d in practice)
    assert "GradientTape" in text, "the notebooks' prose is indexed"
    for left_out in ("Copied!", "In\u00a0[", "In [", "def main("):
        assert left_out not in text, left_out
    assert not [d["title"] for d in practice if "¶" in d["title"]]


BOOK_WORDS = ["Adam", "optimizer", "RMSprop", "return_sequences", "kappa"]


def test_search_finds_the_books_own_words(browser, served_site):
    """Words of the book's prose, each on a fresh page, find pages. With
    the theme's default separator, which leaves punctuation on a word
    ("Adam,"), "Adam" and "optimizer" found nothing."""
    _, base = served_site
    missing = []
    for word in BOOK_WORDS:
        browser.get(base)
        if chromium.search_hits(browser, word) < 1:
            missing.append(word)
    assert not missing, f"the search finds no page for {missing}"


def _fetched(browser, name: str) -> int:
    """How many times the page has fetched a file of that name."""
    return browser.execute_script(
        """return performance.getEntriesByType("resource")
                  .filter((e) => e.name.endsWith("/" + arguments[0]))
                  .length;""", name)


# A page with what a phone cannot show on one line: a table with code in
# its cells, a display formula, a long code comment, and an inline
# formula (which cannot wrap).
WIDE_PAGE = r"""
    # Too wide for a phone

    | layer | call | loss |
    | --- | --- | --- |
    TABLE_ROW

    \[
    E = -\frac{1}{n} \sum_{i=1}^{n} \Big[ y_i \log p_i
        + (1 - y_i) \log (1 - p_i) \Big]
        + \lambda \sum_{j=1}^{m} w_j^2 + \mu \sum_{j=1}^{m} \lvert w_j \rvert
    \]

    ```py
    x = 1  # a comment far too long for one line of a phone, so it scrolls
    ```

    Inline: \(a_1 + a_2 + a_3 + a_4 + a_5 + a_6 + a_7 + a_8 + a_9 + a_{10}
    + a_{11} + a_{12} + a_{13} + a_{14} + a_{15} + a_{16}\).
    { .wide-inline }
    """.replace("TABLE_ROW", "| last | `keras.layers.Dense(units=10, "
                "activation=\"softmax\")` | `keras.losses.SparseCategorical"
                "Crossentropy(from_logits=False)` |")
PARTS = {"table": ".md-typeset__scrollwrap", "formula": "div.arithmatex",
         "code comment": "div.highlight", "inline formula": "p.wide-inline"}
# The theme's and the book's scrolling boxes switched off: the layout
# as it would be without them.
NO_SCROLL_BOXES = """
    .md-typeset__scrollwrap, .md-typeset table:not([class]),
    .md-typeset pre > code, .md-typeset div.arithmatex {
      overflow: visible !important; }"""


@pytest.fixture
def wide_page(browser, build_page, tmp_path):
    """Opens WIDE_PAGE; returns show(*parts), which leaves only those
    parts of PARTS on the page."""
    site = build_page(tmp_path, WIDE_PAGE)
    with sitecheck.serve(site) as base:
        browser.get(base)
        chromium.page_facts(browser)  # math typeset, images decoded

        def show(*parts):
            for part, selector in PARTS.items():
                browser.execute_script(
                    "for (const el of document.querySelectorAll(arguments[0]))"
                    " el.style.display = arguments[1] ? '' : 'none';",
                    selector, part in parts)
        yield show


def _at_width(browser, width: int, script: str):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 800, "deviceScaleFactor": 1,
        "mobile": False})
    try:
        return browser.execute_script(script)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _widest(browser, selector: str, width: int) -> int:
    """How wide the part's content is at a screen width (its widest box,
    scrolled content included)."""
    return _at_width(browser, width, (
        f"const el = document.querySelector({selector!r});"
        "return Math.max(...[el, ...el.querySelectorAll('*')].map("
        "(e) => e.scrollWidth));"))


def test_wide_table_formula_and_code_scroll_in_their_own_box(browser,
                                                             wide_page):
    """The book's layout: a table with code in its cells, a display
    formula and a long code comment, each wider than a phone, scroll
    inside their own box; at 360 and 390 px, light and dark, the page
    does not scroll sideways. The check itself: with those boxes
    switched off, each of them makes it fail at both widths, in both
    schemes, naming what sticks out (and with the text's blocks
    clipping it, the page cannot scroll, still naming it)."""
    for part in ("table", "formula", "code comment"):
        wide_page(part)
        assert _widest(browser, PARTS[part], 360) > 400, part
        assert chromium.overflow_problems(browser) == [], part
    add_style = ("const s = document.createElement('style');"
                 "s.textContent = arguments[0]; document.head.append(s);")
    browser.execute_script(add_style, NO_SCROLL_BOXES)
    # With the blocks' containment on, what sticks out is clipped and the
    # page cannot scroll: the check still names it.
    for part in ("table", "formula", "code comment"):
        wide_page(part)
        problems = chromium.overflow_problems(browser)
        for width in chromium.PHONE_WIDTHS:
            assert any(p.startswith(f"{width} px, ") and "reaches" in p
                       for p in problems), (part, problems)
    # A block drawn only near the screen (book.css) clips what sticks out
    # of it; drawn at once, it lets the page scroll sideways again.
    browser.execute_script(add_style, chromium.ALL_BLOCKS_DRAWN)
    for part in ("table", "formula", "code comment"):
        wide_page(part)
        problems = chromium.overflow_problems(browser)
        for width in chromium.PHONE_WIDTHS:
            for scheme in chromium.SCHEMES.values():
                found = [p for p in problems
                         if p.startswith(f"{width} px, {scheme}: ")]
                assert any("scrolls sideways" in p for p in found), (
                    part, problems)
                assert any("reaches" in p for p in found), (part, problems)


# Two ways a display formula can vanish on a phone while the page still
# fits: Material's cap on every svg in the text (max-width: 100%) back on
# the math, with the formula's block sized to min-content (a percentage
# of a width made of its own, which Chromium resolves to an empty box;
# what the book showed at 360 px before book.css lifted it); and the
# drawing pushed below the part of its box that shows.
FORMULA_BREAKS = {
    "paints": ".md-typeset mjx-container[jax='SVG'] > svg "
              "{ max-width: 100% !important; }",
    "lies outside": ".md-typeset div.arithmatex mjx-container > svg "
                    "{ position: relative; top: 300px; }",
}


def test_overflow_check_sees_a_formula_that_does_not_paint(browser,
                                                           wide_page):
    """A display formula must paint where the reader looks: its scroll
    box has a size, its svg is drawn at the size MathJax gave it and
    lies inside the box's visible part. The book's CSS passes; each
    break above fails at both phone widths, in both schemes, naming the
    formula."""
    wide_page("formula")
    assert chromium.overflow_problems(browser) == []
    for what, css in FORMULA_BREAKS.items():
        browser.execute_script(
            "const s = document.createElement('style');"
            "s.id = 'break'; s.textContent = arguments[0];"
            "document.head.append(s);", css)
        try:
            problems = chromium.overflow_problems(browser)
        finally:
            browser.execute_script("document.getElementById('break')"
                                   ".remove();")
        for width in chromium.PHONE_WIDTHS:
            for scheme in chromium.SCHEMES.values():
                assert any(p.startswith(f"{width} px, {scheme}: formula ")
                           and what in p for p in problems), (what, problems)


def test_overflow_check_names_what_cannot_scroll(browser, wide_page):
    """An inline formula wider than the column cannot wrap and has no
    box of its own: the check names it (make it a display formula). And
    a line that cannot wrap and fits the screen with this machine's
    fonts, with little to spare, fails the wider-text pass: the check
    does not pass merely because of the fonts installed here."""
    wide_page("inline formula")
    problems = chromium.overflow_problems(browser, widths=(360,))
    assert any(p.startswith("360 px, light: <span.arithmatex>")
               and "reaches" in p for p in problems), problems

    wide_page()
    assert chromium.overflow_problems(browser, widths=(390,)) == []
    # A no-wrap line sized to 97 % of the text column at 390 px.
    _at_width(browser, 390, """
        const article = document.querySelector("article");
        const line = document.createElement("p");
        line.style.whiteSpace = "nowrap";
        line.style.width = "max-content";
        line.textContent = "keras.losses.SparseCategoricalCrossentropy()";
        article.append(line);
        const style = getComputedStyle(article);
        const column = article.clientWidth - parseFloat(style.paddingLeft)
                       - parseFloat(style.paddingRight);
        const size = parseFloat(getComputedStyle(line).fontSize);
        line.style.fontSize = size * 0.97 * column / line.offsetWidth + "px";
        """)
    problems = chromium.overflow_problems(browser, widths=(390,))
    assert problems, "a line at 97 % of the column passed the wider text"
    assert all(p.startswith("390 px, light, wider text: ")
               for p in problems), problems
