"""Checks and substitutions on page Markdown, done during the build.

* ``{{ ch01/s07_quadratic_tape.w1:.2f }}`` is replaced by the value the
  snippet's ``main()`` returned in its cached run (format spec optional).
* Every image under ``figures/`` must be one the build makes.

Both raise PageError with ``docs/<page>.md:<line>`` so the author can jump
straight to the problem.
"""

import posixpath
import re

VALUE = re.compile(
    r"\{\{\s*(?P<id>(?:ch\d\d|part\d)/\w+)\.(?P<key>\w+)"
    r"(?::(?P<spec>[^}\s]+))?\s*\}\}")
FIGURE_LINK = re.compile(r"\]\((?P<target>[^)\s]*figures/[^)\s#]+)")


class PageError(RuntimeError):
    """A page refers to a value or a figure the build does not make."""


def _lineno(markdown: str, offset: int) -> int:
    return markdown.count("\n", 0, offset) + 1


def inject_values(markdown: str, page: str, results_of) -> str:
    """Replace value placeholders; `results_of(id)` gives a results dict."""

    def substitute(match: re.Match) -> str:
        where = f"docs/{page}:{_lineno(markdown, match.start())}"
        try:
            values = results_of(match["id"])
        except Exception as exc:
            raise PageError(f"{where}: {match[0]}: {exc}") from exc
        if match["key"] not in values:
            known = ", ".join(sorted(values)) or "none"
            raise PageError(f"{where}: {match[0]}: snippet "
                            f"{match['id']} returns no '{match['key']}' "
                            f"(it returns: {known})")
        return format(values[match["key"]], match["spec"] or "")

    return VALUE.sub(substitute, markdown)


def check_figures(markdown: str, page: str, published: set[str],
                  declared: dict[str, str] | None = None) -> None:
    """Fail when the page shows a figures/ image the build does not have:
    one no snippet declares, or one whose snippet was not generated
    (`declared` maps figures/<chapter>/<name> to its snippet's id)."""
    page_dir = posixpath.dirname(page)
    declared = declared or {}
    for match in FIGURE_LINK.finditer(markdown):
        target = posixpath.normpath(posixpath.join(page_dir, match["target"]))
        if target in published:
            continue
        where = f"docs/{page}:{_lineno(markdown, match.start())}"
        if target in declared:
            raise PageError(
                f"{where}: figure '{match['target']}' of snippet "
                f"{declared[target]} has not been generated (or its "
                "sources changed since): run `make generate` "
                "(python -m scripts.generate) first")
        raise PageError(f"{where}: figure '{match['target']}' is made "
                        "by no snippet (check the snippet's 'Figure:' "
                        "header and the file name)")


NOTEBOOK_MATHJAX = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
NOTEBOOK_MERMAID = re.compile(
    r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S)


def strip_notebook_scripts(html: str) -> str:
    """Drop nbconvert's MathJax 2 loader and CDN mermaid import.

    mkdocs-jupyter's template loads MathJax 2 from an empty URL and imports
    mermaid from a CDN; the book serves its own MathJax 3 and needs
    neither, and must not reach any other host.
    """
    return NOTEBOOK_MERMAID.sub("", NOTEBOOK_MATHJAX.sub("", html))


# What search leaves out: code blocks (pages and notebook cells) and
# cell outputs. A reader's first search fetches the whole index
# (overrides/partials/search-on-demand.html), and code was about 40 % of
# it, while readers find a page by its prose, headings and inline code,
# which stay. A notebook code cell also carries its prompt ("In [1]:"),
# its copy button's "Copied!" and a hidden plain copy of its code for
# the clipboard; without them a result began "In [1]: Copied!" and
# went on with the code. A notebook heading's "¶" link is left out as
# Material leaves out its own. (Math stays as it is:
# scripts/postbuild.mjs finds formulas by their exact arithmatex
# markup.)
SEARCH_EXCLUDED = re.compile(
    r'<div class="(?:highlight|highlight-ipynb[^"]*|jp-OutputArea[^"]*'
    r'|jp-InputPrompt[^"]*|zeroclipboard-container|clipboard-copy-txt)"'
    r'|<a class="anchor-link"')


def exclude_from_search(html: str) -> str:
    """Mark code blocks, notebook prompts and outputs and notebook
    heading links ``data-search-exclude`` (Material's search plugin
    skips them)."""
    return SEARCH_EXCLUDED.sub(lambda m: m.group(0) + " data-search-exclude",
                               html)


# A table whose top-left header cell is empty labels its rows with its
# first column. Markdown makes those labels data cells and the corner an
# empty header, so a screen reader (and axe-core's td-has-header) finds
# no header for them; they become row headers and the corner a plain
# cell.
TABLE = re.compile(r"<table>.*?</table>", re.S)
EMPTY_CORNER = re.compile(r"(<thead>\s*<tr>\s*)<th((?: [^>]*)?)></th>")
ROW_LABEL = re.compile(r"(<tr>\s*)<td((?: [^>]*)?)>(.*?)</td>", re.S)


def row_headers(html: str) -> str:
    """Make the first column of a table with an empty corner its row
    headers (``<th scope="row">``)."""
    def fix(match: re.Match) -> str:
        table = match.group(0)
        corner = EMPTY_CORNER.search(table)
        if not corner:
            return table
        head = table[:corner.start()] + corner.expand(r"\1<td\2></td>")
        body = table[corner.end():]
        return head + ROW_LABEL.sub(r'\1<th scope="row"\2>\3</th>', body)
    return TABLE.sub(fix, html)
