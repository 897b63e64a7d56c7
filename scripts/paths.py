"""Where the project's parts live, relative to the repository root."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
CACHE = Path(os.environ.get("BOOK_CACHE_DIR", ROOT / ".cache" / "book"))
REQUIREMENTS = ROOT / "requirements.txt"


def rel(path: Path) -> str:
    """Path relative to the repository root, for messages."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
