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
absolute address directly, slugified as Pelican slugifies a tag, so the screen
edition's links are the ones the Pelican-built book had.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from inventaire.core.errors import PostFileError
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from inventaire.core.text.render import render_text, xml_safe

logger = logging.getLogger(__name__)

POSTS_FOLDER = "posts"
# Pelican's own default (pelican.settings.DEFAULT_CONFIG), for settings dicts that
# were not made by read_settings (tests, scripts).
SLUG_REGEX_SUBSTITUTIONS: list[tuple[str, str]] = [
    (r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]
DEFAULT_TAG_URL = "tag/{slug}.html"


@dataclass
class BookArticle:
    """What the layout needs of a post: the record and its text as HTML."""

    post: Post
    content: str


def post_files(content: Path) -> list[Path]:
    """Every editors' file under ``content/posts``, in path order (hidden files and
    editors' backups such as ``.#name.md`` left out, as Pelican leaves them)."""
    folder = content / POSTS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md")
                  if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def clean_fields(post: Post) -> Post:
    """The short fields without the characters XML forbids, as the site's reader
    cleans them (the text keeps them: :func:`render_text` drops them itself)."""
    post.author_name = xml_safe(post.author_name)
    post.note = xml_safe(post.note)
    for media in post.media:
        media.alt = xml_safe(media.alt)
        media.caption = xml_safe(media.caption)
    return post


def read_posts(content: Path) -> list[Post]:
    """Every readable post; an unreadable file is logged as an error (file, line,
    field, fix) and left out, as the site's build leaves it out."""
    posts = []
    for path in post_files(content):
        try:
            posts.append(clean_fields(read_post(path)))
        except PostFileError as error:
            logger.error("%s", error)
        except OSError as error:
            logger.error("%s: cannot be read (%s) — the post is left out", path,
                         error.strerror or error)
    return posts


def slugify(value: str, regex_subs: list[tuple[str, str]], preserve_case: bool,
            use_unicode: bool) -> str:
    """A tag's slug exactly as Pelican's ``slugify`` makes it (same steps, same order)."""
    value = Markup(value).striptags()
    value = unicodedata.normalize("NFKC", value)
    if not use_unicode:
        from unidecode import unidecode

        value = unidecode(value)
    for source, target in regex_subs:
        value = re.sub(unicodedata.normalize("NFKC", source),
                       unicodedata.normalize("NFKC", target), value, flags=re.IGNORECASE)
    if not preserve_case:
        value = value.lower()
    return value.strip()


def site_url(settings: Mapping[str, Any]) -> str:
    """The address the screen edition's links start from: the site's, else the feeds'."""
    return str(settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "")


def tag_url(settings: Mapping[str, Any]) -> Callable[[str], str]:
    """``tag → address`` of the hashtag's page: absolute when the site has an address
    (the screen edition keeps it), relative otherwise (and then dropped from the PDF,
    where it would point into the build folder)."""
    subs = [tuple(s) for s in settings.get(
        "TAG_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS",
                                                SLUG_REGEX_SUBSTITUTIONS))]
    preserve = bool(settings.get("SLUGIFY_PRESERVE_CASE", False))
    unicode_slugs = bool(settings.get("SLUGIFY_USE_UNICODE", False))
    pattern = str(settings.get("TAG_URL", DEFAULT_TAG_URL))
    base = site_url(settings).rstrip("/")

    def address(tag: str) -> str:
        slug = slugify(tag, [(str(a), str(b)) for a, b in subs], preserve, unicode_slugs)
        path = pattern.format(slug=slug, name=tag)
        return f"{base}/{path.lstrip('/')}" if base else path

    return address


def book_articles_of(posts: list[Post], settings: Mapping[str, Any]) -> list[BookArticle]:
    """Each post with its text rendered as the site renders it."""
    link = tag_url(settings)
    return [BookArticle(post=post, content=render_text(post, link)) for post in posts]
