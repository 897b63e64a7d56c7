"""The MkDocs hook only publishes what generation made, and fails loudly,
naming file and line, when something was not generated."""

import pytest
from mkdocs.exceptions import Abort

from scripts import mkdocs_hooks, paths, runner
from scripts.snippet import find


def test_colab_link_only_for_a_github_repo_url():
    uri = "practice/ch01/s07_quadratic_tape/s07_quadratic_tape.ipynb"
    assert mkdocs_hooks._colab_url({"repo_url": None}, uri) is None
    assert mkdocs_hooks._colab_url(
        {"repo_url": "https://gitlab.com/org/book"}, uri) is None
    assert mkdocs_hooks._colab_url(
        {"repo_url": "https://github.com/org/book/"}, uri) == (
        "https://colab.research.google.com/github/org/book/blob/gh-pages/"
        + uri)


def test_a_build_with_nothing_generated_fails_and_says_why(
        build_page, tmp_path, monkeypatch, caplog):
    """No silent empty pages: with an empty cache the build stops at the
    first thing a page needs, naming page and line."""
    monkeypatch.setattr(paths, "CACHE", tmp_path / "empty-cache")
    with pytest.raises(Abort):
        build_page(tmp_path, """\
            # Title

            Loss: {{ ch01/s07_quadratic_tape.final_loss:.4f }}.
            """)
    assert ("docs/index.md:3: {{ ch01/s07_quadratic_tape.final_loss:.4f }}"
            ": the run of snippets/ch01/s07_quadratic_tape.py has not been "
            "generated") in caplog.text
    assert "run `make generate`" in caplog.text


def test_a_page_with_code_needs_its_downloads(build_page, tmp_path,
                                              monkeypatch, caplog):
    monkeypatch.setattr(paths, "CACHE", tmp_path / "empty-cache")
    with pytest.raises(Abort):
        build_page(tmp_path, """\
            # Title

            Some text.

            ```python
            print(1 + 1)
            ```
            """)
    assert ("docs/index.md:5: this page's notebook and script downloads "
            "have not been generated") in caplog.text


def test_build_rejects_a_page_showing_a_figure_nobody_makes(
        build_page, tmp_path, caplog):
    with pytest.raises(Abort):
        build_page(tmp_path, """\
            # Title

            Some text.
            ![a figure](figures/ch01/s07_nope.svg)
            """)
    assert ("docs/index.md:4: figure 'figures/ch01/s07_nope.svg' is made "
            "by no snippet") in caplog.text


def test_build_publishes_values_and_figures(build_page, tmp_path):
    """From the generated cache (the snippet's run): the value is
    injected, the figure published, and a page without code has no
    download banner."""
    runner.ensure_runs([find("ch01/s07_quadratic_tape")])
    site = build_page(tmp_path, """\
        # Title

        Loss: {{ ch01/s07_quadratic_tape.final_loss:.4f }}.

        ![fit](figures/ch01/s07_quadratic_tape_fit.svg)
        """)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Loss: 0.628" in html
    assert (site / "figures" / "ch01" / "s07_quadratic_tape_fit.svg").stat(
    ).st_size > 1000
    assert "book-downloads" not in html, "no code, no download banner"


def test_every_page_with_code_links_its_downloads(built_site):
    from scripts import pagebook

    with_code = pagebook.pages_with_code()
    assert len(with_code) >= 20
    for page in with_code:
        folder = built_site / page.id
        html = (folder / "index.html").read_text(encoding="utf-8")
        for suffix in (".ipynb", ".py"):
            download = folder / f"{page.stem}{suffix}"
            assert download.stat().st_size > 100, download
            assert f'href="{page.stem}{suffix}" download' in html, (
                f"{page.src_uri}: no link to its {suffix}")
