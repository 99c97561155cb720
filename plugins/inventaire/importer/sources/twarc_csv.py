"""twarc-csv files: one tweet per row, written by three generations of twarc-csv.

The generation is told from the header (:func:`generation`), because each writes
retweets, references and entities its own way (docs/formats.md, « twarc-csv »):

* **0.3.x**: references in one ``referenced_tweets`` column (a JSON list of ``{type,
  id}``), a ``type`` column on the rows of referenced tweets it inlined, retweets as
  their own "RT @x: …" rows; entities whole (``{start, end, url, expanded_url…}``);
* **0.4–0.6**: ``referenced_tweets.<type>.id`` columns; a retweet row carries the
  original's text; entities whole;
* **0.7 and later**: as 0.4, plus ``retweeted_username`` and ``edit_history_tweet_ids``;
  entities reduced to strings (``["#tag"]``, the expanded URLs, the ``display_url``
  of media): no offsets, no t.co pairs.

A list cell is JSON, or a Python ``repr`` (pandas writes lists that way when they
were not JSON-encoded): both are read, so no link becomes a fragment of a list.
Whole entities are placed by their offsets like API v2's; strings are paired with the
text's t.co links in order (several photos share one link: their repeated value is
one), then the other entities are found again with the twitter-text rules. twarc-csv
writes every line break as the two characters ``\\n``.

An edited tweet is one row per version collected, each listing the whole history in
``edit_history_tweet_ids``: a row that is not the last of its list is left out, the
others are read under the original's id, address and time (:func:`.edits.as_original`,
as API v2's reader does), so the CSV and the JSON lines it was made from give the same
post.

A row whose field count differs from the header's (a file cut short, a stray quote)
is ``FILE:LINE`` and never imported. CSV files of users, lists, counts or compliance
are refused with one line that says what they are.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from inventaire.core.model import Entity, Media, Post
from inventaire.importer.sources import metrics
from inventaire.importer.sources.common import (
    TOO_DEEP,
    Malformed,
    ReadContext,
    Record,
    Skipped,
    build_text,
    display_url,
    media_kind,
    not_utf8,
    parse_iso_date,
    simple_entities,
    twitter_url,
    unescape_twitter,
)
from inventaire.importer.sources.edits import as_original, history_of, older_version
from inventaire.importer.sources.twitter_v2 import entity_spans

TCO = re.compile(r"https?://t\.co/[A-Za-z0-9]+")


def _list(cell: str | None) -> list[Any]:
    """A list cell: JSON, else a Python ``repr`` (read safely), else the cell itself."""
    if not cell:
        return []
    try:
        value = json.loads(cell)
    except json.JSONDecodeError:
        value = cell
        if cell[:1] in "[{" and len(cell) < 1_000_000:
            try:
                value = ast.literal_eval(cell)
            except (ValueError, SyntaxError, MemoryError):
                value = cell
    return value if isinstance(value, list) else [value]


# Header → what the file holds; twarc-csv converts these other twarc2 outputs too.
OTHER_KINDS = (
    ({"start", "end", "tweet_count"}, "tweet counts (twarc2 counts)"),
    ({"owner_id", "member_count"}, "lists (twarc2 lists)"),
    ({"action", "redacted_at"}, "compliance events"),
    ({"username", "followers_count"}, "users (twarc2 users/followers)"),
    ({"username", "public_metrics.followers_count"}, "users (twarc2 users/followers)"),
)


def generation(fields: list[str]) -> str:
    """``"0.3"``, ``"0.4"`` or ``"0.7"`` from a header; raises ``ValueError`` with what
    the file is when it holds no tweets."""
    names = set(fields)
    if "id" in names and "text" in names and "created_at" in names:
        if "retweeted_username" in names or "edit_history_tweet_ids" in names:
            return "0.7"
        if "referenced_tweets.retweeted.id" in names:
            return "0.4"
        if "referenced_tweets" in names:
            return "0.3"
        return "0.7"
    for needed, kind in OTHER_KINDS:
        if needed <= names:
            raise ValueError(f"this CSV holds {kind}, not tweets; import the tweets' "
                             "file instead (twarc2 search/timeline, then twarc2 csv)")
    missing = ", ".join(n for n in ("id", "text", "created_at") if n not in names)
    raise ValueError(f"the header has no {missing} column: not a CSV of tweets written "
                     "by twarc-csv; export the tweets again with twarc2 csv")


def _is_media(value: str) -> bool:
    return value.startswith(("pic.twitter.com/", "pic.x.com/")) or "/photo/" in value \
        or "/video/" in value


def rebuild_text(raw: str, urls: list[str]) -> tuple[str, dict[str, str]]:
    """The shown text and a map display → expanded URL for the links put back.

    ``urls`` are 0.7's strings, one per URL entity: the photos of one post share one
    t.co link and each has its entry, so a repeated media value stands for one link
    (else every later link is paired with the wrong value: a quote with two photos
    lost its quote link).
    """
    text = raw.replace("\\n", "\n")
    urls = [u for i, u in enumerate(urls) if not (i and _is_media(u) and u == urls[i - 1])]
    shown: dict[str, str] = {}
    pieces: list[str] = []
    position = 0
    matches = list(TCO.finditer(text))
    for index, match in enumerate(matches):
        pieces.append(unescape_twitter(text[position:match.start()]))
        position = match.end()
        expanded = urls[index] if index < len(urls) else ""
        if expanded and _is_media(expanded):
            if not text[match.end():].strip() or text[match.end():match.end() + 1].isspace():
                pieces = ["".join(pieces).rstrip()]  # no double space where it was
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


def _whole_entities(row: dict[str, str]) -> dict[str, list[Any]] | None:
    """0.3–0.6's entities as API v2 has them (with offsets), or None (0.7's strings)."""
    found: dict[str, list[Any]] = {}
    for kind in ("hashtags", "cashtags", "mentions", "urls"):
        items = _list(row.get(f"entities.{kind}"))
        if items and not all(isinstance(i, dict) and "start" in i for i in items):
            return None
        found[kind] = items
    return found


def _text_and_entities(row: dict[str, str]) -> tuple[str, list[Entity]]:
    raw = row.get("text") or ""
    whole = _whole_entities(row)
    if whole is not None and any(whole.values()):
        return build_text(raw.replace("\\n", "\n"), entity_spans(whole))
    if whole is not None:  # no entity at all: nothing to pair
        text = unescape_twitter(raw.replace("\\n", "\n"))
        return text, _entities(text, {})
    text, shown = rebuild_text(raw, [str(u) for u in _list(row.get("entities.urls"))])
    return text, _entities(text, shown)


def _references(row: dict[str, str]) -> dict[str, str]:
    """``{type: id}`` of a row's referenced tweets, whatever the generation."""
    found = {kind: row.get(f"referenced_tweets.{kind}.id") or ""
             for kind in ("replied_to", "quoted", "retweeted")}
    for item in _list(row.get("referenced_tweets")):  # 0.3.x: one JSON column
        if isinstance(item, dict) and item.get("type") and item.get("id"):
            found[str(item["type"])] = str(item["id"])
    return found


def row_to_post(row: dict[str, str], context: ReadContext) -> Post | Skipped:
    references = _references(row)
    if references["retweeted"] or row.get("retweeted_username"):
        return Skipped("retweet")
    if (row.get("author.protected") or "").lower() == "true":
        return Skipped("protected")
    history = history_of(_list(row.get("edit_history_tweet_ids")))
    post_id = (row.get("id") or "").strip()
    if not post_id.isdigit():
        raise ValueError(f"id: {post_id!r} is not a tweet id (a spreadsheet may have "
                         "turned it into a number: export the CSV again)")
    if older_version(history, post_id):
        return Skipped("older version")
    handle = (row.get("author.username") or "").strip()
    if not handle:
        raise ValueError("author.username is empty: the row lacks its author (twarc2 "
                         "was run without expansions?); export the tweets again")
    if not row.get("created_at"):
        raise ValueError("created_at is empty; export the tweets again")
    text, entities = _text_and_entities(row)
    media = [Media(url=item.get("url") or item.get("preview_image_url") or "",
                   alt=item.get("alt_text") or "",
                   kind=media_kind(str(item.get("type") or "")),
                   width=int(item.get("width") or 0),
                   height=int(item.get("height") or 0), missing=True)
             for item in _list(row.get("attachments.media")) if isinstance(item, dict)]
    coordinates = None
    point = _list(row.get("geo.coordinates.coordinates"))
    if len(point) == 2:
        coordinates = (float(point[1]), float(point[0]))
    post = Post(
        id=post_id, network="twitter", author=handle,
        author_name=row.get("author.name") or "",
        date=parse_iso_date(row["created_at"], context.tz),
        text=text, url=twitter_url(handle, post_id), entities=entities,
        media=media, reply_to=references["replied_to"], quote_of=references["quoted"],
        lang=row.get("lang") or "", coordinates=coordinates, source=context.source,
        metrics=metrics.twarc_csv(row),
    )
    return as_original(post, history, context.tz)


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
        try:
            generation(list(fieldnames or ()))
        except ValueError as error:
            yield Malformed(context.label, 1, str(error))
            return
        width = len(fieldnames or ())
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
            # DictReader puts extra fields under None and fills missing ones with None.
            extra = row.pop(None, None) or ()
            count = width + len(extra) - sum(1 for v in row.values() if v is None)
            if count != width:
                yield Malformed(context.label, first, (
                    f"the row has {count} fields where the header has {width}: the file "
                    "is cut short or the row is damaged; nothing imported from this row "
                    "— export the CSV again"))
                continue
            try:
                yield row_to_post(row, context)
            except RecursionError:
                yield Malformed(context.label, first, TOO_DEEP)
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                yield Malformed(context.label, first, f"bad row: {error}")
