"""twitter-text's HTML autolinker, kept only to run its conformance cases.

The site renders posts with its own renderer (``text/render.py``), from
:class:`~inventaire.core.model.Entity` offsets. This module reproduces Twitter's markup
(``tweet-url`` classes, ``twitter.com`` search links, t.co display spans) with the
options the conformance suite uses: no ``rel="nofollow"``, no ``data-screen-name``.

Like twitter-text, it expects **already HTML-escaped** text: the text between
entities is copied as is; only the entity parts are escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from inventaire.core.text import twitter_regex as rx
from inventaire.core.text import twitter_text as tt

HASHTAG_URL_BASE = "https://twitter.com/search?q=%23"
CASHTAG_URL_BASE = "https://twitter.com/search?q=%24"
USERNAME_URL_BASE = "https://twitter.com/"
INVISIBLE = "style='position:absolute;left:-9999px;'"


def autolink(text: str) -> str:
    """Link every entity; URLs only with an explicit ``http(s)://``."""
    return autolink_entities(
        text, tt.extract_entities_with_indices(text, urls_without_protocol=False)
    )


def autolink_hashtags(text: str) -> str:
    return autolink_entities(text, tt.extract_hashtags_with_indices(text))


def autolink_cashtags(text: str) -> str:
    return autolink_entities(text, tt.extract_cashtags_with_indices(text))


def autolink_usernames_or_lists(text: str) -> str:
    return autolink_entities(text, tt.extract_mentions_or_lists_with_indices(text))


def autolink_urls(text: str) -> str:
    return autolink_entities(text, tt.extract_urls_with_indices(text, without_protocol=False))


def autolink_with_json(text: str, entities: dict[str, list[dict[str, Any]]]) -> str:
    """Link from a v1.1 ``entities`` object (code-point indices) instead of extracting."""
    found: list[dict[str, Any]] = []
    for kind, items in entities.items():
        for item in items:
            entity = dict(item)
            if kind == "user_mentions":
                entity["list_slug"] = ""
            elif kind == "hashtags":
                entity["hashtag"] = item["text"]
            elif kind == "symbols":
                entity["cashtag"] = item["text"]
            found.append(entity)
    return autolink_entities(text, found)


def autolink_entities(text: str, entities: Iterable[dict[str, Any]]) -> str:
    """Replace each entity's span by its link; the rest of ``text`` is kept verbatim."""
    out: list[str] = []
    position = 0
    for entity in sorted(entities, key=lambda e: e["indices"][0]):
        start, end = entity["indices"]
        out.append(text[position:start])
        out.append(_link_for(entity)(entity, text))
        position = end
    out.append(text[position:])
    return "".join(out)


def _link_for(entity: dict[str, Any]) -> Callable[[dict[str, Any], str], str]:
    if "url" in entity:
        return _link_url
    if "hashtag" in entity:
        return _link_hashtag
    if "cashtag" in entity:
        return _link_cashtag
    return _link_mention


def _anchor(attrs: dict[str, str], inner: str) -> str:
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
    return f"<a{rendered}>{inner}</a>"


def _link_hashtag(entity: dict[str, Any], text: str) -> str:
    sign = text[entity["indices"][0]]
    tag = escape(entity["hashtag"])
    css = "tweet-url hashtag" + (" rtl" if rx.RTL_CHARS.match(tag) else "")
    attrs = {"href": HASHTAG_URL_BASE + tag, "title": "#" + tag, "class": css}
    return _anchor(attrs, escape(sign) + tag)


def _link_cashtag(entity: dict[str, Any], text: str) -> str:
    tag = escape(entity["cashtag"])
    attrs = {"href": CASHTAG_URL_BASE + tag, "title": "$" + tag, "class": "tweet-url cashtag"}
    return _anchor(attrs, "$" + tag)


def _link_mention(entity: dict[str, Any], text: str) -> str:
    sign = text[entity["indices"][0]]
    user = escape(entity["screen_name"])
    slug = escape(entity.get("list_slug") or "")
    css = "tweet-url list-slug" if slug else "tweet-url username"
    return escape(sign) + _anchor(
        {"class": css, "href": USERNAME_URL_BASE + user + slug}, user + slug
    )


def _link_url(entity: dict[str, Any], text: str) -> str:
    url = entity["url"]
    href = url if "://" in url else "http://" + url
    attrs = {"href": href}
    inner = escape(url)
    if entity.get("display_url") and entity.get("expanded_url"):
        inner = _tco_display(entity["display_url"], entity["expanded_url"])
        attrs["title"] = entity["expanded_url"]
    return _anchor(attrs, inner)


def _tco_display(display: str, expanded: str) -> str:
    """Twitter's copy-friendly markup: the full URL is there, only the short form shows."""
    bare = display.replace("…", "")
    at = expanded.find(bare)
    if at < 0:
        return escape(display)
    before, after = expanded[:at], expanded[at + len(bare) :]
    lead = "…" if display.startswith("…") else ""
    trail = "…" if display.endswith("…") else ""
    return (
        f"<span class='tco-ellipsis'>{lead}<span {INVISIBLE}>&nbsp;</span></span>"
        f"<span {INVISIBLE}>{escape(before)}</span>"
        f"<span class='js-display-url'>{escape(bare)}</span>"
        f"<span {INVISIBLE}>{escape(after)}</span>"
        f"<span class='tco-ellipsis'><span {INVISIBLE}>&nbsp;</span>{trail}</span>"
    )
