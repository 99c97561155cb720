"""A post's text as safe HTML: escaped, linked from its entities, emoji named.

The text is a quotation: it is never interpreted as Markdown, HTML or Jinja. Each
character goes through :func:`html.escape`; links are built only from the entities
(import offsets, or the twitter-text rules when a file has none), and only ``http``
and ``https`` addresses become links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlsplit

from inventaire.core.model import Entity, Post
from inventaire.core.text.emoji_names import find_emoji, french_name
from inventaire.core.text.handles import shown_handle

SAFE_SCHEMES = ("http", "https")
# "javascript:", "data:", "mailto:"…: a scheme without dots, unlike "paris.fr:8080".
_SCHEME = re.compile(r"^\s*[a-z][a-z0-9+\-]*:", re.IGNORECASE)


def safe_url(url: str) -> str:
    """The URL if it is http(s) with a host, else '' (never ``javascript:`` or ``data:``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc:
        return parts.geturl()
    return ""


def mention_url(network: str, value: str, href: str = "") -> str:
    """Where a mention points: the author's page on the post's own network."""
    if href and safe_url(href):
        return safe_url(href)
    if network == "twitter":
        return f"https://twitter.com/{value}"
    if network == "mastodon" and "@" in value:
        user, _, domain = value.partition("@")
        return f"https://{domain}/@{user}"
    if network == "bluesky":
        return f"https://bsky.app/profile/{value}"
    return ""


def valid_entities(text: str, entities: Iterable[Entity]) -> list[Entity]:
    """Entities whose span really holds what they claim, sorted, without overlaps.

    An editor may change the text; an entity that no longer matches is dropped
    rather than linking the wrong words.
    """
    kept: list[Entity] = []
    end = 0
    for entity in sorted(entities, key=lambda e: (e.start, e.end)):
        if entity.start < end or not 0 <= entity.start < entity.end <= len(text):
            continue
        span = text[entity.start:entity.end]
        if entity.kind == "hashtag" and span[1:].casefold() != entity.value.casefold():
            continue
        if entity.kind == "mention" and not span[1:].casefold().startswith(
                entity.value.split("@")[0].casefold()):
            continue
        kept.append(entity)
        end = entity.end
    return kept


def entities_for(post: Post) -> list[Entity]:
    """The post's own entities, else those the twitter-text rules find."""
    if post.entities:
        return valid_entities(post.text, post.entities)
    # Imported here: the twitter-text tables load on first use, and most posts
    # bring their own entities.
    from inventaire.core.text.twitter_text import extract_entities

    return valid_entities(post.text, extract_entities(post.text))


# Characters XML 1.0 cannot hold (C0 controls but tab and newlines, lone surrogates,
# U+FFFE/U+FFFF): one of them in a post would make the Atom feed and sitemap invalid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 forbids; everything else is kept."""
    return _NOT_XML.sub("", text)


def _escape_with_emoji(text: str) -> str:
    """Escape a run of plain text; wrap each emoji so screen readers say its name."""
    text = xml_safe(text)
    out: list[str] = []
    position = 0
    for span in find_emoji(text):
        out.append(html.escape(text[position:span.start]))
        name = html.escape(french_name(span.chars))
        out.append(f'<span class="emoji" role="img" aria-label="{name}">'
                   f"{html.escape(span.chars)}</span>")
        position = span.end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>\n")


@lru_cache(maxsize=8192)
def inline_html(text: str) -> str:
    """A short field (an author's name, a content warning) as safe HTML on one line:
    escaped, each emoji marked as in the text, so that a flag is drawn by the emoji
    font and named for screen readers. Unmarked, 🇫🇷 is two boxed letters: EB Garamond,
    first in the site's font stack, has its own glyphs for the regional indicators.

    Remembered: an author's name is set on every page that lists one of their posts
    (26,000 times for 660 names in one render process, for a day of 10,000 posts)."""
    return _escape_with_emoji(" ".join(text.split()))


def render_text(post: Post, tag_url: Callable[[str], str],
                entities: list[Entity] | None = None) -> str:
    """The HTML of a post's text; ``tag_url`` gives the site's address of a hashtag."""
    text = post.text
    out: list[str] = []
    position = 0
    for entity in entities if entities is not None else entities_for(post):
        out.append(_escape_with_emoji(text[position:entity.start]))
        span = text[entity.start:entity.end]
        if entity.kind == "hashtag":
            href = tag_url(entity.value)
            css = "hashtag"
        elif entity.kind == "mention":
            href = mention_url(post.network, entity.value, entity.href)
            css = "mention"
        elif entity.kind == "url":
            href = safe_url(entity.value)
            if not href and not _SCHEME.match(entity.value):
                href = safe_url("https://" + entity.value)  # "paris.fr/x": no scheme given
            css = "url"
        else:
            href, css = "", entity.kind
        if href:
            rel = ' rel="nofollow noopener"' if entity.kind != "hashtag" else ""
            out.append(f'<a class="{css}" href="{html.escape(href)}"{rel}>'
                       f"{_escape_with_emoji(span)}</a>")
        else:
            out.append(_escape_with_emoji(span))
        position = entity.end
    out.append(_escape_with_emoji(text[position:]))
    return "".join(out)


def clean_fields(post: Post) -> Post:
    """The fields every output prints, made safe to print once, for the site's reader
    and the book's alike.

    The handle is shown with its invisible and foreign characters escaped
    (:func:`~inventaire.core.text.handles.shown_handle`): an impostor's
    « flaneuse75⟨U+200B⟩ » is seen as such, and gets its own author page.
    Characters XML forbids are dropped from the other short fields: templates
    escape them, but a control character would still make the feed, the sitemap or a
    PDF's tags invalid, and stop the build. The original's address is kept only when
    it is http(s) with a host (``safe_url``): a ``javascript:`` or ``data:`` link from
    an export or an editor's hand would run in a visitor's browser. The text itself
    keeps its characters (entity offsets count them); :func:`render_text` drops them
    when it renders.
    """
    post.author = shown_handle(post.author)  # ASCII: an impostor's ZWSP shown, escaped
    post.author_name = xml_safe(post.author_name)
    post.note = xml_safe(post.note)
    post.url = safe_url(xml_safe(post.url))
    post.entities = [replace(e, value=xml_safe(e.value), display=xml_safe(e.display))
                     if _NOT_XML.search(e.value + e.display) else e for e in post.entities]
    for media in post.media:
        media.alt = xml_safe(media.alt)
        media.caption = xml_safe(media.caption)
    return post
