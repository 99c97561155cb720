"""Edited tweets: one post under the original's id, whatever export it comes from.

An edit is a new tweet with a new id; every version lists the ids of the whole
history, oldest first (the first is the original): ``edit_history_tweet_ids`` in API
v2 and twarc-csv, ``edit_info`` in the archive's ``tweets.js`` (docs/formats.md).
Each reader keeps the newest version it has and hands it to :func:`as_original`,
which reads it under the *original's* id and address, with the original's time,
``edited: true`` and its place in the history (:data:`EDIT_VERSION`). So the same
edited tweet gives the same key and the same record from a twarc2 file, an archive
and a CSV: the import merges them into one post keeping the newest version's text
(``curation.day.merge_duplicates``), and ``inventaire live`` updates the original's
file instead of landing a second post.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, tzinfo

from inventaire.core.model import Post
from inventaire.importer.sources.common import twitter_url

# An edit's place in its history (2 for the first edit…), in the post's extra: of two
# versions of one post, the import keeps the newer (``curation.day.merge_duplicates``).
# Dropped before the editors' file is written, like every extra key starting with _.
EDIT_VERSION = "_edit_version"
# Twitter ids are "snowflakes": milliseconds since this epoch, shifted by 22 bits.
SNOWFLAKE_EPOCH_MS = 1288834974657
# A tweet can be edited for an hour after it is written; an original's time read from
# its id is believed only within this much before the edit's (else ids are not
# snowflakes, as in made-up test data, and the edit's own time is kept).
EDIT_WINDOW = timedelta(hours=2)


def history_of(ids: Iterable[object] | None) -> list[str]:
    """A version history as string ids (the archive and CSV may hold numbers)."""
    return [str(i) for i in ids or ()]


def older_version(history: Sequence[str], post_id: str) -> bool:
    """Whether this version is not the last of its own history: a lookup of an earlier
    version made after the edit, left out (the newest version carries the post)."""
    return bool(history) and history[-1] != post_id


def edit_of(history: Sequence[str], created: datetime, tz: tzinfo) -> datetime:
    """The time the original (``history[0]``) was written, read from its snowflake id;
    ``created`` (the edit's own time) when the id does not give a believable one."""
    try:
        written = datetime.fromtimestamp(
            ((int(history[0]) >> 22) + SNOWFLAKE_EPOCH_MS) // 1000, tz)
    except (ValueError, OverflowError, OSError, IndexError):
        return created
    return written if created - EDIT_WINDOW <= written <= created else created


def as_original(post: Post, history: Sequence[str], tz: tzinfo,
                written: datetime | None = None) -> Post:
    """``post`` (a version read under its own id) under its original's id and address.

    ``written``: the original's time when the export holds it (the archive's original
    tweet); else it is read from the original's id (:func:`edit_of`). A post that is
    its own original, or whose id its history does not name, is returned unchanged.
    """
    if len(history) < 2 or history[0] == post.id or post.id not in history:
        return post
    original = history[0]
    post.extra["edited"] = True
    post.extra[EDIT_VERSION] = history.index(post.id) + 1
    post.date = written or edit_of(history, post.date, tz)
    post.id = original
    post.url = twitter_url(post.author, original)
    return post
