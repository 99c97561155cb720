"""Which posts belong to the day: 00:00–24:00 local time, and the day's hashtags.

Which day and hashtags, when the command line does not say, is
:func:`inventaire.core.day.load_day`'s answer, as for the site and the book; this
module only applies them. Readers already give dates in the day's zone, so the day
is a comparison of local dates; the bounds are computed with ``zoneinfo`` (a DST day
lasts 23 or 25 hours). Duplicates of the same post from several files are merged
here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from inventaire.core.model import Post
from inventaire.importer.sources.common import EXTRA_TAGS, LOCAL_MEDIA
from inventaire.importer.sources.edits import EDIT_VERSION


@dataclass
class DayFilter:
    """The day and its hashtags (without ``#``, matched case-insensitively)."""

    day: date
    tz: tzinfo
    hashtags: list[str] = field(default_factory=list)
    skip_unlisted: bool = False  # Mastodon posts kept off public timelines by their author

    def __post_init__(self) -> None:
        self.start = datetime.combine(self.day, time(0), self.tz)
        self.end = datetime.combine(self.day + timedelta(days=1), time(0), self.tz)
        self.folded = {tag.lstrip("#").casefold() for tag in self.hashtags if tag.strip("#")}
        self.pattern = re.compile(
            "#(?:" + "|".join(re.escape(t) for t in sorted(self.folded)) + r")(?!\w)",
            re.IGNORECASE) if self.folded else None

    def reason(self, post: Post) -> str:
        """Why the post is left out ('outside the day', 'hashtag'), or ''."""
        if not self.start <= post.date < self.end:
            return "outside the day"
        if self.folded and not self.has_hashtag(post):
            return "hashtag"
        if self.skip_unlisted and post.extra.get("visibility") == "unlisted":
            return "unlisted"
        return ""

    def has_hashtag(self, post: Post) -> bool:
        tags = [e.value for e in post.entities if e.kind == "hashtag"]
        tags += post.extra.get(EXTRA_TAGS) or []
        if any(tag.casefold() in self.folded for tag in tags):
            return True
        return bool(self.pattern and self.pattern.search(post.text))


def merge_duplicates(kept: Post, other: Post) -> Post:
    """One post from two copies: local media over remote, the longest text, no gaps.

    Two versions of an edited post (a reader's ``EDIT_VERSION``): the newer's text,
    the older's time (the post's, not the edit's)."""
    newer = other.extra.get(EDIT_VERSION, 1) - kept.extra.get(EDIT_VERSION, 1)
    if newer:
        base, second = (other, kept) if newer > 0 else (kept, other)
    else:
        base, second = (kept, other) if len(kept.text) >= len(other.text) else (other, kept)
    merged = replace(base, extra=dict(base.extra))
    if newer:
        merged.date = min(base.date, second.date)
    for name in ("url", "author", "author_name", "reply_to", "quote_of", "lang", "source"):
        if not getattr(merged, name):
            setattr(merged, name, getattr(second, name))
    if merged.coordinates is None:
        merged.coordinates = second.coordinates
    if not merged.entities and second.entities and merged.text == second.text:
        merged.entities = second.entities
    local_base = base.extra.get(LOCAL_MEDIA) or {}
    local_second = second.extra.get(LOCAL_MEDIA) or {}
    if len(local_second) > len(local_base) or not merged.media:
        merged.media = list(second.media) if second.media else list(base.media)
        if local_second:
            merged.extra[LOCAL_MEDIA] = local_second
    for index, item in enumerate(merged.media):
        if not item.alt:
            others = [m.alt for m in (second.media if merged.media is not second.media
                                      else base.media)]
            if index < len(others) and others[index]:
                merged.media[index] = replace(item, alt=others[index])
    tags = [*(base.extra.get(EXTRA_TAGS) or []), *(second.extra.get(EXTRA_TAGS) or [])]
    if tags:
        merged.extra[EXTRA_TAGS] = tags
    return merged
