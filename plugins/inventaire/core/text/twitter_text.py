"""Find hashtags, mentions, cashtags and links in a post's plain text, Twitter's way.

Twitter's own rules (``twitter/twitter-text``, checked by its conformance suite in
``tests/conformance/twitter-text``) decide what counts as an entity, so that a post
whose export lost its offsets (twarc CSV, old archive tweets, text typed by an
editor) is linked exactly as Twitter linked it. The patterns live in
``twitter_regex`` (hashtags, mentions, cashtags) and ``twitter_urls`` (URLs, TLDs);
this module applies them, and adds validation and weighted length.

Indices are Python code points, ``[start, end)``, into the text given.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import emoji

from inventaire.core.model import Entity
from inventaire.core.text import twitter_regex as rx
from inventaire.core.text import twitter_urls

# --- extraction --------------------------------------------------------------------


def extract_urls_with_indices(text: str, without_protocol: bool = True) -> list[dict[str, Any]]:
    """``[{"url", "indices"}]``; ``without_protocol`` also finds ``example.com``."""
    return twitter_urls.extract_urls_with_indices(text, without_protocol)


def extract_urls(text: str, without_protocol: bool = True) -> list[str]:
    return [u["url"] for u in extract_urls_with_indices(text, without_protocol)]


def extract_hashtags_with_indices(
    text: str, check_url_overlap: bool = True
) -> list[dict[str, Any]]:
    """``[{"hashtag", "indices"}]``, the tag without its ``#``.

    A ``#`` inside a URL (``example.com/#anchor``) is not a hashtag, hence the
    overlap check with URLs.
    """
    if not text or not any(sign in text for sign in rx.HASH_SIGNS):
        return []
    pats = rx.patterns()
    tags: list[dict[str, Any]] = []
    for match in pats.hashtag.finditer(text):
        if pats.end_hashtag.match(text, match.end()):
            continue
        start = match.start(2)
        tags.append({"hashtag": match.group(3), "indices": [start, match.end()]})
    if check_url_overlap and tags:
        urls = extract_urls_with_indices(text)
        if urls:
            tags = [e for e in _remove_overlaps([*tags, *urls]) if "hashtag" in e]
    return tags


def extract_hashtags(text: str) -> list[str]:
    return [t["hashtag"] for t in extract_hashtags_with_indices(text)]


def extract_cashtags_with_indices(text: str) -> list[dict[str, Any]]:
    """``[{"cashtag", "indices"}]``, the symbol without its ``$``."""
    if not text or "$" not in text:
        return []
    return [
        {"cashtag": m.group(3), "indices": [m.start(2), m.end()]}
        for m in rx.patterns().cashtag.finditer(text)
    ]


def extract_cashtags(text: str) -> list[str]:
    return [t["cashtag"] for t in extract_cashtags_with_indices(text)]


def extract_mentions_or_lists_with_indices(text: str) -> list[dict[str, Any]]:
    """``[{"screen_name", "list_slug", "indices"}]``; ``list_slug`` is ``"/slug"`` or ``""``."""
    if not text or not any(sign in text for sign in rx.AT_SIGNS):
        return []
    pats = rx.patterns()
    found: list[dict[str, Any]] = []
    for match in pats.mention_or_list.finditer(text):
        # ``@user@host``, ``@userà`` and ``@user://`` are not mentions.
        if pats.end_mention.match(text, match.end()):
            continue
        found.append(
            {
                "screen_name": match.group(3),
                "list_slug": match.group(4) or "",
                "indices": [match.start(2), match.end()],
            }
        )
    return found


def extract_mentioned_screen_names_with_indices(text: str) -> list[dict[str, Any]]:
    """``[{"screen_name", "indices"}]``: mentions only, lists left out."""
    return [
        {"screen_name": m["screen_name"], "indices": m["indices"]}
        for m in extract_mentions_or_lists_with_indices(text)
        if not m["list_slug"]
    ]


def extract_mentioned_screen_names(text: str) -> list[str]:
    return [m["screen_name"] for m in extract_mentioned_screen_names_with_indices(text)]


def extract_reply_screen_name(text: str) -> str | None:
    """The handle a post starts with (after spaces), which makes it a reply."""
    if not text:
        return None
    pats = rx.patterns()
    match = pats.reply.match(text)
    if match is None or pats.end_mention.match(text, match.end()):
        return None
    return match.group(1)


def extract_entities_with_indices(
    text: str, urls_without_protocol: bool = True
) -> list[dict[str, Any]]:
    """Every entity as twitter-text returns it, sorted, overlaps removed (URL first)."""
    found = [
        *extract_urls_with_indices(text, urls_without_protocol),
        *extract_hashtags_with_indices(text, check_url_overlap=False),
        *extract_mentions_or_lists_with_indices(text),
        *extract_cashtags_with_indices(text),
    ]
    return _remove_overlaps(found)


def _remove_overlaps(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sort by start and drop any entity starting inside the one kept before it."""
    kept: list[dict[str, Any]] = []
    for entity in sorted(entities, key=lambda e: e["indices"][0]):
        if kept and entity["indices"][0] < kept[-1]["indices"][1]:
            continue
        kept.append(entity)
    return kept


def extract_entities(text: str, urls_without_protocol: bool = True) -> list[Entity]:
    """All entities of a plain (unescaped) post text, as :class:`Entity`, by start.

    A list mention ``@user/list`` becomes a mention of ``user`` covering ``@user``
    only (the model has no list kind). A URL without a scheme gets ``http://`` in
    ``value`` (as Twitter's ``expanded_url`` did) and keeps its text in ``display``.
    Pass ``urls_without_protocol=False`` for Mastodon text, which links only
    ``http(s)://`` URLs.
    """
    result: list[Entity] = []
    for e in extract_entities_with_indices(text, urls_without_protocol):
        start, end = e["indices"]
        if "url" in e:
            url = e["url"]
            value = url if "://" in url else f"http://{url}"
            result.append(Entity("url", start, end, value, display=url))
        elif "hashtag" in e:
            result.append(Entity("hashtag", start, end, e["hashtag"]))
        elif "cashtag" in e:
            result.append(Entity("cashtag", start, end, e["cashtag"]))
        else:
            name = e["screen_name"]
            result.append(Entity("mention", start, start + 1 + len(name), name))
    return result


# --- weighted length ---------------------------------------------------------------


@dataclass(frozen=True)
class LengthConfig:
    """One of Twitter's length configurations (``config/v1.json`` … ``v3.json``)."""

    max_weighted_length: int
    scale: int
    default_weight: int
    ranges: tuple[tuple[int, int, int], ...]  # (first, last, weight), inclusive
    transformed_url_length: int = 23
    emoji_parsing: bool = False


_LATIN_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
CONFIG_V1 = LengthConfig(140, 1, 1, ())
CONFIG_V2 = LengthConfig(280, 100, 200, _LATIN_RANGES)
CONFIG_V3 = LengthConfig(280, 100, 200, _LATIN_RANGES, emoji_parsing=True)


@dataclass(frozen=True)
class ParsedLength:
    """``parseTweet``'s answer; the ranges are UTF-16 offsets, end inclusive."""

    weighted_length: int
    valid: bool
    permillage: int
    display_range_start: int
    display_range_end: int
    valid_range_start: int
    valid_range_end: int


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_tweet(text: str, config: LengthConfig = CONFIG_V3) -> ParsedLength:
    """Weigh ``text`` as Twitter does: URLs 23, CJK and emoji 2, Latin 1 (scaled).

    Emoji sequences are recognised with the ``emoji`` package, so that recent ZWJ
    sequences weigh one emoji, not the sum of their parts.
    """
    normalized = unicodedata.normalize("NFC", text)
    spans: dict[int, tuple[int, int]] = {}  # start -> (end, weight)
    if config.transformed_url_length > 0:
        for url in extract_urls_with_indices(normalized):
            start, end = url["indices"]
            spans[start] = (end, config.transformed_url_length * config.scale)
    if config.emoji_parsing:
        for found in emoji.emoji_list(normalized):
            spans.setdefault(found["match_start"], (found["match_end"], config.default_weight))
    weighted = 0
    valid = True
    valid_end_utf16 = 0
    utf16 = 0
    index = 0
    while index < len(normalized):
        end, weight = spans.get(index, (index + 1, 0))
        if not weight:
            weight = _char_weight(ord(normalized[index]), config)
        piece = normalized[index:end]
        weighted += weight
        utf16 += _utf16_len(piece)
        valid = valid and piece[-1] not in rx.INVALID_CHARS
        if valid and weighted <= config.max_weighted_length * config.scale:
            valid_end_utf16 = utf16 - 1
        index = end
    length = weighted // config.scale
    offset = _utf16_len(text) - _utf16_len(normalized)
    return ParsedLength(
        weighted_length=length,
        valid=valid and 0 < length <= config.max_weighted_length,
        permillage=length * 1000 // config.max_weighted_length,
        display_range_start=0,
        display_range_end=max(_utf16_len(text) - 1, 0),
        valid_range_start=0,
        valid_range_end=valid_end_utf16 + offset,
    )


def _char_weight(cp: int, config: LengthConfig) -> int:
    for first, last, weight in config.ranges:
        if first <= cp <= last:
            return weight
    return config.default_weight


def weighted_length(text: str) -> int:
    """Length as Twitter counts it today (config v3): 280 is the limit."""
    return parse_tweet(text).weighted_length


def is_valid_tweet(text: str) -> bool:
    """Not empty, at most 280 weighted, and free of U+FFFE, U+FEFF, U+FFFF."""
    return parse_tweet(text).valid


# --- validation --------------------------------------------------------------------


def is_valid_username(text: str) -> bool:
    """``@name`` alone, with a handle Twitter would link."""
    names = extract_mentioned_screen_names(text)
    return len(names) == 1 and names[0] == text[1:]


def is_valid_list(text: str) -> bool:
    """``@name/list`` alone, nothing before or after."""
    match = rx.patterns().list_only.fullmatch(text)
    return bool(match and match.group(3))


def is_valid_hashtag(text: str) -> bool:
    """``#tag`` alone, with a tag Twitter would link."""
    tags = extract_hashtags(text)
    return len(tags) == 1 and tags[0] == text[1:]


def is_valid_url(url: str, unicode_domains: bool = True, require_protocol: bool = True) -> bool:
    """Is ``url`` a well-formed http(s) URL (RFC 3986 shapes, IDN host allowed)?"""
    parts = rx.URL_PARTS.fullmatch(url) if url else None
    if parts is None:
        return False
    scheme, authority, path, query, fragment = parts.groups()
    if require_protocol and not (scheme and rx.URL_SCHEME.fullmatch(scheme)):
        return False
    if not rx.URL_PATH.fullmatch(path):
        return False
    for optional in (query, fragment):
        if optional and not rx.URL_QUERY.fullmatch(optional):
            return False
    if not unicode_domains and not authority.isascii():
        return False
    return bool(rx.URL_AUTHORITY.fullmatch(authority))
