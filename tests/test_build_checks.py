"""The build fails loudly, naming file and line, on every kind of mistake."""

import shutil
import textwrap
import types
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from scripts import figures, pages
from scripts.paths import ROOT, SNIPPETS


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


def test_figure_reference_nobody_makes_names_page_and_line():
    text = "![ok](../figures/ch01/a.svg)\n\n![bad](../figures/ch01/b.svg)\n"
    published = {"figures/ch01/a.svg"}
    pages.check_figures(text.split("\n\n")[0], "ch01-x/p.md", published)
    with pytest.raises(pages.PageError,
                       match=r"docs/ch01-x/p\.md:3: figure "
                             r"'\.\./figures/ch01/b\.svg' is made by no"):
        pages.check_figures(text, "ch01-x/p.md", published)


def test_snippet_error_points_at_the_raising_line():
    fake = figures.Snippet(SNIPPETS / "ch99" / "s01_boom.py", "boom", {})
    code = compile("x = 1\n\nraise ValueError('bad')\n", str(fake.path),
                   "exec")
    with pytest.raises(ValueError) as info:
        exec(code, {})
    assert figures.error_location(info.value, fake) == (
        "snippets/ch99/s01_boom.py:3")


def test_snippet_that_forgets_a_declared_figure_fails(monkeypatch, tmp_path):
    monkeypatch.setattr(figures, "RUNS", tmp_path)
    snippet = figures.Snippet(SNIPPETS / "ch01" / "s07_plot_tape.py", "x",
                              {"Figure": "s07_plot_missing.svg"})
    module = types.SimpleNamespace(main=lambda: None)
    monkeypatch.setattr(figures, "load_module", lambda snippet: module)
    with pytest.raises(figures.SnippetError,
                       match=r"snippets/ch01/s07_plot_tape\.py:1: header "
                             r"names figure\(s\) s07_plot_missing\.svg"):
        figures.run_in_process(snippet)


def test_runner_saves_the_figures_main_leaves_open(monkeypatch, tmp_path):
    """main() draws with plain Matplotlib; the runner names and saves
    the open figures in the header's order, and counts them."""
    monkeypatch.setattr(figures, "RUNS", tmp_path)

    def main():
        for title in ("first", "second"):
            plt.figure()
            plt.title(title)
        plt.show()
        return {"n": 2}

    monkeypatch.setattr(figures, "load_module",
                        lambda snippet: types.SimpleNamespace(main=main))
    snippet = figures.Snippet(SNIPPETS / "ch01" / "s07_plot_tape.py", "x",
                              {"Figure": "s07_a.svg, s07_b.svg"})
    assert figures.run_in_process(snippet) == {"n": 2}
    assert "first" in (snippet.run_dir / "s07_a.svg").read_text()
    assert "second" in (snippet.run_dir / "s07_b.svg").read_text()
    assert not plt.get_fignums()

    def main_writing_a_file():
        Path("s07_diagram.svg").write_text("<svg/>")  # in its working dir
        plt.figure()

    monkeypatch.setattr(figures, "load_module", lambda snippet:
                        types.SimpleNamespace(main=main_writing_a_file))
    both = figures.Snippet(SNIPPETS / "ch01" / "s07_plot_tape.py", "x",
                           {"Figure": "s07_diagram.svg, s07_drawn.svg"})
    figures.run_in_process(both)
    assert (both.run_dir / "s07_diagram.svg").read_text() == "<svg/>"
    assert (both.run_dir / "s07_drawn.svg").stat().st_size > 1000
    monkeypatch.setattr(figures, "load_module",
                        lambda snippet: types.SimpleNamespace(main=main))
    one = figures.Snippet(SNIPPETS / "ch01" / "s07_plot_tape.py", "x",
                          {"Figure": "s07_a.svg"})
    with pytest.raises(figures.SnippetError,
                       match=r"snippets/ch01/s07_plot_tape\.py:1: header "
                             r"names 1 figure\(s\) to draw but main\(\) drew 2"):
        figures.run_in_process(one)


def test_notebook_cdn_scripts_are_removed():
    html = ('<p>keep</p><!-- Load mathjax --><script src=""> </script>'
            '<script type="text/x-mathjax-config">x</script>'
            '<!-- End of mathjax configuration --><script type="module">'
            'await import("https://cdn.example/mermaid.esm.min.mjs")'
            '</script><script>keep()</script>')
    assert pages.strip_notebook_scripts(html) == (
        "<p>keep</p><script>keep()</script>")


def test_build_rejects_a_page_showing_a_figure_nobody_makes(build_page, tmp_path,
                                                             caplog):
    with pytest.raises(Abort):
        build_page(tmp_path, """\
            # Title

            Some text.
            ![a figure](figures/ch01/s07_nope.svg)
            """)
    assert ("docs/index.md:4: figure 'figures/ch01/s07_nope.svg' is made "
            "by no snippet") in caplog.text


def test_build_injects_values_and_publishes_figures(build_page, tmp_path):
    site = build_page(tmp_path, """\
        # Title

        Loss: {{ ch01/s07_quadratic_tape.final_loss:.4f }}.

        ![fit](figures/ch01/s07_plot_tape_fit.svg)
        """)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Loss: 0.628" in html
    assert (site / "figures" / "ch01" / "s07_plot_tape_fit.svg").stat(
    ).st_size > 1000


def test_a_raising_snippet_fails_the_build_run_with_file_and_line(
        monkeypatch, tmp_path):
    """Through the same child process the build uses."""
    chapter = SNIPPETS / "ch99"
    chapter.mkdir()
    try:
        (chapter / "__init__.py").write_text('"""Test only."""\n')
        path = chapter / "s01_boom.py"
        path.write_text(textwrap.dedent('''\
            """Raise on purpose.

            Section: 99-1 Test
            """


            def main(out_dir=None):
                return 1 / 0


            if __name__ == "__main__":
                main()
            '''))
        monkeypatch.setattr(figures, "RUNS", tmp_path)
        with pytest.raises(figures.SnippetError,
                           match=r"snippets/ch99/s01_boom\.py:8: "
                                 r"ZeroDivisionError: division by zero"):
            figures.ensure_runs([figures.parse_header(path)])
    finally:
        shutil.rmtree(chapter)


def test_colab_link_only_for_a_github_repo_url():
    from scripts import mkdocs_hooks

    uri = "practice/ch01/s07_quadratic_tape/s07_quadratic_tape.ipynb"
    assert mkdocs_hooks._colab_url({"repo_url": None}, uri) is None
    assert mkdocs_hooks._colab_url(
        {"repo_url": "https://github.com/org/book/"}, uri) == (
        "https://colab.research.google.com/github/org/book/blob/gh-pages/"
        + uri)
