"""The one record every stage passes: a post, whatever network it came from.

Readers of exports (``sources/``) produce :class:`Post`; curation writes it to the
editors' Markdown file (``postfile``); the site and the book read it back from there.
Nothing downstream of ``sources/`` ever sees an export format.

Offsets in :class:`Entity` are **code points of the final, unescaped text** stored in
``Post.text``: the readers translate whatever unit their format uses (escaped code
points for Twitter, UTF-8 bytes for Bluesky) so that renderers can slice ``text``
directly.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timezone
from typing import Any, Literal, TypeVar

Network = Literal["twitter", "mastodon", "bluesky"]
Status = Literal["new", "candidate", "selected", "withdrawn"]
Consent = Literal["unknown", "granted", "refused"]
EntityKind = Literal["hashtag", "mention", "url", "cashtag"]

_Record = TypeVar("_Record")  # a record class of this module, for :func:`_blank`

NETWORKS: tuple[str, ...] = ("twitter", "mastodon", "bluesky")
# "new": landed by a re-import, not yet looked at (the triage shows these first); a
# candidate otherwise, in every rule.
STATUSES: tuple[str, ...] = ("new", "candidate", "selected", "withdrawn")
CONSENTS: tuple[str, ...] = ("unknown", "granted", "refused")

# A frozen dataclass's own __init__ sets each field through object.__setattr__, one
# call per field: several times the cost of filling the new instance's __dict__,
# which is all that __init__ ends up doing. The readers build an entity or two and
# a Metrics for every post of an export, so those two classes also have ``make``, a
# constructor that fills the __dict__ directly: the same instance, made faster.
_new = object.__new__


@dataclass(frozen=True)
class Entity:
    """A linked span of the text: ``text[start:end]`` is what the reader sees.

    ``value`` is the hashtag without ``#``, the handle without ``@`` (with its
    ``@domain`` on Mastodon), or the expanded URL; ``display`` is the short form a URL
    is shown as (Twitter's ``display_url``); ``href`` is the address a mention points
    to on its own network when the source gives it.
    """

    kind: EntityKind
    start: int
    end: int
    value: str
    display: str = ""
    href: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.kind,
            "start": self.start,
            "end": self.end,
            "value": self.value,
        }
        if self.display:
            data["display"] = self.display
        if self.href:
            data["href"] = self.href
        return data

    @classmethod
    def make(cls, kind: EntityKind, start: int, end: int, value: str, display: str = "",
             href: str = "") -> Entity:
        """``Entity(kind, start, end, value, display, href)``, without the frozen
        __init__'s call per field (see :data:`_new`): what the readers call for
        every entity of every post. Still frozen, equal and hashed as one made by
        ``Entity(...)``: only the way its fields are first set differs."""
        entity = _new(cls)
        fields = entity.__dict__
        fields["kind"] = kind
        fields["start"] = start
        fields["end"] = end
        fields["value"] = value
        fields["display"] = display
        fields["href"] = href
        return entity

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            kind=data["type"],
            start=int(data["start"]),
            end=int(data["end"]),
            value=str(data.get("value", "")),
            display=str(data.get("display", "")),
            href=str(data.get("href", "")),
        )


MEDIA_KINDS: tuple[str, ...] = ("photo", "video", "gif", "audio")


@dataclass
class Media:
    """A photo, video, animated GIF or sound attached to a post.

    ``file`` is relative to ``content/`` when the file was in the export; otherwise
    ``url`` keeps the remote address and ``missing`` is true so that nothing tries
    to fetch it at build time. ``kind`` is one of :data:`MEDIA_KINDS` (written as
    ``type``, and only when not ``photo``, so photo entries read as they always did);
    a ``gif`` is an animation without sound, whatever its file (Twitter and Mastodon
    turn GIFs into MP4). ``poster`` is the still image shown for a video or a GIF
    (relative to ``content/``, made at import); a video without one has none.
    """

    file: str = ""
    url: str = ""
    alt: str = ""
    kind: str = "photo"
    poster: str = ""
    width: int = 0
    height: int = 0
    missing: bool = False
    caption: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.file:
            data["file"] = self.file
        if self.url:
            data["url"] = self.url
        data["alt"] = self.alt
        if self.kind != "photo":
            data["type"] = self.kind
        if self.poster:
            data["poster"] = self.poster
        if self.width and self.height:
            data["width"] = self.width
            data["height"] = self.height
        if self.missing:
            data["missing"] = True
        if self.caption:
            data["caption"] = self.caption
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Media:
        return cls(
            file=str(data.get("file") or ""),
            url=str(data.get("url") or ""),
            alt=str(data.get("alt") or ""),
            kind=str(data.get("type") or "photo"),
            poster=str(data.get("poster") or ""),
            width=int(data.get("width") or 0),
            height=int(data.get("height") or 0),
            missing=bool(data.get("missing", False)),
            caption=str(data.get("caption") or ""),
        )


@dataclass(frozen=True)
class Metrics:
    """How often the post was shared and liked on its network, as its export counted
    them (retweets or boosts or reposts; likes or favourites): a figure of the day the
    export was made, not of the day itself. ``None`` is a count the export did not
    carry (a Twitter archive of one's own tweets, a Mastodon outbox): not a zero.
    """

    reposts: int | None = None
    likes: int | None = None

    def to_dict(self) -> dict[str, int]:
        return {k: v for k, v in (("reposts", self.reposts), ("likes", self.likes))
                if v is not None}

    @property
    def total(self) -> int:
        return (self.reposts or 0) + (self.likes or 0)

    @classmethod
    def make(cls, reposts: int | None, likes: int | None) -> Metrics:
        """``Metrics(reposts, likes)``, made as :meth:`Entity.make` makes an entity:
        every post a reader yields with counts has one."""
        metrics = _new(cls)
        fields = metrics.__dict__
        fields["reposts"] = reposts
        fields["likes"] = likes
        return metrics


@dataclass
class Declaimed:
    """Where and when a crier read the post aloud."""

    place: str
    time: str

    def to_dict(self) -> dict[str, str]:
        return {"place": self.place, "time": self.time}


@dataclass
class Post:
    """One post, in local time, with its text verbatim.

    ``date`` is timezone-aware and already in the day's zone. ``text`` is the
    post's own text, unescaped, with t.co links replaced by their display form and
    the trailing media link removed. Editorial fields (``status``, ``place``,
    ``consent``, ``book``, ``note``, ``featured``, ``declaimed``) are the editors';
    the rest comes from the export; ``metrics``, the export's counts, is refreshed by
    every import.
    """

    id: str
    network: Network
    author: str
    date: datetime
    text: str
    url: str = ""
    author_name: str = ""
    entities: list[Entity] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    place: str = ""
    status: Status = "candidate"
    consent: Consent = "unknown"
    book: bool = True
    featured: bool = False
    declaimed: Declaimed | None = None
    note: str = ""
    reply_to: str = ""
    quote_of: str = ""
    lang: str = ""
    coordinates: tuple[float, float] | None = None
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    metrics: Metrics | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What makes two records the same post, across files and formats."""
        return (self.network, self.id)

    @property
    def slug(self) -> str:
        """The post's name in file names and web addresses: its id for a tweet (the
        files and addresses as they have always been), ``<network>-<id>`` for the other
        networks, whose ids may be a tweet's (a Mastodon note can carry any id): two
        posts never share a file, a page or a media file, whatever ids they claim."""
        return self.id if self.network == "twitter" else f"{self.network}-{self.id}"

    @property
    def hashtags(self) -> list[str]:
        return [e.value for e in self.entities if e.kind == "hashtag"]

    @property
    def mentions(self) -> list[str]:
        return [e.value for e in self.entities if e.kind == "mention"]

    def visible(self, show_candidates: bool) -> bool:
        """Whether the post is on the site: selected, or a candidate in a preview that
        shows them; never when withdrawn or when its author refused. The one rule the
        site, the search index, the figures and ``inventaire stats`` follow."""
        if self.consent == "refused":
            return False
        return self.status == "selected" or (self.candidate and show_candidates)

    @property
    def candidate(self) -> bool:
        """Not decided yet: a candidate, or a new post a re-import brought in."""
        return self.status in ("candidate", "new")

    def printable(self, require_consent: bool) -> bool:
        """Whether the post goes in the book: selected, meant for it (``book``), not
        refused; when consent is required, only with ``consent: granted``."""
        if self.status != "selected" or not self.book or self.consent == "refused":
            return False
        return not require_consent or self.consent == "granted"

    def sort_key(self) -> tuple[datetime, str, str]:
        """Time order, then a stable tie-break so every output is reproducible."""
        return (instant(self.date), self.network, self.id.zfill(24))

    def copy(self) -> Post:
        """An equal post that shares nothing a change could reach: its lists, media,
        ``declaimed`` and ``extra`` are its own; what it shares cannot change (strings,
        dates, frozen entities and metrics, tuples). The preview's builder hands each
        build such a copy of the posts it keeps parsed (``site/readmemo.py``): about
        a third of the cost of unpickling one, and no build can change the next one's."""
        new = _blank(Post, self)
        new.entities = list(self.entities)
        new.media = [_blank(Media, media) for media in self.media]
        if self.declaimed is not None:
            new.declaimed = _blank(Declaimed, self.declaimed)
        new.extra = deepcopy(self.extra) if self.extra else {}
        return new


def _blank(cls: type[_Record], source: _Record) -> _Record:
    """A new ``cls`` with ``source``'s fields, the same objects (a shallow copy)."""
    made = _new(cls)
    made.__dict__.update(source.__dict__)
    return made


def instant(when: datetime) -> datetime:
    """``when`` in UTC if its zone is a fixed offset (``+02:00``, as every post file
    writes it), as it is otherwise: it compares with any other date exactly as
    ``when`` does, only faster.

    Python compares two dates of one ``tzinfo`` object field by field, and two of
    different objects by their instants, asking each its offset. A fixed offset makes
    both the same order, and every post read from its file carries its own offset
    object: sorting a day of 10,000 posts took three times as long by their dates as
    by these, which share one. A date of a named zone (``Europe/Paris``) is left as
    it is: two of the same zone are compared field by field, which differs from their
    instants around a change of summer time."""
    if not isinstance(when.tzinfo, timezone):
        return when
    try:
        return when.astimezone(UTC)
    except OverflowError:  # the first or last day a datetime can hold
        return when
