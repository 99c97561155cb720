"""Twitter API v2: single responses, twarc2 JSONL pages and flattened lines.

A twarc2 line is one response page; its ``includes`` (users, media, places) are
page-scoped, so each page gets its own small lookup tables. We do not call
``twarc.expansions.flatten``: it rebuilds and copies every tweet with all its
expansions, which costs more than the JSON parsing itself on a 200,000-post file, and
we only need four lookups. Flattened lines (``twarc2 flatten``) carry the same data
in place and are read by the same function.

An edit is a new tweet with a new id, listing every version's id in
``edit_history_tweet_ids`` (oldest first). A version that is not the last of its own
list (a lookup of the original after the edit) is left out; the others are read
under the *original's* id and address, with the original's time, ``edited: true``
and their place in the history (:func:`.edits.as_original`, shared with the archive
and twarc-csv): the edit then merges into the post already imported (``inventaire
live``'s watched folder) or into the other versions of the same export (the import
keeps the newest version's text), instead of landing as a second post.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from inventaire.core.model import Media, Post
from inventaire.importer.sources import metrics
from inventaire.importer.sources.common import (
    Malformed,
    ReadContext,
    Record,
    Skipped,
    Span,
    build_text,
    iter_json,
    media_kind,
    parse_iso_date,
    twitter_url,
)
from inventaire.importer.sources.edits import as_original, history_of, older_version

# A span straight from its six fields: the named tuple's own constructor is a Python
# function (it fills defaults), run four times a post on the hot path.
_new_span = tuple.__new__

# Calling a class with keywords costs CPython (3.11) a dict of them, built for
# type.__call__ and unpacked again for __init__: as much as the rest of the
# construction. What that call does is run the class's own __init__ on a bare
# instance: done here directly for the post and its media, made for every tweet.
# (No more than 30 arguments and keyword names in a call, or CPython passes them
# as a dict again.)
_bare = object.__new__
_init_post = Post.__init__
_init_media = Media.__init__


def entity_spans(entities: dict[str, Any]) -> list[Span]:
    """The spans of a v2 ``entities`` object, hashtags, cashtags, mentions, then URLs.

    Fields are read in that order, item by item, so a malformed entity is reported by
    the first missing or bad field, as it always was.
    """
    spans: list[Span] = []
    append = spans.append
    for item in entities.get("hashtags") or ():
        append(_new_span(Span, (item["start"], item["end"], "hashtag", tag := item["tag"],
                                "", "#" + tag)))
    for item in entities.get("cashtags") or ():
        append(_new_span(Span, (item["start"], item["end"], "cashtag", tag := item["tag"],
                                "", "$" + tag)))
    for item in entities.get("mentions") or ():
        append(_new_span(Span, (item["start"], item["end"], "mention",
                                name := item["username"], "", "@" + name)))
    for item in entities.get("urls") or ():
        display = item.get("display_url") or ""
        if item.get("media_key") or display.startswith("pic.twitter.com/"):
            append(_new_span(Span, (item["start"], item["end"], "media", "", "",
                                    item["url"])))
        else:
            append(_new_span(Span, (item["start"], item["end"], "url",
                                    item.get("expanded_url") or item["url"], display,
                                    item["url"])))
    return spans


def _media(item: dict[str, Any]) -> Media:
    get = item.get
    width, height = get("width"), get("height")
    media = _bare(Media)
    _init_media(
        media,
        url=get("url") or get("preview_image_url") or "",
        alt=get("alt_text") or "",
        kind=media_kind(str(get("type") or "")),
        width=width if type(width) is int else int(width or 0),
        height=height if type(height) is int else int(height or 0),
        missing=True,
    )
    return media


class Page:
    """The lookup tables of one response page (empty for flattened lines)."""

    __slots__ = ("media", "users")

    def __init__(self, includes: dict[str, Any] | None) -> None:
        includes = includes or {}
        self.users = {u["id"]: u for u in includes.get("users") or () if "id" in u}
        self.media = {m["media_key"]: m for m in includes.get("media") or ()
                      if "media_key" in m}


# What a tweet without some object reads instead: only ever read, never filled.
_NOTHING: dict[str, Any] = {}


def tweet_to_post(tweet: dict[str, Any], page: Page, context: ReadContext) -> Post | Skipped:
    """One v2 tweet (page-scoped or flattened) as a Post, or why it is left out.

    Every field is read once and in the same order whatever the tweet holds, so a
    malformed tweet is reported by the same first bad field.
    """
    post_id = tweet["id"]
    references = tweet.get("referenced_tweets")
    kinds = {r.get("type"): r.get("id") for r in references} if references else _NOTHING
    if "retweeted" in kinds:
        return Skipped("retweet")
    ids = tweet.get("edit_history_tweet_ids")
    # Nearly every tweet's history is itself alone: never edited, nothing to read as
    # another version (``None``); any other history is read as ids.
    history = None if type(post_id) is str and ids == [post_id] else history_of(ids)
    if history is not None and older_version(history, post_id):
        return Skipped("older version")
    author = tweet.get("author") or page.users.get(tweet.get("author_id", "")) or {}
    if author.get("protected") is True:
        return Skipped("protected")
    note = tweet.get("note_tweet")
    if note and note.get("text"):
        escaped, entities = note["text"], note.get("entities") or {}
        media_spans = [s for s in entity_spans(tweet.get("entities") or _NOTHING)
                       if s.kind == "media"]
        spans = [*entity_spans(entities), *[s for s in media_spans if s.expect in escaped]]
    else:
        escaped = tweet.get("text") or ""
        spans = entity_spans(tweet.get("entities") or _NOTHING)
    text, found = build_text(escaped, spans)
    attachments = tweet.get("attachments") or _NOTHING
    items = attachments.get("media")
    if not isinstance(items, list):
        media = page.media
        items = [media[k] for k in attachments.get("media_keys") or () if k in media]
    coordinates = None
    geo = tweet.get("geo")
    point = geo.get("coordinates") if geo else None
    if isinstance(point, dict) and point.get("coordinates"):
        lon, lat = point["coordinates"][:2]
        coordinates = (float(lat), float(lon))
    handle = author.get("username") or ""
    post = _bare(Post)
    _init_post(
        post,
        post_id,  # id and network by position: 30 arguments and names at most
        "twitter",
        author=handle,
        author_name=author.get("name") or "",
        date=parse_iso_date(tweet["created_at"], context.tz),
        text=text,
        url=twitter_url(handle, post_id),
        entities=found,
        media=[_media(m) for m in items if m],
        reply_to=kinds.get("replied_to") or "",
        quote_of=kinds.get("quoted") or "",
        lang=tweet.get("lang") or "",
        coordinates=coordinates,
        source=context.source,
        metrics=metrics.twitter_v2(tweet),
    )
    return post if history is None else as_original(post, history, context.tz)


_EMPTY = Page(None)


def not_tweets(data: Any) -> str:
    """What a page's ``data`` holds when it is not tweets (twarc2 writes users, lists
    and counts in the same page shape), or "" for tweets and anything unknown."""
    first = data[0] if isinstance(data, list) and data else data
    if not isinstance(first, dict) or "text" in first:
        return ""
    if "tweet_count" in first:
        return "tweet counts (twarc2 counts)"
    if "username" in first:
        return "accounts (twarc2 users, followers, following…)"
    if "member_count" in first or "owner_id" in first or "follower_count" in first:
        return "lists (twarc2 lists)"
    return ""


class NotTweets(Exception):
    """A file of users, lists or counts: refused whole, with one line."""


def page_of(obj: Any, context: ReadContext, line: int
            ) -> tuple[Page, list[Any]] | Malformed | None:
    """The page of one JSON value (a ``data`` list or object, or a flat tweet) and its
    tweets; the :class:`Malformed` that says why it is not one; ``None`` for a value
    that holds no posts (errors only, counts, compliance). Raises :class:`NotTweets`
    for a page of users, lists or counts."""
    if not isinstance(obj, dict):
        return Malformed(context.label, line, "expected a JSON object")
    if "data" in obj:
        data = obj["data"]
        kind = not_tweets(data)
        if kind:
            raise NotTweets(f"this file holds {kind}, not tweets; nothing imported from "
                            "it — import the file of tweets (twarc2 search, timeline…)")
        return Page(obj.get("includes")), data if isinstance(data, list) else [data]
    if "id" in obj and "text" in obj:
        return _EMPTY, [obj]
    return None


def page_records(page: Page, tweets: list[Any], context: ReadContext, line: int
                 ) -> Iterator[Record]:
    """The records of one page's tweets: a post, a tweet left out, or a malformed one."""
    for tweet in tweets:
        try:
            yield tweet_to_post(tweet, page, context)
        except (KeyError, ValueError, TypeError, IndexError) as error:
            ident = tweet.get("id", "?") if isinstance(tweet, dict) else "?"
            yield Malformed(context.label, line, f"tweet {ident}: missing or bad field {error}")


def records(obj: Any, context: ReadContext, line: int) -> Iterator[Record]:
    """Records of one JSON value: a page (``data`` list or object) or a flat tweet."""
    found = page_of(obj, context, line)
    if isinstance(found, Malformed):
        yield found
    elif found is not None:
        yield from page_records(*found, context, line)


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    """The records of a twarc2 file, page after page.

    Chained from each page's own generator rather than yielded through one more: a
    tweet's record then passes through a single Python frame on its way out, and
    this is the path of every tweet of the file.
    """
    return chain.from_iterable(_pages(path, context))


def _pages(path: Path, context: ReadContext) -> Iterator[Iterable[Record]]:
    for item in iter_json(path, context.label):
        if isinstance(item, Malformed):
            yield (item,)
            continue
        line, obj = item
        try:
            found = page_of(obj, context, line)
        except NotTweets as error:
            yield (Malformed(context.label, line, str(error)),)
            return
        if isinstance(found, Malformed):
            yield (found,)
        elif found is not None:
            yield page_records(*found, context, line)
