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


# A notebook code cell as mkdocs-jupyter writes it (trimmed): prompt,
# copy button, highlighted code, the hidden plain copy for the
# clipboard, and an output.
NOTEBOOK_CELL = """\
<h2 id="fit">Fit<a class="anchor-link" href="#fit">¶</a></h2>
<p>Fit a line.</p>
<div class="jp-Cell jp-CodeCell jp-Notebook-cell">
<div class="jp-InputArea jp-Cell-inputArea">
<div class="jp-InputPrompt jp-InputArea-prompt">In&nbsp;[1]:</div>
<div class="CodeMirror cm-s-jupyter">
<div class="zeroclipboard-container">
<clipboard-copy for="cell-1"><div><span class="notice" hidden>Copied!</span>
</div></clipboard-copy>
</div>
<div class="highlight-ipynb hl-python"><pre><span>slope = 2</span></pre></div>
</div>
</div>
<div class="clipboard-copy-txt" id="cell-1">slope = 2</div>
<div class="jp-OutputArea jp-Cell-outputArea"><pre>2</pre></div>
</div>
"""


def test_search_indexes_a_notebook_cells_prose_only():
    """Material's own search parser, given the marked page, keeps the
    prose and the heading, and none of the heading's "¶" link or the
    cell's prompt, button text, code or output."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(pages.exclude_from_search(NOTEBOOK_CELL))
    text = "".join(t for section in parser.data for t in section.text)
    assert "Fit a line." in text
    assert [t for s in parser.data for t in s.title] == ["Fit"]
    for left_out in ("In", "Copied!", "slope", "2"):
        assert left_out not in text.replace("Fit a line.", "")
