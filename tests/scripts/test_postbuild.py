"""scripts/postbuild.py: the pass that finishes a built site (math drawn
as SVG, lean notebook CSS, minified figures), on any site folder."""

import re

import pytest
from mkdocs.exceptions import Abort

from scripts import postbuild


def _page(body: str, head: str = "") -> str:
    return ('<!doctype html><html lang="en"><head><title>t</title>'
            f"{head}</head><body><article>{body}</article></body></html>")


def test_missing_packages_say_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(postbuild, "NODE_MODULES", tmp_path)
    with pytest.raises(postbuild.PostbuildError, match="run `npm ci`"):
        postbuild.check_installed()


def test_formulas_become_svg_with_mathml_and_one_font_cache(tmp_path):
    (tmp_path / "index.html").write_text(_page(
        '<p>Inline <span class="arithmatex">\\(a^2 &lt; b_{i}\\)</span>'
        '</p><div class="arithmatex">\\[\\begin{aligned} f(x) &amp;= '
        "\\sum_i w_i x_i \\\\ g &amp;= \\frac{a}{2}\\end{aligned}\\]"
        "</div><pre><code>\\(not math\\)</code></pre>"))
    report = postbuild.finish(tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert (report.pages, report.math_pages, report.formulas) == (1, 1, 2)
    assert not report.errors
    assert html.count("<mjx-container") == 2
    assert html.count('id="MJX-SVG-global-cache"') == 1
    assert html.index("MJX-SVG-global-cache") < html.index("<mjx-container")
    assert html.count('<style id="MJX-SVG-styles">') == 1
    assert html.index("MJX-SVG-styles") < html.index("</head>")
    # Glyphs are paths defined once and drawn in the text's colour.
    uses = set(re.findall(r'<use xlink:href="#([^"]+)"', html))
    defined = set(re.findall(r'<path id="([^"]+)" d="[^"]+"', html))
    assert uses and uses <= defined
    assert 'fill="currentColor"' in html
    # Screen readers get MathML; the SVG is hidden from them.
    assert "<mi>a</mi><mn>2</mn></msup><mo>&lt;</mo>" in html
    assert html.count('aria-hidden="true"') == 2
    assert '<mtable' in html and 'display="block"' in html
    assert "\\(not math\\)" in html and "\\(a^2" not in html
    assert "mathjax" not in html.lower().replace("mathjax\" jax", "")


def test_the_pass_reports_tex_errors_by_page_and_formula(tmp_path):
    (tmp_path / "index.html").write_text(_page(
        '<span class="arithmatex">\\(x^{2}}\\)</span>'
        '<span class="arithmatex">\\(\\nosuchmacro\\)</span>'))
    report = postbuild.finish(tmp_path)
    assert report.tex_errors() == [
        "index.html: TeX error in `x^{2}}`: Extra close brace or missing "
        "open brace",
        "index.html: TeX error in `\\nosuchmacro`: Undefined control "
        "sequence \\nosuchmacro"]
    assert 'data-mml-node="merror"' in (tmp_path / "index.html").read_text()


def test_a_tex_error_fails_the_strict_build(build_page, tmp_path, caplog):
    with pytest.raises(Abort):
        build_page(tmp_path, r"""
            # Title

            Broken: \(\frac{1}{\).
            """)
    assert ("index.html: TeX error in `\\frac{1}{`: Missing close brace"
            in caplog.text)


def test_math_the_pass_does_not_recognise_fails_the_build(tmp_path):
    # An attribute before class= hides the formula from the Node pass's
    # pattern; the page must not ship it as raw TeX without a word.
    (tmp_path / "index.html").write_text(_page(
        '<div id="eq" class="arithmatex">\\[E = mc^2\\]</div>'
        '<span class="arithmatex">\\(a\\)</span>'))
    report = postbuild.finish(tmp_path)
    assert report.formulas == 1
    assert report.problems() == [
        "index.html: formula not drawn (markup the math pass does not "
        "recognise): `\\[E = mc^2\\]`"]
    assert postbuild.main([str(tmp_path)]) == 1


def test_notebook_math_is_drawn_but_not_code_and_css_is_trimmed(tmp_path):
    cell = ('<div class="jupyter-wrapper"><div class="jp-Cell">'
            '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown">'
            "<p>Fit $y = 2x^2$ for $5 and $$\\sum_i x_i$$ here.</p>"
            "<pre>$not = math$</pre></div></div>"
            '<div class="jp-CodeCell"><pre>print("$a$")</pre></div></div>')
    style = ("<style>.jupyter-wrapper .jp-Cell{margin:0}"
             ".jupyter-wrapper .jp-Unused{color:red}"
             ".jupyter-wrapper{--jp-used:1px;--jp-unused:2px}"
             ".jp-Cell{padding:var(--jp-used)}</style>")
    (tmp_path / "index.html").write_text(_page(style + cell))
    report = postbuild.finish(tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert report.formulas == 2
    assert '<span class="arithmatex"><mjx-container' in html
    assert '<div class="arithmatex"><mjx-container' in html
    assert "for $5 and" in html
    assert "$not = math$" in html and 'print("$a$")' in html
    assert ".jp-Cell{margin:0}" in html and "jp-Unused" not in html
    assert "--jp-used" in html and "--jp-unused" not in html


def test_figures_are_minified_and_still_scale(tmp_path):
    figures = tmp_path / "figures" / "ch01"
    figures.mkdir(parents=True)
    svg = ('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
           '<!-- Created with Matplotlib -->\n'
           '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" '
           'height="50pt" viewBox="0 0 100 50">\n  <metadata>x</metadata>\n'
           '  <g id="figure_1">\n    <path d="M 0 0 L 10.000000 10.000000"'
           ' style="fill: none; stroke: #000000"/>\n  </g>\n</svg>\n')
    (figures / "s01_plot.svg").write_text(svg)
    (tmp_path / "index.html").write_text(_page("<p>no math</p>"))
    report = postbuild.finish(tmp_path)
    small = (figures / "s01_plot.svg").read_text()
    assert report.figures == 1 and len(small) < len(svg) / 1.5
    assert 'viewBox="0 0 100 50"' in small and "<path" in small
    assert "Matplotlib" not in small


def test_figures_get_their_size_and_only_the_first_loads_at_once(
        tmp_path):
    figures = tmp_path / "figures" / "ch01"
    figures.mkdir(parents=True)
    (figures / "s01_a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300pt" '
        'height="150pt" viewBox="0 0 300 150"><path d="M0 0h9"/></svg>')
    (figures / "s01_b.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" '
        'viewBox="0 0 200 100"><path d="M0 0h9"/></svg>')
    (tmp_path / "ch01").mkdir()
    (tmp_path / "index.html").write_text(_page("<p>home</p>"))
    (tmp_path / "ch01" / "index.html").write_text(_page(
        '<img alt="a" src="../figures/ch01/s01_a.svg" />'
        '<img alt="b" src="../figures/ch01/s01_b.svg" width="120" />'
        '<img alt="c" src="../figures/ch01/s01_b.svg" />'
        '<img alt="not a figure" src="data:image/png;base64,AAAA" />'))
    postbuild.finish(tmp_path)
    html = (tmp_path / "ch01" / "index.html").read_text()
    assert ('<img width="400" height="200" decoding="async" alt="a"'
            in html)
    assert ('<img loading="lazy" decoding="async" alt="b" '
            'src="../figures/ch01/s01_b.svg" width="120" />') in html
    assert ('<img width="200" height="100" loading="lazy" '
            'decoding="async" alt="c"') in html
    assert '<img alt="not a figure"' in html
    postbuild.finish(tmp_path)  # a second pass changes nothing
    assert (tmp_path / "ch01" / "index.html").read_text() == html
