"""The built site as a whole: its pages, a local server, its links.

Pages are discovered from the built site itself (every ``.html`` file
outside ``assets/``), so pages added later are checked without anyone
listing them. Used by tests/site/test_links.py, tests/site/test_browser.py
and ``python -m scripts.links``.
"""

import functools
import http.server
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Internal links are resolved against this stand-in origin.
LOCAL = "http://book.local/"
SKIPPED_SCHEMES = ("mailto:", "javascript:", "data:", "tel:", "blob:")
# Attributes that load something into the page (must be served locally)
# or lead somewhere (may point to other sites).
RESOURCE_ATTRS = {("img", "src"), ("script", "src"), ("source", "src"),
                  ("iframe", "src"), ("video", "src"), ("audio", "src")}
LINK_ATTRS = {("a", "href"), ("link", "href")}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload"}


def html_pages(site_dir: Path) -> list[str]:
    """Every built page, as a path relative to the site root."""
    site_dir = Path(site_dir)
    return sorted(p.relative_to(site_dir).as_posix()
                  for p in site_dir.rglob("*.html")
                  if p.relative_to(site_dir).parts[0] != "assets")


def page_url(page: str) -> str:
    """URL path of a built page: 'a/index.html' -> 'a/'."""
    return page[:-len("index.html")] if page.endswith("index.html") else page


@contextmanager
def serve(site_dir: Path):
    """Serve the site on 127.0.0.1 at a free port; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Ref:
    """One href/src in a page; `loads` when the browser fetches it with
    the page (images, scripts, stylesheets, icons)."""

    tag: str
    attr: str
    value: str
    line: int
    loads: bool


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[Ref] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attr in ("href", "src"):
            if (tag, attr) in RESOURCE_ATTRS | LINK_ATTRS and attrs.get(attr):
                rel = set((attrs.get("rel") or "").split())
                loads = ((tag, attr) in RESOURCE_ATTRS
                         or bool(LOADING_RELS & rel))
                self.refs.append(Ref(tag, attr, attrs[attr].strip(),
                                     self.getpos()[0], loads))


def _parse(path: Path) -> _Parser:
    return _parse_version(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=None)
def _parse_version(path: Path, mtime_ns: int) -> _Parser:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def site_url(site_dir: Path) -> str | None:
    """The site_url the site was built with (its home page's canonical)."""
    text = (Path(site_dir) / "index.html").read_text(encoding="utf-8")
    marker = '<link rel="canonical" href="'
    if marker not in text:
        return None
    return text.split(marker, 1)[1].split('"', 1)[0]


def _internal(url: str, base: str | None) -> str | None:
    """Site-relative path of an absolute URL, or None if it is external."""
    for root in filter(None, (LOCAL, base)):
        if url.startswith(root):
            path = url[len(root):]
            # Root-relative links (404.html) carry site_url's path.
            prefix = urlsplit(base or LOCAL).path.lstrip("/")
            if root == LOCAL and prefix and path.startswith(prefix):
                path = path[len(prefix):]
            return path
    return None


def _target_file(site_dir: Path, path: str) -> Path:
    path = unquote(path)
    target = site_dir / path
    if path in ("", ".") or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_links(site_dir: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Return (problems, external links -> pages that use them).

    A problem is an internal link, anchor or resource that does not
    resolve, or a resource (image, script, stylesheet) loaded from
    another host. Each names the page, its line and the reference.
    """
    site_dir = Path(site_dir)
    base = site_url(site_dir)
    problems: list[str] = []
    external: dict[str, set[str]] = {}
    for page in html_pages(site_dir):
        here = urljoin(LOCAL, page_url(page))
        for ref in _parse(site_dir / page).refs:
            where = (f"{page}:{ref.line}: "
                     f"<{ref.tag} {ref.attr}=\"{ref.value}\">")
            if not ref.value or ref.value.startswith(SKIPPED_SCHEMES):
                continue
            url = urljoin(here, ref.value)
            path = _internal(url, base)
            if path is None:
                if ref.loads:
                    problems.append(f"{where}: loads from another host")
                elif urlsplit(url).scheme in ("http", "https"):
                    external.setdefault(url, set()).add(page)
                continue
            parts = urlsplit(path)
            target = _target_file(site_dir, parts.path)
            if not target.is_file():
                problems.append(f"{where}: "
                                f"{target.relative_to(site_dir)} not found")
            elif parts.fragment and target.suffix == ".html":
                anchor = unquote(parts.fragment)
                if anchor not in _parse(target).ids:
                    problems.append(f"{where}: no id '{anchor}' in "
                                    f"{target.relative_to(site_dir)}")
    return problems, external
