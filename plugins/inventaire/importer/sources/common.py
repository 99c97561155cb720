"""What every reader shares: the records it yields, dates, JSON streaming, Twitter text.

A reader is a function ``read(path, context) -> Iterator[Record]``. Besides
:class:`~inventaire.core.model.Post` it yields :class:`Malformed` (a bad record, reported as
``FILE:LINE: what is wrong``), :class:`Skipped` (a record deliberately left out, with
the reason counted in the summary), :class:`Deleted` (a delete notice) and
:class:`Refused` (a part of an export left out for safety: an archive member that
climbs out, is a link or is a zip bomb) and :class:`Notice` (a post imported, but
something about it needs the editors: an ambiguous long text, say). Files found
inside an export (archive media) travel with the post in ``post.extra["_local_media"]``
until curation copies them; keys starting with ``_`` are never written to disk.
"""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from inventaire.core.model import Entity, Post
from inventaire.importer.sources.limits import ArchiveLimits
from inventaire.importer.sources.tarball import TarArchive, TarProblem, is_tar

LOCAL_MEDIA = "_local_media"
# The export's own still of a video (index of the media → file), where it has one.
LOCAL_POSTERS = "_local_posters"
EXTRA_TAGS = "_tags"

# Each network's word for a kind of media, as the editors' file says it
# (``Media.kind``): Twitter's ``animated_gif`` and Mastodon's ``gifv`` are GIFs
# turned into silent MP4 loops; an image of any network is a photo.
_MEDIA_KINDS = {"photo": "photo", "image": "photo", "video": "video", "animated_gif": "gif",
                "gifv": "gif", "gif": "gif", "audio": "audio"}


def media_kind(export_type: str, default: str = "photo") -> str:
    """The editors' file's kind for a network's media type (``default`` when empty).

    A type none of them writes is kept as it is, lower-cased: nothing unknown is
    taken for a photo and printed.
    """
    if type(export_type) is str:
        # The network's own word, as it nearly always comes: no need to clean it.
        known = _MEDIA_KINDS.get(export_type)
        if known:
            return known
    word = str(export_type or "").strip().lower()
    return _MEDIA_KINDS.get(word, word) if word else default


@dataclass(frozen=True)
class Malformed:
    """A record that could not be read; the rest of the file still is."""

    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


@dataclass(frozen=True)
class Refused:
    """Part of an export left out because reading it would be unsafe; exit status 1."""

    path: str
    what: str
    level: str = "warning"

    def __str__(self) -> str:
        return f"{self.path}: {self.level}: {self.what}"


@dataclass(frozen=True)
class Notice:
    """A post was imported but something about it needs the editors; exit status 1.

    Not :class:`Malformed`: the post is written, and the summary must not count it
    as skipped. The exit status says the import was not fully faithful.
    """

    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.what}"


@dataclass(frozen=True)
class Skipped:
    """A record left out on purpose (retweet, protected, private…)."""

    reason: str


@dataclass(frozen=True)
class Deleted:
    """A delete notice: the author removed this post, so we never publish it."""

    network: str
    id: str


Record = Post | Malformed | Skipped | Deleted | Refused | Notice


@dataclass
class ReadContext:
    """What a reader needs besides the file: the day's zone and the name to record."""

    tz: tzinfo
    source: str = ""
    label: str = ""
    limits: ArchiveLimits = field(default_factory=ArchiveLimits)  # one archive, in all


@dataclass(frozen=True)
class LocalFile:
    """A media file inside an export (a folder or a zip member), read only when kept."""

    name: str
    opener: Callable[[], bytes]
    where: str = ""

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
    """ISO 8601 with ``Z`` or an offset; a date without zone is taken as UTC.

    A large export's posts share their seconds (a busy day writes several a second,
    in time order): a string already read is not parsed and converted again.
    """
    if type(value) is str:
        parsed = _iso_date_in(value, tz)
        # Zones equal but not the same (two fixed offsets of different names) share
        # a key in the cache: the date must carry the very zone asked for.
        if parsed.tzinfo is tz:
            return parsed
    return _iso_date(value, tz)


@lru_cache(maxsize=1024)
def _iso_date_in(value: str, tz: tzinfo) -> datetime:
    return _iso_date(value, tz)


def _iso_date(value: str, tz: tzinfo) -> datetime:
    parsed = datetime.fromisoformat(value.strip())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(tz)


# ---------------------------------------------------------------------------- JSON

_BOM = b"\xef\xbb\xbf"
TOO_DEEP = ("JSON nested too deeply to be a post (a JSON bomb?); skipped — "
            "check that this is the export you meant")


def not_utf8(label: str, error: UnicodeDecodeError, data: bytes, first_line: int = 1
             ) -> Malformed:
    """``FILE:LINE: not UTF-8 …`` for the first bad byte of ``data``."""
    line = first_line + data.count(b"\n", 0, error.start)
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    return Malformed(label, line, f"not UTF-8 (byte 0x{data[error.start]:02x} at column "
                     f"{column}); re-save the export as UTF-8")


# Bytes → "0" for a digit, " " for anything else: a run of 20 digits is then found by
# one search. orjson reads an integer beyond 64 bits (20 digits and more) as a float.
_DIGITS = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))
_LONG_NUMBER = b"0" * 20


def loads_line(raw: bytes) -> Any:
    """One JSON value from bytes: orjson's parse, or the standard library's.

    orjson parses a twarc2 page in half the time. It refuses some input that
    ``json`` takes (a lone surrogate escape, ``NaN``, a nesting deeper than 1,024)
    and stops at what ``json`` stops at (bytes that are not UTF-8, bad syntax);
    either way the line is parsed again by ``json``, so every error message is the
    standard library's. A line with a run of 20 digits goes to ``json`` directly:
    orjson would read such an integer as a float and lose its last digits.
    """
    if _LONG_NUMBER not in raw.translate(_DIGITS):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return json.loads(raw.decode("utf-8"))


def _whole_json(data: bytes, label: str) -> Any:
    """One JSON document from bytes, or the :class:`Malformed` that says why not."""
    try:
        text = data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        return not_utf8(label, error, data.removeprefix(_BOM))
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        return Malformed(label, error.lineno, f"invalid JSON: {error.msg}")
    except RecursionError:
        return Malformed(label, 1, TOO_DEEP)


def iter_json(path: Path, label: str) -> Iterator[tuple[int, Any] | Malformed]:
    """Objects of a JSON or JSONL file with their line numbers, streaming JSONL.

    A file whose first line is not a whole JSON value is read as one JSON document
    (a single API response, pretty-printed); a top-level list gives its items.
    Lines are read as bytes and decoded one by one, so a line that is not UTF-8 or
    nests too deeply (a JSON bomb) is reported on its own and the others still read.
    """
    with path.open("rb") as handle:
        first = handle.readline()
        while first and not first.strip():
            first = handle.readline()
        stripped = first.strip().removeprefix(_BOM)
        whole = False
        if stripped:
            try:
                value = json.loads(stripped.decode("utf-8"))
            except UnicodeDecodeError:
                pass  # reported line by line below
            except json.JSONDecodeError:
                whole = True
            except RecursionError:
                pass  # a one-line bomb: reported line by line below
            else:
                whole = isinstance(value, list)
        if whole:
            handle.seek(0)
            document = _whole_json(handle.read(), label)
            if isinstance(document, Malformed):
                yield document
            elif isinstance(document, list):
                for item in document:
                    yield (1, item)
            else:
                yield (1, document)
            return
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number == 1:
                raw = raw.removeprefix(_BOM)
            if not raw.strip():
                continue
            result: tuple[int, Any] | Malformed
            try:
                result = (number, loads_line(raw))
            except UnicodeDecodeError as error:
                result = not_utf8(label, error, raw, number)
            except json.JSONDecodeError as error:
                result = Malformed(label, number,
                                   f"invalid JSON: {error.msg} (column {error.colno})")
            except RecursionError:
                result = Malformed(label, number, TOO_DEEP)
            yield result


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
    Each span is unpacked once into locals: every reader runs this for every post,
    and a named tuple's fields read by name cost more than the work itself.
    """
    make_entity = Entity.make
    located: list[Span] = []
    for span in spans:
        start, end, _kind, _value, _display, expect = span
        # Fast path: the indices point at the expected text (nearly always true).
        if expect and escaped[start:end] == expect:
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
        start, end, kind, value, display, _expect = span
        if start < position:
            continue  # overlapping or duplicate (multi-photo media share indices)
        piece = escaped[position:start]
        if "&" in piece:
            piece = unescape_twitter(piece)
        out.append(piece)
        length += len(piece)
        position = end
        if kind == "media":
            # At the end, or followed by a space: the space before it goes too (a
            # media link in the middle would leave two spaces).
            if not escaped[end:].strip() or escaped[end:end + 1].isspace():
                kept = "".join(out).rstrip()
                out, length = [kept], len(kept)
            continue
        if kind == "url":
            shown = display or value
        else:
            shown = escaped[start:end]
            if "&" in shown:
                shown = unescape_twitter(shown)
            display = ""
        out.append(shown)
        entities.append(make_entity(kind, length,  # type: ignore[arg-type]
                                    length + len(shown), value, display))
        length += len(shown)
    rest = escaped[position:]
    out.append(unescape_twitter(rest) if "&" in rest else rest)
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

MAX_MEMBER_BYTES = 512 * 1024 * 1024
"""No archive member is inflated beyond this, whatever its header says."""
MAX_RATIO = 100
"""Members that inflate more than this many times their compressed size are refused…"""
RATIO_FLOOR = 4 * 1024 * 1024
"""…once they pass this size (small files of repeated bytes compress very well)."""


class ArchiveError(ValueError):
    """A member we refuse to read (zip bomb, damaged); the message names archive and member."""


def unsafe_member(info: zipfile.ZipInfo) -> str:
    """Why reading this member by its name would be unsafe, or "" when it is not."""
    name = info.filename
    if info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "has an absolute path"
    if ".." in re.split(r"[/\\]", name):
        return "climbs out of the archive (..)"
    return ""


class Tree:
    """A folder, a zip or a tar archive, read the same way (names use ``/``).

    Nothing is ever extracted: members are read into memory by name. Still, members
    whose name climbs out (``../``), is absolute, or that are symbolic links (in a zip
    or a folder) are left out and listed in :attr:`refused`, so the editors learn the
    archive is odd; members are read through a bounded reader that stops at
    :data:`MAX_MEMBER_BYTES` or :data:`MAX_RATIO` times their compressed size, so a
    zip bomb (even one whose header lies about its size) is never inflated. Tar
    archives get the same guards (:mod:`.tarball`); one that cannot be listed safely
    raises :class:`ArchiveError`, and so does an archive whose members are too many or
    inflate to too much in all (:mod:`.limits`), before anything is read from it.
    """

    def __init__(self, path: Path, label: str = "", limits: ArchiveLimits | None = None
                 ) -> None:
        self.path = path
        self.label = label or str(path)
        self.limits = limits or ArchiveLimits()
        self.inflated = 0  # bytes really inflated from the archive's members so far
        self.zip: zipfile.ZipFile | None = None
        self.tar: TarArchive | None = None
        self.refused: list[Refused] = []
        names: list[str] = []
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                for entry in sorted([*dirs, *files]):
                    full = Path(folder, entry)
                    if full.is_symlink():
                        self._refuse(full.relative_to(path).as_posix(), "is a symbolic link")
                    elif entry in files and full.is_file():
                        names.append(full.relative_to(path).as_posix())
        elif not zipfile.is_zipfile(path) and is_tar(path):
            try:
                self.tar = TarArchive(path, MAX_MEMBER_BYTES, self.limits)
            except TarProblem as error:
                raise ArchiveError(str(error)) from None
            for name, reason in self.tar.refused:
                self._refuse(name, reason)
            names = self.tar.names
        else:
            self.zip = zipfile.ZipFile(path)
            self._check_totals(self.zip.infolist())
            for info in self.zip.infolist():
                reason = unsafe_member(info)
                if reason:
                    self._refuse(info.filename, reason)
                elif not info.is_dir():
                    names.append(info.filename)
        self.names = sorted(names)

    def _member_limit(self, info: zipfile.ZipInfo) -> int:
        return min(MAX_MEMBER_BYTES, max(RATIO_FLOOR, MAX_RATIO * info.compress_size))

    def _check_totals(self, infos: list[zipfile.ZipInfo]) -> None:
        """Refuse the whole zip when its members are too many or say they inflate to
        too much in all; a member beyond its own limit is refused when read, and not
        counted here."""
        declared = sum(i.file_size for i in infos if i.file_size <= self._member_limit(i))
        refusal = self.limits.refusal(len(infos), declared, self.path.stat().st_size)
        if refusal:
            if self.zip is not None:
                self.zip.close()
            raise ArchiveError(refusal)

    def _refuse(self, name: str, reason: str) -> None:
        self.refused.append(Refused(self.label, f"member {name!r} {reason}; ignored, "
                                    "nothing read from it"))

    def find(self, suffix: str) -> str | None:
        """The shortest name equal to ``suffix`` or ending with ``/suffix``."""
        hits = [n for n in self.names if n == suffix or n.endswith("/" + suffix)]
        return min(hits, key=len) if hits else None

    def read_bytes(self, name: str) -> bytes:
        if self.tar is not None:
            try:
                return self.tar.read_bytes(name)
            except TarProblem as error:
                raise ArchiveError(str(error)) from None
        if self.zip is None:
            return (self.path / name).read_bytes()
        info = self.zip.getinfo(name)
        limit = self._member_limit(info)
        if info.file_size > limit:
            raise self._bomb(info, info.file_size, limit)
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > limit:
                        raise self._bomb(info, total, limit, declared=False)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                RuntimeError) as error:
            raise ArchiveError(f"member {name!r} cannot be read ({error}); "
                               "re-download the archive") from None
        self.inflated += total  # headers may lie: what was really inflated counts
        refusal = self.limits.refusal(0, self.inflated, self.path.stat().st_size,
                                      "inflate to more than")
        if refusal:
            raise ArchiveError(refusal)
        return b"".join(chunks)

    def _bomb(self, info: zipfile.ZipInfo, size: int, limit: int,
              declared: bool = True) -> ArchiveError:
        said = "says it inflates to" if declared else "inflates to more than"
        return ArchiveError(
            f"member {info.filename!r} {said} {size:,} bytes from {info.compress_size:,} "
            f"compressed, beyond the {limit:,} allowed (a zip bomb?); refused, not "
            "inflated — unzip it yourself and import the folder if you trust it")

    def read_text(self, name: str) -> str:
        return self.read_bytes(name).decode("utf-8-sig")

    def local(self, name: str) -> LocalFile:
        return LocalFile(name, lambda: self.read_bytes(name), self.label)


def simple_entities(text: str) -> list[Entity]:
    """Entities found in plain text with the twitter-text rules (lazy import)."""
    from inventaire.core.text import twitter_text

    return list(twitter_text.extract_entities(text))


def open_tree(path: Path, label: str, limits: ArchiveLimits | None = None
              ) -> Generator[Record, None, Tree | None]:
    """The archive at ``path`` as a :class:`Tree`, after the notices of what it refused;
    ``None`` (with the notice that says why) when it cannot be read at all. Used as
    ``tree = yield from open_tree(path, label)`` by the readers of archives."""
    try:
        tree = Tree(path, label, limits)
    except ArchiveError as error:
        yield Refused(label, str(error), "error")
        return None
    except (OSError, zipfile.BadZipFile) as error:
        yield Malformed(label, 1, f"cannot open the archive: {error}; it may be cut "
                        "short — download it again")
        return None
    yield from tree.refused
    return tree
