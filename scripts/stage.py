"""Stage the generated book as plain files, for any site generator.

    python -m scripts.stage OUT      then: zensical build -f OUT/mkdocs.yml

MkDocs publishes the generation step's output through the hook. A
generator that runs no hooks (Zensical skips them silently) gets the same
content as plain files instead: ``OUT/docs`` is a copy of ``docs/`` with
the values injected, the download banner on each page with code, the
figures, and the pages' and practice files' downloads; each
practice notebook becomes a Markdown page (its cells, with their printed
output and figures). ``OUT/mkdocs.yml`` is the book's configuration with
``docs_dir`` pointing there and the practice pages' nav entries ending
in ``.md``; ``OUT/snippets`` holds the included sources and
``OUT/overrides`` the theme overrides (``custom_dir``). Run the
generator from OUT. Everything must have been generated (``make
generate``). The math is drawn after the build, on the built site, by
``python -m scripts.postbuild SITE``, as for MkDocs.
"""

import argparse
import base64
import posixpath
import re
import shutil
import sys
from pathlib import Path

import nbformat

from scripts import notebooks, pagebook, pages, runner
from scripts.cache import NotGenerated
from scripts.paths import DOCS, ROOT
from scripts.snippet import SnippetError, discover, find


def _results_of(snippet_id: str) -> dict:
    return runner.results(find(snippet_id))


def notebook_markdown(nb: nbformat.NotebookNode, title: str) -> str:
    """A notebook as a Markdown page: prose, code, printed output and
    figures (inline PNG or SVG)."""
    parts = [f"# {title}"]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        if cell.cell_type != "code":
            continue
        parts.append(f"```python\n{cell.source}\n```")
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stdout":
                parts.append(f"```text\n{out.text.rstrip()}\n```")
            data = out.get("data", {})
            if "image/svg+xml" in data:
                svg = "".join(data["image/svg+xml"]).encode()
                uri = base64.b64encode(svg).decode()
                parts.append(f"![figure](data:image/svg+xml;base64,{uri})")
            elif "image/png" in data:
                parts.append(f"![figure](data:image/png;base64,"
                             f"{data['image/png'].strip()})")
    return "\n\n".join(parts) + "\n"


def _banner(page_uri: str, ipynb_uri: str, script_uri: str) -> str:
    """The download banner as Markdown links, which every generator
    rewrites for the page's URL (raw HTML links it would not)."""
    folder = posixpath.dirname(page_uri)
    ipynb = posixpath.relpath(ipynb_uri, folder)
    script = posixpath.relpath(script_uri, folder)
    return (f"Run this page's code: [notebook (.ipynb)]({ipynb}){{download}}"
            f" · [script (.py)]({script}){{download}}\n"
            "{: .book-downloads }\n")


def stage(out: Path) -> Path:
    """Write OUT/docs and OUT/mkdocs.yml; return the config's path."""
    out = Path(out)
    docs = out / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(DOCS, docs)
    # The theme's page with the book's script in its head (custom_dir).
    shutil.rmtree(out / "overrides", ignore_errors=True)
    shutil.copytree(ROOT / "overrides", out / "overrides")
    snippets = discover()
    for snippet in snippets:
        folder = runner.entry(snippet).require(
            f"the run of {snippet.id}")
        for name in snippet.figures:
            dest = docs / "figures" / snippet.chapter / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / name, dest)
    nav_renames = {}
    for snippet in [s for s in snippets if s.practice]:
        if not notebooks.practice_entry(snippet).exists():
            raise NotGenerated(f"{snippet.id}: practice notebook not "
                               "generated: run `make generate` first")
        ipynb, script = notebooks.practice_outputs(snippet)
        folder = docs / "practice" / snippet.chapter
        (folder / snippet.path.stem).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ipynb, folder / snippet.path.stem / ipynb.name)
        shutil.copyfile(script, folder / snippet.path.stem / script.name)
        page = folder / f"{snippet.path.stem}.md"
        uri = f"practice/{snippet.chapter}/{snippet.path.stem}"
        body = notebook_markdown(nbformat.read(ipynb, as_version=4),
                                 f"Practice file {snippet.practice}")
        head, _, rest = body.partition("\n")
        page.write_text(head + "\n\n" + _banner(
            f"{uri}.md", f"{uri}/{ipynb.name}", f"{uri}/{script.name}")
            + "\n" + rest, encoding="utf-8")
        nav_renames[f"{uri}.ipynb"] = f"{uri}.md"
    with_code = {p.src_uri: p for p in pagebook.pages_with_code()}
    for source in sorted(DOCS.rglob("*.md")):
        uri = source.relative_to(DOCS).as_posix()
        text = pages.inject_values(source.read_text(encoding="utf-8"), uri,
                                   _results_of)
        for old, new in nav_renames.items():
            text = text.replace(posixpath.relpath(old, posixpath.dirname(
                uri)), posixpath.relpath(new, posixpath.dirname(uri)))
        if uri in with_code:
            page = with_code[uri]
            page.entry().require("this page's downloads", f"docs/{uri}")
            folder = uri.removesuffix(".md")
            for path in page.outputs():
                dest = docs / folder / path.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, dest)
            banner = _banner(uri, f"{folder}/{page.stem}.ipynb",
                             f"{folder}/{page.stem}.py")
            text = re.sub(r"^(# .*\n)", lambda m: m[1] + "\n" + banner
                          + "\n", text, count=1, flags=re.M)
        (docs / uri).write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in nav_renames.items():
        config = config.replace(old, new)
    # Relative paths: Zensical 0.0.73 panics on an absolute docs_dir.
    # Includes (--8<--) are read from snippets/ beside the config, as in
    # the repository; run the generator from `out`.
    shutil.rmtree(out / "snippets", ignore_errors=True)
    shutil.copytree(ROOT / "snippets", out / "snippets",
                    ignore=shutil.ignore_patterns("__pycache__"))
    config = "docs_dir: docs\n" + config
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to stage into")
    args = parser.parse_args(argv)
    try:
        print(stage(args.out))
    except (NotGenerated, SnippetError, pages.PageError) as exc:
        print(f"staging failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
