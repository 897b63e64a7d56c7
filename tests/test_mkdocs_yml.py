"""mkdocs.yml: a strict build fails on every warning, an omitted page
included, and the nav reaches every page of the book."""

import re
import subprocess
import sys

import pytest
import yaml
from mkdocs.exceptions import Abort

from scripts.paths import DOCS, ROOT

STRICT_BUILDERS = ["Makefile", "tests/conftest.py", "scripts/measure.py",
                   ".ci/run", ".github/workflows/pages.yml"]


def _nav_pages(entries) -> list[str]:
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) \
            else entry
        if isinstance(value, list):
            pages += _nav_pages(value)
        else:
            pages.append(value)
    return pages


def _config() -> dict:
    # The book's config uses !ENV tags; a loader that ignores them is
    # enough to read the nav and the validation settings.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)


def test_validation_turns_omissions_and_broken_links_into_warnings():
    assert _config()["validation"] == {
        "omitted_files": "warn", "absolute_links": "warn",
        "unrecognized_links": "warn", "anchors": "warn"}


def test_the_nav_reaches_every_page():
    nav = set(_nav_pages(_config()["nav"]))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages - nav == set(), "pages missing from the nav"
    assert {p for p in nav if p.startswith("part2/")}, "Part II in the nav"
    assert "about/zensical.md" in nav


def test_a_page_left_out_of_the_nav_fails_the_strict_build(
        build_page, tmp_path, caplog):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "orphan.md").write_text("# Orphan\n")
    with pytest.raises(Abort):
        build_page(tmp_path, "# Home\n")
    assert re.search(r"not included in the \"nav\".*\n\s+- orphan\.md",
                     caplog.text), caplog.text


def test_a_broken_link_fails_the_strict_build(build_page, tmp_path, caplog):
    with pytest.raises(Abort):
        build_page(tmp_path, "# Home\n\nSee [the next page](missing.md).\n")
    assert "missing.md" in caplog.text


def test_quiet_does_not_hide_warnings_from_strict_mode(tmp_path):
    """`--quiet` raises the log level above WARNING, so strict mode sees
    no warning at all; no strict build of the book may pass it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("[x](missing.md)\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    loud = subprocess.run(cmd, cwd=tmp_path, capture_output=True)
    quiet = subprocess.run(cmd + ["--quiet"], cwd=tmp_path,
                           capture_output=True)
    assert loud.returncode != 0 and quiet.returncode == 0
    for name in STRICT_BUILDERS:
        text = (ROOT / name).read_text(encoding="utf-8")
        if name.endswith(".py"):  # builds spelt as argument lists
            assert '"--quiet"' not in text, name
        for line in text.splitlines():
            if "mkdocs" in line and "build" in line:
                assert not re.search(r"--quiet|\s-q\b", line), (
                    f"{name}: {line.strip()}")
