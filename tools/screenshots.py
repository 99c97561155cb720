"""Screenshots of every page type of the built site, at a phone's and a desktop's width.

Run after a build, then look at the PNGs: ``python tools/screenshots.py [output/]
[--out tests/artifacts/screens]``. The site is served from 127.0.0.1 by a thread of
this script and opened in Debian's Chromium (``/usr/bin/chromium``) through
Playwright, never a downloaded browser; a request to any other host is refused and
named. The search page is shot with a word typed, so its results show.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
WIDTHS = (375, 1280)
SEARCH_WORD = "fontaine"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def first_dir(folder: Path) -> str:
    """The first sub-folder's name, in name order (a post, an author, a place)."""
    names = sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name.isascii())
    return names[0] if names else ""


def page_types(output: Path) -> dict[str, str]:
    """One address per page type of the site (README.md, « Web addresses »)."""
    posts = sorted((output / "post").iterdir())
    post = posts[len(posts) // 3].name if posts else ""
    return {
        "accueil": "", "heures": "heure/", "heure": "heure/14/", "lieux": "lieu/",
        "lieu": "lieu/place-saint-sulpice/", "carte": "carte/", "chiffres": "chiffres/",
        "livre": "livre/", "photos": "photos/", "recherche": "recherche/",
        "message": f"post/{post}/", "hasard": "hasard/",
        "auteurs": "auteur/", "auteur": f"auteur/{first_dir(output / 'auteur')}/",
        "mots-diese": "mot-diese/", "mot-diese": "mot-diese/jdtap/",
        "preface": "preface/", "404": "404.html",
    }


def shoot(output: Path, target: Path, only: list[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    outside: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.endswith("/hasard.json"):
            request_route.abort()  # /hasard/ stays on its build-time post: same shot each run
        elif urlsplit(request_route.request.url).hostname in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    target.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900},
                                          locale="fr-FR", reduced_motion="reduce")
            page = context.new_page()
            page.route("**/*", route)
            for name, path in page_types(output).items():
                if only and name not in only:
                    continue
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                if name == "recherche":
                    page.locator(".pagefind-ui__search-input").fill(SEARCH_WORD)
                    page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
                # Lazy images load only near the viewport: a full-page shot needs them all.
                page.evaluate("document.querySelectorAll('img[loading=lazy]')"
                              ".forEach(i => i.loading = 'eager')")
                page.wait_for_load_state("networkidle")
                page.evaluate("document.fonts.ready")
                shot = target / f"{name}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                shots.append(shot)
            context.close()
        browser.close()
    server.shutdown()
    if outside:
        print("requests refused (another host):", *sorted(set(outside)), sep="\n  ",
              file=sys.stderr)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?", default=Path("output"))
    parser.add_argument("--out", type=Path, default=Path("tests/artifacts/screens"))
    parser.add_argument("--only", action="append", default=[], help="a page type's name")
    args = parser.parse_args(argv)
    for shot in shoot(args.output, args.out, args.only):
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
