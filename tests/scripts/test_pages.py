"""Page Markdown: values are injected and figure references checked, each
failure naming docs/<page>.md:<line>."""

import pytest

from scripts import pages


def test_value_placeholders_are_replaced_and_formatted():
    text = "w = {{ ch01/s07_quadratic_tape.w1:.2f }}, n = {{ ch01/x.n }}"
    values = {"ch01/s07_quadratic_tape": {"w1": 1.94562},
              "ch01/x": {"n": 3}}
    assert pages.inject_values(text, "p.md", values.__getitem__) == (
        "w = 1.95, n = 3")


def test_unknown_value_names_page_and_line():
    text = "line one\n\nloss = {{ ch01/s07_quadratic_tape.nope:.4f }}\n"
    with pytest.raises(pages.PageError,
                       match=r"docs/ch01/p\.md:3: .*returns no 'nope' "
                             r"\(it returns: w1\)"):
        pages.inject_values(text, "ch01/p.md", lambda _: {"w1": 1.0})


def test_a_value_that_cannot_be_read_names_page_and_line():
    def results_of(snippet_id):
        raise RuntimeError("its run has not been generated")

    with pytest.raises(pages.PageError,
                       match=r"docs/p\.md:2: \{\{ part2/s01_x\.n \}\}: "
                             r"its run has not been generated"):
        pages.inject_values("a\n{{ part2/s01_x.n }}", "p.md", results_of)


def test_figure_reference_nobody_makes_names_page_and_line():
    text = "![ok](../figures/ch01/a.svg)\n\n![bad](../figures/ch01/b.svg)\n"
    published = {"figures/ch01/a.svg"}
    pages.check_figures(text.split("\n\n")[0], "ch01-x/p.md", published)
    with pytest.raises(pages.PageError,
                       match=r"docs/ch01-x/p\.md:3: figure "
                             r"'\.\./figures/ch01/b\.svg' is made by no"):
        pages.check_figures(text, "ch01-x/p.md", published)


def test_a_declared_figure_not_generated_says_to_run_make_generate():
    with pytest.raises(pages.PageError,
                       match=r"docs/ch01-x/p\.md:1: figure '\.\./figures/"
                             r"ch01/b\.svg' of snippet ch01/s01_b has not "
                             r"been generated .*run `make generate`"):
        pages.check_figures("![b](../figures/ch01/b.svg)", "ch01-x/p.md",
                            set(), {"figures/ch01/b.svg": "ch01/s01_b"})


def test_notebook_cdn_scripts_are_removed():
    html = ('<p>keep</p><!-- Load mathjax --><script src=""> </script>'
            '<script type="text/x-mathjax-config">x</script>'
            '<!-- End of mathjax configuration --><script type="module">'
            'await import("https://cdn.example/mermaid.esm.min.mjs")'
            '</script><script>keep()</script>')
    assert pages.strip_notebook_scripts(html) == (
        "<p>keep</p><script>keep()</script>")


def test_a_table_with_an_empty_corner_gets_row_headers():
    html = ("<table>\n<thead>\n<tr>\n<th></th>\n<th>accuracy</th>\n</tr>\n"
            "</thead>\n<tbody>\n<tr>\n<td><code>fit</code></td>\n"
            '<td style="text-align: right;">0.9</td>\n</tr>\n<tr>\n'
            "<td>test</td>\n<td>0.8</td>\n</tr>\n</tbody>\n</table>")
    fixed = pages.row_headers(html)
    assert "<thead>\n<tr>\n<td></td>\n<th>accuracy</th>" in fixed
    assert '<tr>\n<th scope="row"><code>fit</code></th>\n<td style=' in fixed
    assert '<th scope="row">test</th>\n<td>0.8</td>' in fixed
    # A table whose corner has a name is left as it is.
    named = html.replace("<th></th>", "<th>run</th>")
    assert pages.row_headers(named) == named
