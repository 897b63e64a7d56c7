"""The generation step: everything the site shows that code makes.

    python -m scripts.generate [--force] [--no-notebooks]

Runs, in order, every snippet whose cache entry is stale (figures and
result values, scripts/runner.py), every practice notebook
(scripts/notebooks.py) and every page notebook and script
(scripts/pagebook.py), into the cache (scripts/cache.py). Nothing that
is up to date runs again. Any site generator builds from what this step
made: the MkDocs hook only publishes it. ``make generate`` runs this;
``make build``, ``make serve`` and the test suite's site build run it
first.
"""

import argparse
import sys
import time

from scripts import notebooks, pagebook, runner
from scripts.paths import rel
from scripts.snippet import SnippetError, discover, find


def results_of(snippet_id: str) -> dict:
    return runner.results(find(snippet_id))


def generate(force: bool = False, with_notebooks: bool = True,
             log=print) -> dict:
    """Bring every entry up to date; return counts of what ran."""
    snippets = discover()
    t0 = time.perf_counter()
    ran = runner.ensure_runs(snippets, force=force)
    log(f"snippets: {len(ran)} of {len(snippets)} ran "
        f"({time.perf_counter() - t0:.1f} s)")
    counts = {"snippets": len(ran), "practice": 0, "pages": 0}
    if not with_notebooks:
        return counts
    for snippet in [s for s in snippets if s.practice]:
        if force or not notebooks.practice_entry(snippet).exists():
            t0 = time.perf_counter()
            if force:
                notebooks.practice_entry(snippet).drop()
            notebooks.ensure_practice(snippet)
            counts["practice"] += 1
            log(f"practice notebook {rel(snippet.path)} "
                f"({time.perf_counter() - t0:.1f} s)")
    for page in pagebook.pages_with_code():
        if force or not page.entry().exists():
            t0 = time.perf_counter()
            if force:
                page.entry().drop()
            pagebook.ensure_page(page, results_of)
            counts["pages"] += 1
            log(f"page notebook {rel(page.path)} "
                f"({time.perf_counter() - t0:.1f} s)")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true",
                        help="rerun everything, ignoring the cache")
    parser.add_argument("--no-notebooks", action="store_true",
                        help="only the snippet runs (figures, values)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        counts = generate(args.force, not args.no_notebooks,
                          log=lambda m: print(m, file=sys.stderr))
    except SnippetError as exc:
        print(f"generation failed: {exc}", file=sys.stderr)
        return 1
    print(f"generated {counts['snippets']} snippet run(s), "
          f"{counts['practice']} practice and {counts['pages']} page "
          f"notebook(s) in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
