"""Every snippet runs, makes the figures its header names, and follows
the house conventions (header, main(out_dir), __main__ guard)."""

import ast
import re
import xml.etree.ElementTree as ET

import pytest

from scripts import figures

SNIPPETS = figures.discover()

IDS = [s.id for s in SNIPPETS]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=IDS)
def test_snippet_runs_and_makes_its_figures(snippet, snippet_result):
    snippet_result(snippet.id)
    for name in snippet.figures:
        path = snippet.run_dir / name
        root = ET.parse(path).getroot()
        assert root.tag.endswith("svg"), f"{path} is not an SVG"
        assert len(list(root.iter())) > 50, f"{path} looks empty"
    assert (snippet.run_dir / "results.json").exists()


@pytest.mark.parametrize("snippet", SNIPPETS, ids=IDS)
def test_snippet_header(snippet):
    where = figures.rel(snippet.path)
    assert re.fullmatch(r"(\d+|II)-\d+ \S.*", snippet.fields.get("Section", "")), (
        f"{where}: header needs 'Section: <N-M> <title>'")
    section = snippet.fields["Section"].split()[0].split("-")[1]
    assert snippet.path.stem.startswith(f"s{int(section):02d}_"), (
        f"{where}: file name must start with s{int(section):02d}_")
    is_plot = "plot" in snippet.path.stem
    assert is_plot == bool(snippet.figures), (
        f"{where}: a snippet draws figures if and only if 'plot' is in its "
        "name and its header has 'Figure:'")
    prefix = snippet.path.stem.split("_")[0] + "_"
    for name in snippet.figures:
        assert name.startswith(prefix) and name.endswith(".svg"), (
            f"{where}: figure {name} must be named {prefix}….svg")
    if snippet.practice:
        assert snippet.practice.endswith(".py"), where


@pytest.mark.parametrize("snippet", SNIPPETS, ids=IDS)
def test_snippet_is_a_program(snippet):
    source = snippet.path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    where = figures.rel(snippet.path)
    mains = [n for n in tree.body
             if isinstance(n, ast.FunctionDef) and n.name == "main"]
    assert mains, f"{where}: no main()"
    args = [a.arg for a in mains[0].args.args]
    assert args[:1] == ["out_dir"] and mains[0].args.defaults, (
        f"{where}: main(out_dir=None) is the entry point the build calls")
    assert source.rstrip().endswith('if __name__ == "__main__":\n    main()'), (
        f"{where}: must end with the __main__ guard calling main()")
    for lineno, line in enumerate(source.splitlines(), start=1):
        assert len(line) <= 79, f"{where}:{lineno}: line over 79 characters"
