"""« Au hasard »: a link that opens a post chosen at random, on a static site.

The site writes ``hasard.json``, the addresses of its posts (relative to the site's
root, in time order), and the theme's ``hasard.js`` picks one when the link is
followed. Without JavaScript the link still leads somewhere: to one post chosen at
build time. That choice is derived from the list itself (a SHA-256 of the
addresses), never from the clock, so the same content builds the same site byte for
byte, and a changed content may choose another post.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inventaire.core.atomic import write_atomic

LIST_FILE = "hasard.json"


def post_urls(articles: Sequence[Any]) -> list[str]:
    """The addresses of the posts on the site, in the order given (time order)."""
    return [str(article.url) for article in articles]


def chosen_at_build(urls: list[str]) -> str:
    """The no-script link's post: the same for the same list, ``""`` for none."""
    if not urls:
        return ""
    digest = hashlib.sha256("\n".join(urls).encode("utf-8")).digest()
    return urls[int.from_bytes(digest[:8], "big") % len(urls)]


def write_list(output: Path, urls: list[str]) -> None:
    """``hasard.json`` at the site's root, atomically but not forced to the disk, like
    every page of the output: the build's folder is made whole and swapped in at the
    end (``commands/output.py``); a crash loses the build, never half a file."""
    write_atomic(output / LIST_FILE, json.dumps(urls, ensure_ascii=False) + "\n",
                 durable=False)
