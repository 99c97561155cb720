"""Long posts of a Twitter archive: each note of ``note-tweet.js`` to its own tweet.

A post over 280 characters is cut in ``tweets.js``; its whole text is a "note" in
``note-tweet.js``, under an id of its own (``noteTweetId``) and with its own
``createdAt``. Matching by creation second alone is wrong: a client posting a thread
puts several tweets in one second, and one post would print another's words. So a
note goes to a tweet only

1. by reference, when the tweet names its note (``note_tweet`` in the shapes other
   tools write: ``{noteTweetId}``, ``{id}`` or GraphQL's
   ``{note_tweet_results: {result: {id}}}``, whose id may be base64 of
   ``NoteTweet:<id>``); else
2. by text and time: the tweet looks cut (it ends with ``…``, or links to its own
   ``twitter.com/i/web/status/<id>``), the note's text begins with the tweet's text
   (links and spacing aside), and the note was created within :data:`WINDOW` of the
   tweet. Among several such notes, those of the very same second are preferred;
   notes with the same text are one. Anything else is **ambiguous**: reported, and the
   tweet keeps its cut text. A note wanted by two tweets is given to neither.

See docs/formats.md, « Twitter archive ».
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inventaire.importer.sources.common import Span, unescape_twitter

WINDOW = 60
"""Seconds between a tweet's ``created_at`` and its note's ``createdAt`` at most."""

_URL = re.compile(r"https?://\S+")
_SPACES = re.compile(r"\s+")
_ELLIPSIS = ("…", "...")


@dataclass(frozen=True)
class Note:
    """One note of ``note-tweet.js``: its text as Twitter escapes it, and its spans."""

    id: str
    created: int  # Unix seconds
    escaped: str
    spans: tuple[Span, ...]
    key: str  # the text without links nor spacing, for prefix tests


@dataclass(frozen=True)
class Match:
    """The outcome for one tweet: its note, or why there is none (``problem``)."""

    note: Note | None = None
    problem: str = ""


def comparable(escaped: str) -> str:
    """Text reduced to what a cut tweet and its note share: no links, one space."""
    return _SPACES.sub(" ", _URL.sub(" ", unescape_twitter(escaped))).strip()


def note_of(item: Any) -> Note | None:
    """A :class:`Note` from one item of ``note-tweet.js`` (None when it is no note)."""
    note = item.get("noteTweet") if isinstance(item, dict) else None
    if not isinstance(note, dict) or not note.get("createdAt"):
        return None
    core = note.get("core") or {}
    spans = [Span(int(h["fromIndex"]), int(h["toIndex"]), "hashtag", h["text"],
                  expect="#" + h["text"]) for h in core.get("hashtags") or ()]
    for item_ in core.get("mentions") or ():
        name = item_.get("screenName") or item_.get("screen_name") or ""
        spans.append(Span(int(item_["fromIndex"]), int(item_["toIndex"]), "mention", name,
                          expect="@" + name))
    spans += [Span(int(u["fromIndex"]), int(u["toIndex"]), "url",
                   u.get("expandedUrl") or u.get("shortUrl") or "",
                   u.get("displayUrl") or "", expect=u.get("shortUrl") or "")
              for u in core.get("urls") or ()]
    text = str(core.get("text") or "")
    created = int(datetime.fromisoformat(note["createdAt"]).timestamp())
    return Note(str(note.get("noteTweetId") or ""), created, text, tuple(spans),
                comparable(text))


def note_reference(tweet: dict[str, Any]) -> str:
    """The id of the note a tweet names, or "" (archives so far name none)."""
    ref = tweet.get("note_tweet")
    found: Any = tweet.get("noteTweetId") or ""
    if isinstance(ref, dict):
        result = ((ref.get("note_tweet_results") or {}).get("result") or {})
        found = ref.get("noteTweetId") or ref.get("note_tweet_id") or ref.get("id") \
            or result.get("id") or result.get("rest_id") or found
    found = str(found or "")
    if found and not found.isdigit():
        try:  # GraphQL ids are base64 of "NoteTweet:<id>"
            decoded = base64.b64decode(found, validate=True).decode("ascii")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return found
        found = decoded.rpartition(":")[2]
    return found


def looks_cut(tweet: dict[str, Any]) -> bool:
    """Whether a tweet's text was cut for a note: a trailing ``…`` or a self link."""
    own = f"/i/web/status/{tweet.get('id_str') or tweet.get('id')}"
    for url in (tweet.get("entities") or {}).get("urls") or ():
        if str(url.get("expanded_url") or "").endswith(own):
            return True
    text = _URL.sub("", str(tweet.get("full_text") or "")).rstrip()
    return text.endswith(_ELLIPSIS)


def tweet_key(escaped: str) -> str:
    """The cut tweet's text as a prefix of its note's: no trailing ``…`` nor links."""
    key = comparable(escaped)
    for mark in _ELLIPSIS:
        key = key.removesuffix(mark)
    return key.rstrip()


class Notes:
    """The notes of an archive, and the rules that give each to its tweet."""

    def __init__(self, notes: list[Note]) -> None:
        self.by_id = {n.id: n for n in notes if n.id}
        self.by_second: dict[int, list[Note]] = defaultdict(list)
        for note in notes:
            self.by_second[note.created].append(note)

    def __bool__(self) -> bool:
        return bool(self.by_second)

    def _candidates(self, key: str, when: int) -> list[Note]:
        if not key:
            return []  # never by time alone
        near: list[tuple[int, Note]] = []
        for second in range(when - WINDOW, when + WINDOW + 1):
            near.extend((abs(second - when), note) for note in self.by_second.get(second, ())
                        if len(note.key) > len(key) and note.key.startswith(key))
        if not near:
            return []
        exact = [n for d, n in near if d == 0]
        chosen = exact or [n for _d, n in near]
        unique: dict[str, Note] = {}
        for note in chosen:
            unique.setdefault(note.key, note)
        return list(unique.values())

    def match(self, tweets: list[tuple[str, datetime, dict[str, Any]]]) -> dict[str, Match]:
        """For each ``(id, date, tweet)`` that has or wants a note, its :class:`Match`."""
        found: dict[str, Match] = {}
        wanted: dict[str, list[Note]] = {}
        for post_id, date, tweet in tweets:
            reference = note_reference(tweet)
            if reference:
                note = self.by_id.get(reference)
                found[post_id] = Match(note) if note else Match(problem=(
                    f"names its long text (note {reference}), which note-tweet.js does "
                    "not hold; kept the cut text"))
                continue
            if not self or not looks_cut(tweet):
                continue
            candidates = self._candidates(tweet_key(str(tweet.get("full_text") or "")),
                                          int(date.timestamp()))
            if len(candidates) == 1:
                wanted[post_id] = candidates
            elif candidates:
                ids = ", ".join(n.id or "?" for n in candidates)
                found[post_id] = Match(problem=(
                    f"its long text could be any of {len(candidates)} notes of "
                    f"note-tweet.js ({ids}: same beginning, same time); kept the cut "
                    "text — paste the right one into the editors' file"))
        claims: dict[int, list[str]] = defaultdict(list)
        for post_id, (note,) in wanted.items():
            claims[id(note)].append(post_id)
        for post_id, (note,) in wanted.items():
            rivals = claims[id(note)]
            if len(rivals) == 1:
                found[post_id] = Match(note)
            else:
                others = ", ".join(r for r in rivals if r != post_id)
                found[post_id] = Match(problem=(
                    f"its long text (note {note.id or '?'}) fits tweet(s) {others} as well; "
                    "kept the cut text — paste the right one into the editors' file"))
        return found
