"""twarc-csv files: one tweet per row, ids as strings, entities reduced to strings.

The CSV keeps no offsets and no t.co pairs: the t.co links of the text are paired
with ``entities.urls`` by order (a ``pic.twitter.com`` value marks the media link,
removed), the text is unescaped, then entities are found again with the
twitter-text rules. twarc-csv writes every line break as the two characters ``\\n``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from inventaire.core.model import Entity, Media, Post
from inventaire.importer.sources.common import (
    TOO_DEEP,
    Malformed,
    ReadContext,
    Record,
    Skipped,
    display_url,
    not_utf8,
    parse_iso_date,
    simple_entities,
    twitter_url,
    unescape_twitter,
)

TCO = re.compile(r"https?://t\.co/[A-Za-z0-9]+")


def _list(cell: str | None) -> list[Any]:
    if not cell:
        return []
    try:
        value = json.loads(cell)
    except json.JSONDecodeError:
        return [cell]
    return value if isinstance(value, list) else [value]


def _is_media(value: str) -> bool:
    return value.startswith(("pic.twitter.com/", "pic.x.com/")) or "/photo/" in value \
        or "/video/" in value


def rebuild_text(raw: str, urls: list[str]) -> tuple[str, dict[str, str]]:
    """The shown text and a map display → expanded URL for the links put back."""
    text = raw.replace("\\n", "\n")
    shown: dict[str, str] = {}
    pieces: list[str] = []
    position = 0
    matches = list(TCO.finditer(text))
    for index, match in enumerate(matches):
        pieces.append(unescape_twitter(text[position:match.start()]))
        position = match.end()
        expanded = urls[index] if index < len(urls) else ""
        if expanded and _is_media(expanded):
            if not text[match.end():].strip():
                kept = "".join(pieces).rstrip()
                pieces = [kept]
            continue
        if not expanded:
            pieces.append(match.group())
            continue
        display = display_url(expanded)
        shown[display] = expanded
        pieces.append(display)
    pieces.append(unescape_twitter(text[position:]))
    return "".join(pieces), shown


def _entities(text: str, shown: dict[str, str]) -> list[Entity]:
    found: list[Entity] = []
    for entity in simple_entities(text):
        if entity.kind == "url":
            continue
        found.append(entity)
    for display, expanded in shown.items():
        start = text.find(display)
        if start != -1:
            found.append(Entity("url", start, start + len(display), expanded, display))
    return sorted(found, key=lambda e: e.start)


def row_to_post(row: dict[str, str], context: ReadContext) -> Post | Skipped:
    if row.get("referenced_tweets.retweeted.id") or row.get("retweeted_username"):
        return Skipped("retweet")
    if (row.get("author.protected") or "").lower() == "true":
        return Skipped("protected")
    history = _list(row.get("edit_history_tweet_ids"))
    post_id = row["id"].strip()
    if not post_id.isdigit():
        raise ValueError(f"id {post_id!r} is not a tweet id")
    if history and str(history[-1]) != post_id:
        return Skipped("older version")
    text, shown = rebuild_text(row.get("text") or "", [str(u) for u in _list(
        row.get("entities.urls"))])
    handle = row.get("author.username") or ""
    media = []
    for item in _list(row.get("attachments.media")):
        if isinstance(item, dict):
            kind = str(item.get("type") or "photo")
            media.append(Media(url=item.get("url") or item.get("preview_image_url") or "",
                               alt=item.get("alt_text") or "",
                               kind="photo" if kind == "photo" else kind,
                               width=int(item.get("width") or 0),
                               height=int(item.get("height") or 0), missing=True))
    coordinates = None
    point = _list(row.get("geo.coordinates.coordinates"))
    if len(point) == 2:
        coordinates = (float(point[1]), float(point[0]))
    return Post(
        id=post_id, network="twitter", author=handle,
        author_name=row.get("author.name") or "",
        date=parse_iso_date(row["created_at"], context.tz),
        text=text, url=twitter_url(handle, post_id), entities=_entities(text, shown),
        media=media,
        reply_to=row.get("referenced_tweets.replied_to.id") or "",
        quote_of=row.get("referenced_tweets.quoted.id") or "",
        lang=row.get("lang") or "", coordinates=coordinates, source=context.source,
    )


def _decoded(handle: BinaryIO, label: str, bad: dict[int, Malformed]) -> Iterator[str]:
    """The file's lines as text; a line that is not UTF-8 is noted in ``bad``.

    Such a line is still passed on (with replacement characters) so the CSV reader
    keeps its place, and the row holding it is reported instead of imported.
    """
    for number, raw in enumerate(handle, 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad[number] = not_utf8(label, error, raw, number)
            yield raw.decode("utf-8", "replace")


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    bad: dict[int, Malformed] = {}
    with path.open("rb") as handle:
        reader = csv.DictReader(_decoded(handle, context.label, bad))
        try:
            fieldnames = reader.fieldnames
        except csv.Error as error:
            yield Malformed(context.label, reader.line_num, f"bad CSV: {error}")
            return
        if bad:
            yield from bad.values()
            return
        if not fieldnames or "id" not in fieldnames:
            yield Malformed(context.label, 1, "the header has no 'id' column")
            return
        last = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                yield Malformed(context.label, reader.line_num, f"bad CSV: {error}")
                return
            first, last = last + 1, reader.line_num
            broken = [bad.pop(n) for n in range(first, last + 1) if n in bad]
            if broken:
                yield broken[0]
                continue
            try:
                yield row_to_post(row, context)
            except RecursionError:
                yield Malformed(context.label, reader.line_num, TOO_DEEP)
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                yield Malformed(context.label, reader.line_num, f"bad row: {error}")
