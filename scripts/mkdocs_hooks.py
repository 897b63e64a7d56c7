"""MkDocs hooks: the thin glue between the build and ``scripts/``.

* on_config: Node and the post-build packages must be installed
  (``npm ci``).
* on_pre_build: run stale snippets (figures, result values) and execute
  stale practice notebooks; everything is cached by content hash.
* on_files: publish figures, notebooks and .py downloads as generated
  files (before mkdocs-jupyter wraps the notebooks).
* on_page_markdown: inject result values, check figure references.
* on_page_content: download and Colab links on practice-notebook pages.
* on_post_build: finish the site (scripts/postbuild.py: math drawn as
  SVG, lean notebook CSS, minified figures; a TeX error is a warning,
  so it fails --strict) and, offline, copy the search shim.
* on_config also prepares the offline build mode (scripts/offline.py).

Set ``BOOK_SKIP_RUNS=1`` to build without running anything (to measure
what figure generation costs); pages then show "…" for injected values.
"""

import logging
import os
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from scripts import figures, notebooks, offline, pages, postbuild
from scripts.paths import CACHE

SKIP_RUNS = os.environ.get("BOOK_SKIP_RUNS") == "1"
log = logging.getLogger("mkdocs.hooks.book")
_state = {"snippets": [], "practice": {}}


def on_config(config):
    if SKIP_RUNS:
        # No notebooks in this build: keep mkdocs-jupyter from evicting
        # the cached HTML of the notebooks the next full build reuses.
        config["plugins"]["mkdocs-jupyter"].config["cache"] = False
    try:
        postbuild.check_installed()
        offline.configure(config)
    except (postbuild.PostbuildError, FileNotFoundError) as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_pre_build(config):
    try:
        snippets = figures.discover()
        _state["snippets"] = snippets
        _state["practice"] = {}
        if SKIP_RUNS:
            return
        figures.ensure_runs(snippets)
        for snippet in snippets:
            if snippet.practice:
                _state["practice"][snippet.id] = (
                    snippet, *notebooks.ensure_notebook(snippet))
    except figures.SnippetError as exc:
        raise PluginError(str(exc)) from exc


def _published(config, generated: dict[str, Path]) -> list[File]:
    """Stage generated files under CACHE/published as ordinary files.

    Ordinary files (not ``File.generated``) because mkdocs-jupyter's
    wrapper cannot read a generated file's source path.
    """
    root = CACHE / "published"
    for old in [p for p in root.rglob("*") if p.is_file()]:
        if old.relative_to(root).as_posix() not in generated:
            old.unlink()
    out = []
    for src_uri, source in generated.items():
        staged = root / src_uri
        if not staged.exists() or staged.read_bytes() != source.read_bytes():
            staged.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staged)
        out.append(File(src_uri, str(root), config["site_dir"],
                        config["use_directory_urls"]))
    return out


@event_priority(100)  # before mkdocs-jupyter turns .ipynb into pages
def on_files(files, config):
    if SKIP_RUNS:
        return files
    generated = {}
    for snippet in _state["snippets"]:
        for name in snippet.figures:
            generated[f"figures/{snippet.chapter}/{name}"] = (
                snippet.run_dir / name)
    for snippet, ipynb, script in _state["practice"].values():
        folder = f"practice/{snippet.chapter}"
        generated[f"{folder}/{ipynb.name}"] = ipynb
        generated[f"{folder}/{snippet.path.stem}/{script.name}"] = script
    for file in _published(config, generated):
        files.append(file)
    return files


def _results_of(snippet_id: str) -> dict:
    if SKIP_RUNS:
        return _Ellipsis()
    snippet = next((s for s in _state["snippets"] if s.id == snippet_id),
                   None) or figures.find(snippet_id)
    return pages.load_results(snippet.run_dir)


class _Ellipsis(dict):
    """Stands in for results when runs are switched off."""

    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return _Placeholder()


class _Placeholder:
    """Formats as "…" whatever the format spec (``:.4f`` included)."""

    def __format__(self, spec):
        return "…"


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    try:
        if not SKIP_RUNS:
            published = {f.src_uri for f in files
                         if f.src_uri.startswith("figures/")}
            pages.check_figures(markdown, src, published)
        return pages.inject_values(markdown, src, _results_of)
    except (pages.PageError, figures.SnippetError) as exc:
        raise PluginError(str(exc)) from exc


def _colab_url(config, ipynb_uri: str) -> str | None:
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)/?$",
                     config.get("repo_url") or "")
    if not match:
        return None
    return (f"https://colab.research.google.com/github/{match[1]}"
            f"/blob/gh-pages/{ipynb_uri}")


def on_page_content(html, page, config, files):
    for snippet, ipynb, script in _state["practice"].values():
        if page.file.src_uri != f"practice/{snippet.chapter}/{ipynb.name}":
            continue
        folder = posixpath.dirname(page.file.dest_uri)
        ipynb_uri = posixpath.join(folder, ipynb.name)
        script_uri = (f"practice/{snippet.chapter}/{snippet.path.stem}/"
                      f"{script.name}")
        links = [
            f'<a href="{get_relative_url(ipynb_uri, page.url)}" download>'
            "notebook (.ipynb)</a>",
            f'<a href="{get_relative_url(script_uri, page.url)}" download>'
            "script (.py)</a>",
        ]
        colab = _colab_url(config, ipynb_uri)
        if colab:
            links.append(f'<a href="{colab}">Open in Colab</a>')
        banner = ('<p class="book-downloads">Download this practice file: '
                  + " · ".join(links) + "</p>")
        return banner + pages.strip_notebook_scripts(html)
    return html


def on_post_build(config):
    try:
        report = postbuild.finish(Path(config["site_dir"]))
    except postbuild.PostbuildError as exc:
        raise PluginError(str(exc)) from exc
    log.info("postbuild: %s", postbuild.summary(report))
    for problem in report.tex_errors():
        log.warning(problem)
    offline.copy_into(config)
