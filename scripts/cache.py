"""One cache, one rule for when a cached result is stale.

Everything the generation step makes (snippet runs, practice notebooks,
page notebooks) is an *entry*: a folder ``CACHE/<kind>/<id>/<key>/``.
The key is a hash of

* ``FORMAT_VERSION`` (bump it when the runner or a notebook format
  changes what an entry holds);
* the entry's kind (``runs``, ``practice``, ``pages``);
* the source files it was made from, and every book module they import
  (``snippets.*``, ``scripts.*``), recursively;
* ``requirements.txt``;
* the installed versions of tensorflow, keras, numpy and matplotlib,
  read from the package metadata (nothing is imported).

An entry is written into a temporary sibling folder and renamed into
place once complete, so a crash never leaves half an entry; older keys
of the same id are removed then. ``entry.json`` marks a complete entry
and holds its metadata (the cold run time, among others).
"""

import ast
import functools
import hashlib
import json
import os
import shutil
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from scripts import paths
from scripts.paths import REQUIREMENTS, ROOT, rel

FORMAT_VERSION = "2"
PACKAGES = ("tensorflow", "keras", "numpy", "matplotlib")
BOOK_PACKAGES = ("snippets", "scripts")
MARKER = "entry.json"


@functools.cache
def package_versions() -> tuple[tuple[str, str], ...]:
    """(name, version) of the packages whose behaviour results depend on."""
    found = []
    for name in PACKAGES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "absent"))
    return tuple(found)


def _module_file(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def book_imports(path: Path, seen: set[Path] | None = None) -> set[Path]:
    """Files of the book's packages that `path` imports, recursively."""
    seen = set() if seen is None else seen
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module \
                and not node.level:
            names = [node.module] + [
                f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] not in BOOK_PACKAGES:
                continue
            for i in range(1, len(parts) + 1):
                found = _module_file(".".join(parts[:i]))
                if found and found not in seen:
                    seen.add(found)
                    book_imports(found, seen)
    return seen


def key(kind: str, sources, extra: str = "") -> str:
    """The cache key of an entry made from `sources` (see module doc)."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\0{kind}\0{extra}".encode())
    files = {Path(p).resolve() for p in sources}
    for source in list(files):
        if source.suffix == ".py":
            files |= book_imports(source)
    files.add(REQUIREMENTS)
    for path in sorted(files):
        digest.update(rel(path).encode() + b"\0" + path.read_bytes())
    for name, version in package_versions():
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()[:16]


class Entry:
    """One cached result: ``CACHE/<kind>/<id>/<key>/``."""

    def __init__(self, kind: str, entry_id: str, entry_key: str):
        self.kind, self.id, self.key = kind, entry_id, entry_key

    @property
    def dir(self) -> Path:
        # paths.CACHE is read on each use: tests point it elsewhere.
        return paths.CACHE / self.kind / self.id / self.key

    def exists(self) -> bool:
        return (self.dir / MARKER).exists()

    def drop(self) -> None:
        """Forget the entry (the next generation step remakes it)."""
        shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def meta(self) -> dict:
        return json.loads((self.dir / MARKER).read_text(encoding="utf-8"))

    @contextmanager
    def write(self, **meta):
        """Yield an empty folder to fill; on success it becomes the entry.

        Keys set on the yielded dict-like ``meta`` (e.g. ``seconds``) go
        into ``entry.json``. On an exception nothing is kept.
        """
        final = self.dir
        work = final.with_name(f".{final.name}.tmp-{os.getpid()}")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        record = dict(meta)
        try:
            yield work, record
            (work / MARKER).write_text(
                json.dumps({"kind": self.kind, "id": self.id,
                            "key": self.key, **record},
                           indent=1, sort_keys=True), encoding="utf-8")
            shutil.rmtree(final, ignore_errors=True)
            work.rename(final)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        for old in final.parent.iterdir():
            if old != final and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)

    def require(self, what: str, where: str = "") -> Path:
        """The entry's folder; NotGenerated, saying to run the generation
        step, when it is missing (`where` starts the message)."""
        if not self.exists():
            raise NotGenerated(
                f"{where + ': ' if where else ''}{what} has not been "
                "generated (or its sources changed since): run `make "
                "generate` (python -m scripts.generate) first")
        return self.dir


class NotGenerated(RuntimeError):
    """An entry the site needs is missing or stale."""
