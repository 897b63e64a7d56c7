"""The runner calls main(), saves the figures it leaves open under the
header's names, records the cold run time, and names file:line when a
snippet fails."""

import json
import textwrap
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from scripts import paths, runner
from scripts.snippet import Snippet, SnippetError, discover, parse
from scripts.paths import SNIPPETS

SNIPPETS_FOUND = discover()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    return tmp_path / "cache"


def fake(figures: str = "") -> Snippet:
    """A snippet record for a real file (its key needs a real source)."""
    return Snippet(SNIPPETS / "ch01" / "s07_quadratic_tape.py", "x",
                   {"Figure": figures} if figures else {})


def with_main(monkeypatch, main):
    monkeypatch.setattr(runner, "load_module",
                        lambda snippet: types.SimpleNamespace(main=main))


def test_snippet_error_points_at_the_raising_line():
    boom = Snippet(SNIPPETS / "ch99" / "s01_boom.py", "boom", {})
    code = compile("x = 1\n\nraise ValueError('bad')\n", str(boom.path),
                   "exec")
    with pytest.raises(ValueError) as info:
        exec(code, {})
    assert runner.error_location(info.value, boom) == (
        "snippets/ch99/s01_boom.py:3")


def test_the_runner_saves_the_figures_main_leaves_open(monkeypatch,
                                                       cache_dir):
    """main() draws with plain Matplotlib; the runner names and saves
    the open figures in the header's order, and records the run."""

    def main():
        for title in ("first", "second"):
            plt.figure()
            plt.title(title)
        plt.show()
        return {"n": 2, "loss": 0.5, "name": "fit", "skipped": [1, 2]}

    with_main(monkeypatch, main)
    snippet = fake("s07_a.svg, s07_b.svg")
    assert runner.run_in_process(snippet)["n"] == 2
    entry = runner.entry(snippet)
    assert entry.dir.is_relative_to(cache_dir / "runs" / snippet.id)
    assert "first" in (entry.dir / "s07_a.svg").read_text()
    assert "second" in (entry.dir / "s07_b.svg").read_text()
    assert not plt.get_fignums()
    assert json.loads((entry.dir / "results.json").read_text()) == {
        "n": 2, "loss": 0.5, "name": "fit"}
    assert entry.meta["seconds"] >= 0 and entry.meta["chapter"] == "ch01"
    assert runner.results(snippet) == {"n": 2, "loss": 0.5, "name": "fit"}


def test_files_main_writes_under_a_header_name_are_kept(monkeypatch,
                                                        cache_dir):
    def main():
        Path("s07_diagram.svg").write_text("<svg/>")  # in its working dir
        plt.figure()

    with_main(monkeypatch, main)
    both = fake("s07_diagram.svg, s07_drawn.svg")
    runner.run_in_process(both)
    folder = runner.entry(both).dir
    assert (folder / "s07_diagram.svg").read_text() == "<svg/>"
    assert (folder / "s07_drawn.svg").stat().st_size > 1000


def test_a_figure_count_mismatch_fails_and_caches_nothing(monkeypatch,
                                                          cache_dir):
    with_main(monkeypatch, lambda: [plt.figure(), plt.figure()])
    one = fake("s07_a.svg")
    with pytest.raises(SnippetError,
                       match=r"snippets/ch01/s07_quadratic_tape\.py:1: "
                             r"header names 1 figure\(s\) to draw but "
                             r"main\(\) drew 2"):
        runner.run_in_process(one)
    assert not runner.entry(one).exists() and not plt.get_fignums()


def test_a_snippet_that_forgets_a_declared_figure_fails(monkeypatch,
                                                        cache_dir):
    with_main(monkeypatch, lambda: None)
    with pytest.raises(SnippetError,
                       match=r"s07_quadratic_tape\.py:1: header names "
                             r"figure\(s\) s07_missing\.svg"):
        runner.run_in_process(fake("s07_missing.svg"))


def test_a_raising_snippet_fails_the_child_run_with_file_and_line(
        tmp_path, cache_dir):
    """Through the same child process the generation step uses, on a
    fixture snippet outside the book."""
    path = tmp_path / "ch99" / "s01_boom.py"
    path.parent.mkdir()
    path.write_text(textwrap.dedent('''\
        """Raise on purpose.

        Section: 99-1 Test
        """


        def main():
            return 1 / 0


        if __name__ == "__main__":
            main()
        '''))
    snippet = parse(path, tmp_path)
    with pytest.raises(SnippetError,
                       match=r"ch99/s01_boom\.py:8: "
                             r"ZeroDivisionError: division by zero"):
        runner.ensure_runs([snippet])
    assert not runner.entry(snippet).exists()


def test_the_child_run_fills_the_cache_and_skips_fresh_entries(
        tmp_path, cache_dir):
    path = tmp_path / "ch99" / "s01_line.py"
    path.parent.mkdir()
    path.write_text(textwrap.dedent('''\
        """Draw a line.

        Section: 99-1 Test
        Figure: s01_line.svg
        """
        import matplotlib.pyplot as plt


        def main():
            plt.plot([0, 1], [0, 1])
            plt.show()
            return {"slope": 1.0}


        if __name__ == "__main__":
            main()
        '''))
    snippet = parse(path, tmp_path)
    assert runner.ensure_runs([snippet]) == [snippet.id]
    assert runner.results(snippet) == {"slope": 1.0}
    assert runner.entry(snippet).meta["seconds"] > 0
    assert runner.ensure_runs([snippet]) == [], "a fresh entry is reused"


@pytest.mark.parametrize("snippet", SNIPPETS_FOUND,
                         ids=[s.id for s in SNIPPETS_FOUND])
def test_every_book_snippet_runs_and_makes_its_figures(snippet, run_snippet):
    run = run_snippet(snippet.id)
    assert len(run.figures) == len(snippet.figures)
    for path in run.figures:
        root = ET.parse(path).getroot()
        assert root.tag.endswith("svg"), f"{path} is not an SVG"
        assert len(list(root.iter())) > 50, f"{path} looks empty"
    assert runner.entry(snippet).meta["seconds"] >= 0, "time recorded"
