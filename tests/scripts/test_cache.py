"""One rule says when a cached result is stale, for every kind of entry;
entries appear whole or not at all."""

import json
import subprocess
import sys
from importlib import metadata

import pytest

from scripts import cache, paths
from scripts.paths import ROOT


@pytest.fixture
def book(tmp_path, monkeypatch):
    """A tiny book: a snippet importing a helper module, in a fake root."""
    pkg = tmp_path / "snippets"
    (pkg / "common").mkdir(parents=True)
    (pkg / "ch01").mkdir()
    for init in (pkg, pkg / "common", pkg / "ch01"):
        (init / "__init__.py").write_text("")
    (pkg / "common" / "data.py").write_text("def table():\n    return 1\n")
    (pkg / "common" / "unused.py").write_text("X = 1\n")
    snippet = pkg / "ch01" / "s01_x.py"
    snippet.write_text("from snippets.common.data import table\n")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("numpy==1\n")
    monkeypatch.setattr(cache, "ROOT", tmp_path)
    monkeypatch.setattr(cache, "REQUIREMENTS", requirements)
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    return tmp_path


def test_the_key_covers_sources_imports_requirements_and_versions(
        book, monkeypatch):
    snippet = book / "snippets" / "ch01" / "s01_x.py"
    assert cache.book_imports(snippet) == {
        book / "snippets" / "__init__.py",
        book / "snippets" / "common" / "__init__.py",
        book / "snippets" / "common" / "data.py"}
    before = cache.key("runs", [snippet])
    assert cache.key("runs", [snippet]) == before
    assert cache.key("pages", [snippet]) != before       # kind
    (book / "snippets" / "common" / "unused.py").write_text("X = 2\n")
    assert cache.key("runs", [snippet]) == before        # not imported
    steps = [
        lambda: snippet.write_text(snippet.read_text() + "# edit\n"),
        lambda: (book / "snippets" / "common" / "data.py").write_text(
            "def table():\n    return 2\n"),
        lambda: (book / "requirements.txt").write_text("numpy==2\n"),
        lambda: monkeypatch.setattr(cache, "package_versions", lambda: (
            ("tensorflow", "9.9"),)),
        lambda: monkeypatch.setattr(cache, "FORMAT_VERSION", "next"),
    ]
    keys = [before]
    for step in steps:
        step()
        keys.append(cache.key("runs", [snippet]))
    assert len(set(keys)) == len(keys), "every change makes a new key"


def test_versions_come_from_package_metadata_without_importing():
    code = ("import json, sys; from scripts import cache; "
            "v = dict(cache.package_versions()); "
            "print(json.dumps([v, [m for m in cache.PACKAGES "
            "if m in sys.modules]]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True, check=True)
    versions, imported = json.loads(done.stdout)
    assert versions == {name: metadata.version(name)
                        for name in cache.PACKAGES}
    assert imported == [], "reading the versions imported a package"


def test_an_entry_is_written_whole_and_replaces_older_keys(book):
    old = cache.Entry("runs", "ch01/s01_x", "aaaa")
    with old.write(seconds=1.5) as (folder, meta):
        (folder / "results.json").write_text("{}")
    assert old.exists() and old.meta["seconds"] == 1.5
    new = cache.Entry("runs", "ch01/s01_x", "bbbb")
    with pytest.raises(ZeroDivisionError):
        with new.write() as (folder, meta):
            (folder / "half.txt").write_text("half")
            1 / 0
    assert not new.exists() and not new.dir.exists()
    assert old.exists(), "a failed write leaves the old entry alone"
    assert [p.name for p in old.dir.parent.iterdir()] == ["aaaa"]
    with new.write() as (folder, meta):
        meta["seconds"] = 2.0
    assert new.meta == {"kind": "runs", "id": "ch01/s01_x", "key": "bbbb",
                        "seconds": 2.0}
    assert not old.dir.exists(), "the stale entry is removed"


def test_a_missing_entry_says_to_run_make_generate(book):
    entry = cache.Entry("runs", "ch01/s01_x", "cccc")
    with pytest.raises(cache.NotGenerated,
                       match=r"docs/p\.md:3: the run of x has not been "
                             r"generated .*run `make generate`"):
        entry.require("the run of x", "docs/p.md:3")


def test_requirements_is_the_projects_pin_list():
    assert cache.REQUIREMENTS == ROOT / "requirements.txt"
