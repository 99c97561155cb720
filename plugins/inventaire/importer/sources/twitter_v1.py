"""Twitter API v1.1 tweets (REST, streaming, twarc1 JSONL), also used by the archive.

Offsets are code points of the escaped text; the archive gives every number as a
string, so every index goes through ``int()``. Compatibility-mode streaming payloads
keep the whole post in ``extended_tweet``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inventaire.core.model import Media, Post
from inventaire.importer.sources import metrics
from inventaire.importer.sources.common import (
    Deleted,
    Malformed,
    ReadContext,
    Record,
    Skipped,
    Span,
    build_text,
    iter_json,
    media_kind,
    parse_twitter_date,
    twitter_url,
)


def _indices(item: dict[str, Any]) -> tuple[int, int]:
    start, end = item["indices"][:2]
    return int(start), int(end)


def entity_spans(entities: dict[str, Any], media: list[dict[str, Any]]) -> list[Span]:
    """Spans of a v1.1 ``entities`` object (hashtags, cashtags, mentions, urls, media)."""
    spans: list[Span] = []
    for item in entities.get("hashtags") or []:
        start, end = _indices(item)
        spans.append(Span(start, end, "hashtag", item["text"], expect="#" + item["text"]))
    for item in entities.get("symbols") or []:
        start, end = _indices(item)
        spans.append(Span(start, end, "cashtag", item["text"], expect="$" + item["text"]))
    for item in entities.get("user_mentions") or []:
        start, end = _indices(item)
        name = item["screen_name"]
        spans.append(Span(start, end, "mention", name, expect="@" + name))
    for item in entities.get("urls") or []:
        start, end = _indices(item)
        expanded = item.get("expanded_url") or item["url"]
        spans.append(Span(start, end, "url", expanded, item.get("display_url") or "",
                          expect=item["url"]))
    seen: set[tuple[int, int]] = set()
    for item in media or entities.get("media") or []:
        start, end = _indices(item)
        if (start, end) not in seen:
            seen.add((start, end))
            spans.append(Span(start, end, "media", "", expect=item.get("url", "")))
    return spans


def media_of(items: list[dict[str, Any]]) -> list[Media]:
    """Remote media of a tweet: kept as URLs, marked missing (nothing fetches them)."""
    result = []
    for item in items:
        large = (item.get("sizes") or {}).get("large") or item.get("original_info") or {}
        result.append(Media(
            url=item.get("media_url_https") or item.get("media_url") or "",
            alt=item.get("ext_alt_text") or "",
            kind=media_kind(str(item.get("type") or "")),
            width=int(large.get("w") or large.get("width") or 0),
            height=int(large.get("h") or large.get("height") or 0),
            missing=True,
        ))
    return result


def coordinates_of(obj: dict[str, Any]) -> tuple[float, float] | None:
    """``coordinates`` is GeoJSON (lon, lat); the deprecated ``geo`` is (lat, lon)."""
    point = obj.get("coordinates")
    if isinstance(point, dict) and point.get("coordinates"):
        lon, lat = point["coordinates"][:2]
        return (float(lat), float(lon))
    geo = obj.get("geo")
    if isinstance(geo, dict) and geo.get("coordinates"):
        lat, lon = geo["coordinates"][:2]
        return (float(lat), float(lon))
    return None


def tweet_to_post(obj: dict[str, Any], context: ReadContext,
                  handle: str = "", name: str = "", archive: bool = False) -> Post | Skipped:
    """One v1.1 tweet (or archive tweet) as a Post, or the reason it is left out.

    The archive keeps no ``retweeted_status``: there a retweet is only its "RT @" text.
    """
    if obj.get("retweeted_status") is not None:
        return Skipped("retweet")
    user = obj.get("user") or {}
    if user.get("protected") is True:
        return Skipped("protected")
    source = obj.get("extended_tweet") or obj
    escaped = source.get("full_text") or source.get("text") or ""
    if archive and escaped.startswith("RT @"):
        return Skipped("retweet")
    entities = source.get("entities") or {}
    media_items = ((source.get("extended_entities") or {}).get("media")
                   or entities.get("media") or [])
    text, found = build_text(escaped, entity_spans(entities, media_items))
    post_id = str(obj.get("id_str") or obj["id"])
    author = handle or user.get("screen_name") or ""
    return Post(
        id=post_id,
        network="twitter",
        author=author,
        author_name=name or user.get("name") or "",
        date=parse_twitter_date(obj["created_at"], context.tz),
        text=text,
        url=twitter_url(author, post_id),
        entities=found,
        media=media_of(media_items),
        reply_to=str(obj.get("in_reply_to_status_id_str") or ""),
        quote_of=str(obj.get("quoted_status_id_str") or ""),
        lang=str(obj.get("lang") or ""),
        coordinates=coordinates_of(obj),
        source=context.source,
        metrics=metrics.twitter_v1(obj),
    )


def records(obj: Any, context: ReadContext, line: int) -> Iterator[Record]:
    """Records of one JSON value: a tweet, a delete notice, a search response…"""
    if not isinstance(obj, dict):
        yield Malformed(context.label, line, "expected a JSON object")
        return
    if "statuses" in obj and isinstance(obj["statuses"], list):
        for item in obj["statuses"]:
            yield from records(item, context, line)
        return
    if "delete" in obj:
        status = (obj["delete"] or {}).get("status") or {}
        if status.get("id_str") or status.get("id"):
            yield Deleted("twitter", str(status.get("id_str") or status.get("id")))
        return
    if not (obj.get("id_str") or obj.get("id")):
        yield Skipped("not a post")
        return
    try:
        yield tweet_to_post(obj, context)
    except (KeyError, ValueError, TypeError, IndexError) as error:
        yield Malformed(context.label, line, f"tweet {obj.get('id_str', '?')}: "
                        f"missing or bad field {error}")


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    for item in iter_json(path, context.label):
        if isinstance(item, Malformed):
            yield item
            continue
        line, obj = item
        yield from records(obj, context, line)
