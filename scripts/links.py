"""Report the built site's links: internal problems and external links.

    python -m scripts.links [SITE_DIR] [--check]

Prints every broken internal link, anchor or local resource (found by
lychee, offline) and every resource loaded from another host (exit 1 if
any), then every external link with the pages that use it. With
``--check`` each external link is also requested (HEAD, then GET); when
there is no network the check is skipped and the reason printed, because
a machine without network cannot tell a dead link from a missing route.
"""

import argparse
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from scripts.paths import ROOT
from scripts.sitecheck import check_links

TIMEOUT_S = 10


def _no_network_reason(urls: list[str]) -> str | None:
    """Why external links cannot be checked, or None if they can."""
    hosts = sorted({urlsplit(u).hostname for u in urls} - {None})
    for host in hosts:
        try:
            socket.getaddrinfo(host, 443)
            return None
        except OSError as exc:
            last = f"cannot resolve {host} ({exc})"
    return (f"skipped: no network ({last}); run with --check where the "
            "internet is reachable") if hosts else None


def _status(url: str) -> str:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": "book-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as resp:
                return str(resp.status)
        except urllib.error.HTTPError as exc:
            if method == "GET" or exc.code not in (403, 405, 501):
                return f"{exc.code} BROKEN"
        except OSError as exc:
            return f"BROKEN ({exc})"
    return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=ROOT / "site", type=Path)
    parser.add_argument("--check", action="store_true",
                        help="request every external link")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site} has no index.html: run `make build` first")
        return 2
    problems, external = check_links(args.site)
    print(f"Internal links: {len(problems)} problem(s)")
    for problem in problems:
        print(f"  {problem}")
    print(f"External links: {len(external)}")
    reason = _no_network_reason(list(external)) if args.check else None
    if reason:
        print(f"  ({reason})")
    broken = 0
    for url in sorted(external):
        status = _status(url) if args.check and not reason else ""
        broken += "BROKEN" in status
        pages = ", ".join(sorted(external[url]))
        print(f"  {url} {status}\n      on: {pages}".replace(" \n", "\n"))
    return 1 if problems or broken else 0


if __name__ == "__main__":
    sys.exit(main())
