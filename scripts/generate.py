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
    """Bring every entry up to date; return counts of what ran.

    A failing notebook does not stop the others; SnippetError lists
    every failure at the end (a failing snippet run stops at once, as
    the notebooks need its results)."""
    snippets = discover()
    t0 = time.perf_counter()
    ran = runner.ensure_runs(snippets, force=force)
    log(f"snippets: {len(ran)} of {len(snippets)} ran "
        f"({time.perf_counter() - t0:.1f} s)")
    counts = {"snippets": len(ran), "practice": 0, "pages": 0}
    if not with_notebooks:
        return counts
    jobs = [("practice", notebooks.practice_entry(s), rel(s.path),
             lambda s=s: notebooks.ensure_practice(s))
            for s in snippets if s.practice]
    jobs += [("pages", page.entry(), rel(page.path),
              lambda page=page: pagebook.ensure_page(page, results_of))
             for page in pagebook.pages_with_code()]
    failures = []
    for kind, entry, where, make in jobs:
        if entry.exists() and not force:
            continue
        entry.drop()
        t0 = time.perf_counter()
        try:
            make()
        except SnippetError as exc:
            failures.append(str(exc))
            log(f"FAILED {str(exc).splitlines()[0]}")
            continue
        counts[kind] += 1
        log(f"notebook of {where} ({time.perf_counter() - t0:.1f} s)")
    if failures:
        raise SnippetError(f"{len(failures)} notebook(s) failed:\n"
                           + "\n".join(failures))
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
