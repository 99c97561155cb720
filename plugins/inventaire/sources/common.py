"""What every reader shares: the records it yields, dates, JSON streaming, Twitter text.

A reader is a function ``read(path, context) -> Iterator[Record]``. Besides
:class:`~inventaire.model.Post` it yields :class:`Malformed` (a bad record, reported as
``FILE:LINE: what is wrong``), :class:`Skipped` (a record deliberately left out, with
the reason counted in the summary) and :class:`Deleted` (a delete notice). Files found
inside an export (archive media) travel with the post in ``post.extra["_local_media"]``
until curation copies them; keys starting with ``_`` are never written to disk.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Entity, Post

LOCAL_MEDIA = "_local_media"
EXTRA_TAGS = "_tags"


@dataclass(frozen=True)
class Malformed:
    """A record that could not be read; the rest of the file still is."""

    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


@dataclass(frozen=True)
class Skipped:
    """A record left out on purpose (retweet, protected, private…)."""

    reason: str


@dataclass(frozen=True)
class Deleted:
    """A delete notice: the author removed this post, so we never publish it."""

    network: str
    id: str


Record = Post | Malformed | Skipped | Deleted


@dataclass
class ReadContext:
    """What a reader needs besides the file: the day's zone and the name to record."""

    tz: tzinfo
    source: str = ""
    label: str = ""


@dataclass(frozen=True)
class LocalFile:
    """A media file inside an export (a folder or a zip member), read only when kept."""

    name: str
    opener: Callable[[], bytes]

    def read(self) -> bytes:
        return self.opener()


# ---------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


def parse_twitter_date(value: str, tz: tzinfo) -> datetime:
    """``Thu Mar 04 15:16:17 +0000 2021`` without locale-dependent ``strptime``."""
    parts = value.split()
    if len(parts) != 6 or parts[1] not in _MONTHS:
        raise ValueError(f"created_at {value!r} is not a Twitter date")
    hour, minute, second = (int(x) for x in parts[3].split(":"))
    offset = parts[4]
    when = datetime(int(parts[5]), _MONTHS[parts[1]], int(parts[2]), hour, minute, second,
                    tzinfo=UTC)
    if offset not in ("+0000", "-0000"):
        sign = -1 if offset[0] == "-" else 1
        when -= sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5]))
    return when.astimezone(tz)


def parse_iso_date(value: str, tz: tzinfo) -> datetime:
    """ISO 8601 with ``Z`` or an offset; a date without zone is taken as UTC."""
    parsed = datetime.fromisoformat(value.strip())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(tz)


# ---------------------------------------------------------------------------- JSON

def iter_json(path: Path, label: str) -> Iterator[tuple[int, Any] | Malformed]:
    """Objects of a JSON or JSONL file with their line numbers, streaming JSONL.

    A file whose first line is not a whole JSON value is read as one JSON document
    (a single API response, pretty-printed); a top-level list gives its items.
    """
    with path.open("r", encoding="utf-8-sig") as handle:
        first = handle.readline()
        while first and not first.strip():
            first = handle.readline()
        stripped = first.strip()
        whole = False
        if stripped:
            try:
                value = json.loads(stripped)
            except json.JSONDecodeError:
                whole = True
            else:
                if isinstance(value, list):
                    whole = True
        if whole:
            handle.seek(0)
            try:
                document = json.load(handle)
            except json.JSONDecodeError as error:
                yield Malformed(label, error.lineno, f"invalid JSON: {error.msg}")
                return
            if isinstance(document, list):
                for item in document:
                    yield (1, item)
            else:
                yield (1, document)
            return
    loads = json.loads
    with path.open("r", encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield (number, loads(line))
            except json.JSONDecodeError as error:
                yield Malformed(label, number, f"invalid JSON: {error.msg} (column {error.colno})")


# ------------------------------------------------------------------ Twitter text

def unescape_twitter(piece: str) -> str:
    """Twitter escapes exactly ``& < >``; decode those and nothing else."""
    if "&" not in piece:
        return piece
    return piece.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class Span(NamedTuple):
    """An entity in the escaped text, before the text is rebuilt.

    ``kind`` is an :class:`Entity` kind or ``"media"`` (the link to remove). A named
    tuple rather than a dataclass: readers make several per post on the hot path.
    """

    start: int
    end: int
    kind: str
    value: str
    display: str = ""
    expect: str = ""


def _locate(text: str, span: Span) -> Span | None:
    """Check ``text[start:end]`` against the entity; search nearby when the indices lie."""
    if not span.expect:
        return span if 0 <= span.start < span.end <= len(text) else None
    found = text[span.start:span.end]
    if found == span.expect or found.casefold() == span.expect.casefold():
        return span
    length = len(span.expect)
    folded, target = text.casefold(), span.expect.casefold()
    best = -1
    position = folded.find(target)
    while position != -1:
        if best == -1 or abs(position - span.start) < abs(best - span.start):
            best = position
        position = folded.find(target, position + 1)
    if best == -1:
        return None
    return Span(best, best + length, span.kind, span.value, span.display, span.expect)


def build_text(escaped: str, spans: list[Span]) -> tuple[str, list[Entity]]:
    """The final text and its entities from escaped text and code-point spans.

    Slices first, then unescapes each piece; URLs are shown as their display form, the
    media link (and the whitespace before it, when it ends the post) is removed.
    """
    located: list[Span] = []
    for span in spans:
        # Fast path: the indices point at the expected text (nearly always true).
        if span.expect and escaped[span.start:span.end] == span.expect:
            located.append(span)
            continue
        checked = _locate(escaped, span)
        if checked is not None:
            located.append(checked)
    located.sort()
    out: list[str] = []
    length = 0
    entities: list[Entity] = []
    position = 0
    for span in located:
        if span.start < position:
            continue  # overlapping or duplicate (multi-photo media share indices)
        piece = escaped[position:span.start]
        if "&" in piece:
            piece = unescape_twitter(piece)
        out.append(piece)
        length += len(piece)
        position = span.end
        if span.kind == "media":
            if not escaped[span.end:].strip():
                kept = "".join(out).rstrip()
                out, length = [kept], len(kept)
            continue
        if span.kind == "url":
            shown = span.display or span.value
            display = span.display
        else:
            shown = unescape_twitter(escaped[span.start:span.end])
            display = ""
        out.append(shown)
        entities.append(Entity(span.kind, length, length + len(shown),  # type: ignore[arg-type]
                               span.value, display))
        length += len(shown)
    out.append(unescape_twitter(escaped[position:]))
    return "".join(out), entities


def twitter_url(handle: str, post_id: str) -> str:
    return f"https://twitter.com/{handle}/status/{post_id}"


def display_url(url: str) -> str:
    """How Twitter shows an expanded URL: no scheme nor ``www.``, cut after 26 characters.

    Only an approximation for exports that lost ``display_url`` (twarc-csv).
    """
    shown = url.split("://", 1)[-1]
    shown = shown[4:] if shown.startswith("www.") else shown
    return shown if len(shown) <= 27 else shown[:26] + "…"


# ----------------------------------------------------------------- folders and zips

class Tree:
    """A folder or a zip archive, read the same way (names use ``/``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        if path.is_dir():
            self.names = sorted(p.relative_to(path).as_posix()
                                for p in path.rglob("*") if p.is_file())
        else:
            self.zip = zipfile.ZipFile(path)
            self.names = sorted(n for n in self.zip.namelist() if not n.endswith("/"))

    def find(self, suffix: str) -> str | None:
        """The shortest name equal to ``suffix`` or ending with ``/suffix``."""
        hits = [n for n in self.names if n == suffix or n.endswith("/" + suffix)]
        return min(hits, key=len) if hits else None

    def read_bytes(self, name: str) -> bytes:
        if self.zip is not None:
            return self.zip.read(name)
        return (self.path / name).read_bytes()

    def read_text(self, name: str) -> str:
        return self.read_bytes(name).decode("utf-8-sig")

    def local(self, name: str) -> LocalFile:
        return LocalFile(name, lambda: self.read_bytes(name))


def simple_entities(text: str) -> list[Entity]:
    """Entities found in plain text with the twitter-text rules (lazy import)."""
    from ..text import twitter_text

    return list(twitter_text.extract_entities(text))
