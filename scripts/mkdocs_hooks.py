"""MkDocs hooks: publish what the generation step made, nothing more.

Generation (``make generate``, ``python -m scripts.generate``) runs the
snippets and executes the notebooks before any site generator; this hook
only reads its cache. When something a page needs was not generated (or
its sources changed since), the build stops with a PluginError naming
``docs/<page>.md:<line>`` (or ``mkdocs.yml:<line>`` for a practice page)
and saying to run ``make generate``.

* on_config: Node and the post-build packages must be installed
  (``npm ci``); offline build mode (scripts/offline.py).
* on_pre_build: discover the snippets (a broken header stops the build).
* on_files: publish figures, practice notebooks (before mkdocs-jupyter
  turns them into pages: its ``include`` is ``practice/*/*.ipynb``) and
  the pages' .ipynb and .py downloads (plain files beside each page).
* on_page_markdown: inject result values, check figure references, check
  that a page with code has its downloads.
* on_page_content: the download banner (and "Open in Colab"); code
  and notebook outputs kept out of the search index (math stays, as
  TeX); a table with an empty corner gets row headers.
* on_post_build: finish the site (scripts/postbuild.py: math drawn as
  SVG, lean notebook CSS, minified figures; a TeX error is a warning, so
  it fails --strict) and, offline, copy the search shim.
"""

import logging
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from scripts import (notebooks, offline, pagebook, pages, postbuild,
                     runner)
from scripts.cache import NotGenerated
from scripts.paths import CACHE, ROOT
from scripts.snippet import SnippetError, discover, find

_state = {"snippets": [], "practice": {}, "downloads": {}}
log = logging.getLogger("mkdocs.hooks.book")
GENERATE = "run `make generate` (python -m scripts.generate) first"


def on_config(config):
    try:
        postbuild.check_installed()
        offline.configure(config)
    except (postbuild.PostbuildError, FileNotFoundError) as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_pre_build(config):
    try:
        _state["snippets"] = discover()
    except SnippetError as exc:
        raise PluginError(str(exc)) from exc


def _published(config, generated: dict[str, Path]) -> list[File]:
    """Stage generated files under CACHE/published as ordinary files.

    Ordinary files (not ``File.generated``) because mkdocs-jupyter's
    wrapper cannot read a generated file's source path.
    """
    root = CACHE / "published"
    out = []
    for src_uri, source in generated.items():
        staged = root / src_uri
        if not staged.exists() or staged.read_bytes() != source.read_bytes():
            staged.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staged)
        out.append(File(src_uri, str(root), config["site_dir"],
                        config["use_directory_urls"]))
    return out


def _nav_uris(nav) -> list[str]:
    """Every file the nav names, at any depth."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [u for value in nav.values() for u in _nav_uris(value)]
    return [u for item in nav for u in _nav_uris(item)]


def _nav_line(uri: str) -> str:
    """``mkdocs.yml:<line>`` where the nav names `uri`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    offset = text.find(uri)
    return f"mkdocs.yml:{text.count(chr(10), 0, max(offset, 0)) + 1}"


@event_priority(100)  # before mkdocs-jupyter turns .ipynb into pages
def on_files(files, config):
    generated = {}
    for snippet in _state["snippets"]:
        entry = runner.entry(snippet)
        if entry.exists():
            for name in snippet.figures:
                generated[f"figures/{snippet.chapter}/{name}"] = (
                    entry.dir / name)
    _state["practice"] = {}
    in_nav = set(_nav_uris(config["nav"] or []))
    for snippet in [s for s in _state["snippets"] if s.practice]:
        folder = f"practice/{snippet.chapter}"
        uri = f"{folder}/{snippet.path.stem}.ipynb"
        if uri not in in_nav:  # e.g. a one-page test build
            continue
        if not notebooks.practice_entry(snippet).exists():
            raise PluginError(f"{_nav_line(uri)}: the practice notebook "
                              f"{uri} has not been generated: {GENERATE}")
        ipynb, script = notebooks.practice_outputs(snippet)
        generated[uri] = ipynb
        generated[f"{folder}/{snippet.path.stem}/{script.name}"] = script
        _state["practice"][uri] = (ipynb.name, script.name)
    _state["downloads"] = {}
    docs = Path(config["docs_dir"])
    for page in pagebook.pages_with_code(docs):
        if page.entry().exists():
            folder = page.src_uri.removesuffix(".md")
            ipynb, script = page.outputs()
            for path in (ipynb, script):
                generated[f"{folder}/{path.name}"] = path
            _state["downloads"][page.src_uri] = (
                f"{folder}/{ipynb.name}", f"{folder}/{script.name}")
        else:
            _state["downloads"][page.src_uri] = None
    for file in _published(config, generated):
        files.append(file)
    return files


def _results_of(snippet_id: str) -> dict:
    return runner.results(find(snippet_id))


def _first_code_line(markdown: str) -> int:
    lines = markdown.splitlines()
    for fence in pagebook._fences(lines):
        if pagebook.is_runnable(fence):
            return fence.start + 1
    return 1


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src in _state["downloads"] and _state["downloads"][src] is None:
        raise PluginError(
            f"docs/{src}:{_first_code_line(markdown)}: this page's "
            f"notebook and script downloads have not been generated: "
            f"{GENERATE}")
    try:
        published = {f.src_uri for f in files
                     if f.src_uri.startswith("figures/")}
        pages.check_figures(markdown, src, published, _declared_figures())
        return pages.inject_values(markdown, src, _results_of)
    except (pages.PageError, SnippetError, NotGenerated) as exc:
        raise PluginError(str(exc)) from exc


def _declared_figures() -> dict[str, str]:
    """figures/<chapter>/<name> -> the snippet whose header names it."""
    return {f"figures/{s.chapter}/{name}": s.id
            for s in _state["snippets"] for name in s.figures}


def _colab_url(config, ipynb_uri: str) -> str | None:
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)/?$",
                     config.get("repo_url") or "")
    if not match:
        return None
    return (f"https://colab.research.google.com/github/{match[1]}"
            f"/blob/gh-pages/{ipynb_uri}")


def _banner(config, page, label: str, ipynb_uri: str, script_uri: str):
    links = [
        f'<a href="{get_relative_url(ipynb_uri, page.url)}" download>'
        "notebook (.ipynb)</a>",
        f'<a href="{get_relative_url(script_uri, page.url)}" download>'
        "script (.py)</a>",
    ]
    colab = _colab_url(config, ipynb_uri)
    if colab:
        links.append(f'<a href="{colab}">Open in Colab</a>')
    return f'<p class="book-downloads">{label}: ' + " · ".join(links) + "</p>"


def on_page_content(html, page, config, files):
    html = pages.row_headers(pages.exclude_from_search(html))
    src = page.file.src_uri
    if src in _state["practice"]:
        ipynb, script = _state["practice"][src]
        folder = posixpath.dirname(page.file.dest_uri)
        stem = posixpath.splitext(ipynb)[0]
        banner = _banner(config, page, "Download this practice file",
                         posixpath.join(folder, ipynb),
                         f"{posixpath.dirname(src)}/{stem}/{script}")
        return banner + pages.strip_notebook_scripts(html)
    downloads = _state["downloads"].get(src)
    if downloads:
        banner = _banner(config, page, "Run this page's code", *downloads)
        head, sep, rest = html.partition("</h1>")
        return head + sep + banner + rest if sep else banner + html
    return html


def on_post_build(config):
    try:
        report = postbuild.finish(Path(config["site_dir"]))
    except postbuild.PostbuildError as exc:
        raise PluginError(str(exc)) from exc
    log.info("postbuild: %s", postbuild.summary(report))
    for problem in report.problems():
        log.warning(problem)
    offline.copy_into(config)
