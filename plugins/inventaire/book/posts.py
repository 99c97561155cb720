"""The book's own reading of the posts: editors' files in, text rendered as HTML.

The book used to take Pelican's Articles, and with them the site's HTML; as a step
of its own (:mod:`.step`) it reads ``content/posts`` with the same reader
(:func:`inventaire.core.postfile.read_post`) and renders each text with the same
renderer (:func:`inventaire.core.text.render.render_text`), so that it prints what
the site shows without waiting for, or importing, Pelican.

Hashtag links are the only part of that HTML the site's build finished: the reader
writes ``{tag}name`` and Pelican turns it into the hashtag page's address. The
print edition drops every link (:func:`.chapters.unlink`); the screen edition keeps
them made absolute with ``SITEURL`` (else ``FEED_DOMAIN``). :func:`tag_url` gives that
absolute address directly, through Pelican's own ``Tag``, so the screen edition's
links are the site's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventaire.core.errors import PostFileError
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from inventaire.core.project import post_files
from inventaire.core.rights import Register
from inventaire.core.text.render import clean_fields, render_text

logger = logging.getLogger(__name__)



@dataclass
class BookArticle:
    """What the layout needs of a post: the record and its text as HTML."""

    post: Post
    content: str


def read_posts(content: Path) -> list[Post]:
    """Every readable post; an unreadable file is logged as an error (file, line,
    field, fix) and left out, as the site's build leaves it out. The register of
    withdrawals (``content/rights.yml``) is applied as the site's reader applies it."""
    register, error = Register.load_or_close(content)
    if error is not None:
        logger.error("%s (no post is printed until it is fixed)", error)
    posts = []
    for path in post_files(content):
        try:
            posts.append(clean_fields(register.apply(read_post(path))))
        except PostFileError as error:
            logger.error("%s", error)
        except OSError as error:
            logger.error("%s: cannot be read (%s) — the post is left out", path,
                         error.strerror or error)
    return posts


def site_url(settings: Mapping[str, Any]) -> str:
    """The address the screen edition's links start from: the site's, else the feeds'."""
    return str(settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "")


def tag_url(settings: Mapping[str, Any]) -> Callable[[str], str]:
    """``tag → address`` of the hashtag's page, as Pelican makes it (its public
    ``Tag`` URL wrapper, with Pelican's defaults under the project's settings):
    absolute when the site has an address (the screen edition keeps it), relative
    otherwise (and then dropped from the PDF, where it would point into the build
    folder)."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Tag

    full = {**DEFAULT_CONFIG, **settings}
    base = site_url(settings).rstrip("/")

    def address(tag: str) -> str:
        path = str(Tag(tag, full).url)
        return f"{base}/{path.lstrip('/')}" if base else path

    return address


def book_articles_of(posts: list[Post], settings: Mapping[str, Any]) -> list[BookArticle]:
    """Each post with its text rendered as the site renders it."""
    link = tag_url(settings)
    return [BookArticle(post=post, content=render_text(post, link)) for post in posts]
