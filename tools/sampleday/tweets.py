"""One tweet of the sample as segments, rendered two ways.

A tweet is written once as a list of segments (plain text, hashtags, mentions,
links). From it come both the final :class:`inventaire.core.model.Post` text (unescaped,
links shown by their ``display_url``, code-point offsets into that text) and the
export text (HTML-escaped, links as ``t.co``, offsets into the escaped text), so
that importing the exports gives back exactly the posts written to ``content/``.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime

TWEPOCH_MS = 1288834974657
TCO_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Tag:
    tag: str


@dataclass(frozen=True)
class Mention:
    handle: str


@dataclass(frozen=True)
class Link:
    expanded: str
    display: str
    tco: str


Segment = Text | Tag | Mention | Link


@dataclass
class Photo:
    """A photo of the city account: the drawn scene, its names and its alt text."""

    scene: str
    place: str
    alt: str
    media_id: str
    name: str
    tco: str
    width: int = 1800
    height: int = 1200

    @property
    def media_key(self) -> str:
        return f"3_{self.media_id}"


@dataclass
class Tweet:
    """A tweet of the day, plus the editors' decisions about it."""

    id: str
    author: str
    date: datetime
    segments: list[Segment]
    kind: str = "post"  # post | retweet | reply | quote
    ref: Tweet | None = None
    photos: list[Photo] = field(default_factory=list)
    coordinates: tuple[float, float] | None = None
    place: str = ""
    intended_place: str = ""
    quality: int = 0
    status: str = ""
    featured: bool = False
    consent: str = "granted"
    declaimed: tuple[str, str] | None = None
    note: str = ""
    likes: int = 0
    source: str = ""

    @property
    def created_at(self) -> str:
        """v2 form: ISO 8601 in UTC with (always zero) milliseconds."""
        return self.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    @property
    def created_at_v1(self) -> str:
        """v1.1 / archive form, with English names whatever the locale."""
        utc = self.date.astimezone(UTC)
        days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec")
        return (f"{days[utc.weekday()]} {months[utc.month - 1]} {utc:%d %H:%M:%S} +0000 "
                f"{utc.year}")


def escape(text: str) -> str:
    """Twitter's escaping: only ``&``, ``<`` and ``>``, never quotes."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Span:
    """An entity of a rendered text: kind, code-point range, value, display."""

    kind: str
    start: int
    end: int
    value: str
    display: str = ""
    tco: str = ""


def render(segments: list[Segment], exported: bool) -> tuple[str, list[Span]]:
    """The text and its entities, either final (Post) or as exported (escaped, t.co)."""
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    for segment in segments:
        if isinstance(segment, Text):
            piece = escape(segment.text) if exported else segment.text
        elif isinstance(segment, Tag):
            piece = "#" + segment.tag
            spans.append(Span("hashtag", position, position + len(piece), segment.tag))
        elif isinstance(segment, Mention):
            piece = "@" + segment.handle
            spans.append(Span("mention", position, position + len(piece), segment.handle))
        else:
            piece = segment.tco if exported else segment.display
            spans.append(Span("url", position, position + len(piece), segment.expanded,
                              segment.display, segment.tco))
        parts.append(piece)
        position += len(piece)
    return "".join(parts), spans


def export_text(tweet: Tweet) -> tuple[str, list[Span]]:
    """The text as the API delivers it: escaped, t.co links, media link at the end.

    A retweet is "RT @author: " + the original's text, cut at 140 characters with
    "…" like the API does; entities cut by the limit are dropped.
    """
    if tweet.kind == "retweet" and tweet.ref is not None:
        head: list[Segment] = [Text("RT "), Mention(tweet.ref.author), Text(": ")]
        text, spans = render(head + tweet.ref.segments, exported=True)
        if len(text) > 140:
            text = text[:139] + "…"
            spans = [s for s in spans if s.end <= 139]
        return text, spans
    text, spans = render(tweet.segments, exported=True)
    for photo in tweet.photos[:1]:
        start = len(text) + 1
        text = f"{text} {photo.tco}"
        spans.append(Span("media", start, len(text), photo.media_key,
                          f"pic.twitter.com/{photo.tco.rsplit('/', 1)[1]}", photo.tco))
    return text, spans


def tco(rng: random.Random) -> str:
    return "https://t.co/" + "".join(rng.choice(TCO_ALPHABET) for _ in range(10))


def display_url(url: str) -> str:
    """Twitter's display form: no scheme, no ``www.``, long ones cut with "…"."""
    short = url.split("://", 1)[-1]
    short = short.removeprefix("www.")
    return short if len(short) <= 27 else short[:26] + "…"


def link(rng: random.Random, url: str) -> Link:
    return Link(url, display_url(url), tco(rng))


def snowflake(rng: random.Random, date: datetime, used: set[str]) -> str:
    """A 2013-style id: milliseconds since Twitter's epoch, worker, sequence."""
    millis = int(date.timestamp()) * 1000 + rng.randrange(1000)
    while True:
        value = ((millis - TWEPOCH_MS) << 22) | (rng.randrange(1024) << 12) | rng.randrange(16)
        if str(value) not in used:
            used.add(str(value))
            return str(value)
