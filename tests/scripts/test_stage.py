"""Staging turns the generated book into plain files any generator can
build; Zensical (which runs no hooks) builds the book from them."""

import posixpath
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from scripts import postbuild, stage

ZENSICAL = Path(sys.executable).with_name("zensical")


def test_a_notebook_becomes_a_markdown_page():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Some *prose*."),
        nbformat.v4.new_code_cell("print(2)", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="2\n"),
            nbformat.v4.new_output("display_data",
                                   data={"image/png": "iVBORw0K\n"})])])
    text = stage.notebook_markdown(nb, "Practice file 1-1.x.py")
    assert text.startswith("# Practice file 1-1.x.py\n\nSome *prose*.")
    assert "```python\nprint(2)\n```\n\n```text\n2\n```" in text
    assert "![figure](data:image/png;base64,iVBORw0K)" in text


@pytest.fixture(scope="module")
def staged(generated, tmp_path_factory):
    out = tmp_path_factory.mktemp("staged")
    return stage.stage(out).parent


def test_staged_docs_hold_what_generation_made(staged):
    docs = staged / "docs"
    page = (docs / "ch01-tensorflow" / "07-quadratic-tape.md").read_text()
    assert "{{" not in page and "0.6283" in page
    assert "(07-quadratic-tape/07-quadratic-tape.ipynb){download}" in page
    assert (docs / "ch01-tensorflow" / "07-quadratic-tape" /
            "07-quadratic-tape.py").exists()
    assert (docs / "figures" / "ch01" / "s07_quadratic_tape_fit.svg").exists()
    practice = (docs / "practice" / "ch01" / "s07_quadratic_tape.md")
    assert "```text\n" in practice.read_text(), "printed output kept"
    config = (staged / "mkdocs.yml").read_text()
    assert "practice/ch01/s07_quadratic_tape.md" in config
    assert ".ipynb" not in config.split("nav:")[1]


@pytest.mark.skipif(not ZENSICAL.exists(), reason="Zensical is not "
                    "installed in this environment (pip install -r "
                    "requirements.txt pins it)")
def test_zensical_builds_the_staged_book(staged):
    done = subprocess.run([str(ZENSICAL), "build", "-f",
                           str(staged / "mkdocs.yml")], cwd=staged,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    site = staged / "site"
    quadratic = (site / "ch01-tensorflow" / "07-quadratic-tape" /
                 "index.html").read_text(encoding="utf-8")
    assert "{{" not in quadratic and "0.6283" in quadratic
    downloads = re.findall(r'<a download href="([^"]+)"', quadratic)
    assert len(downloads) == 2, "the banner links the .ipynb and the .py"
    for href in downloads:
        target = posixpath.normpath(posixpath.join(
            "ch01-tensorflow/07-quadratic-tape", href))
        assert (site / target).is_file(), f"{href} leads nowhere"
    assert (site / "figures" / "ch01" / "s07_quadratic_tape_fit.svg").exists()
    report = postbuild.finish(site)  # the math, as after a MkDocs build
    assert report.formulas > 100 and not report.errors
    optimizers = (site / "ch01-tensorflow" / "09-optimizers" /
                  "index.html").read_text(encoding="utf-8")
    assert "<mjx-container" in optimizers
    assert (site / "practice" / "ch01" / "s07_quadratic_tape" /
            "index.html").exists()
    assert (site / "ch01-tensorflow" / "07-quadratic-tape" /
            "07-quadratic-tape.ipynb").exists()
