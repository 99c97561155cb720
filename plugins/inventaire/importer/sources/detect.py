"""Which reader fits an export: by layout for folders and zips, by content for files.

Only the beginning of a file is looked at (the first few JSON lines), so detection
costs nothing on a large JSONL. ``--format`` bypasses all of this.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from inventaire.importer.sources import (
    bluesky,
    mastodon,
    twarc_csv,
    twitter_archive,
    twitter_v1,
    twitter_v2,
)
from inventaire.importer.sources.common import (
    MAX_MEMBER_BYTES,
    ReadContext,
    Record,
)
from inventaire.importer.sources.limits import ArchiveLimits
from inventaire.importer.sources.tarball import TarArchive, TarProblem, is_tar

Reader = Callable[[Path, ReadContext], Iterator[Record]]

READERS: dict[str, Reader] = {
    "twitter-v1": twitter_v1.read,
    "twitter-v2": twitter_v2.read,
    "twitter-archive": twitter_archive.read,
    "twarc-csv": twarc_csv.read,
    "mastodon": mastodon.read,
    "bluesky": bluesky.read,
}


class UnknownFormat(Exception):
    """The export matches none of the formats we read."""


def _by_names(names: list[str]) -> str | None:
    def has(suffix: str) -> bool:
        return any(n == suffix or n.endswith("/" + suffix) for n in names)

    if has("data/manifest.js") or has("data/tweets.js") or has("data/tweet.js") \
            or any(n.endswith(".js") and "tweets-part" in n for n in names):
        return "twitter-archive"
    if has("outbox.json"):
        return "mastodon"
    return None


def kind_of_json(obj: Any) -> str | None:
    """The format of one parsed JSON value, or None when it says nothing."""
    if isinstance(obj, list):
        for item in obj[:5]:
            kind = kind_of_json(item)
            if kind:
                return kind
        return None
    if not isinstance(obj, dict):
        return None
    if "data" in obj or ("errors" in obj and "meta" in obj):
        return "twitter-v2" if "data" in obj else None
    if "id_str" in obj or "delete" in obj or "statuses" in obj:
        return "twitter-v1"
    if "orderedItems" in obj:
        return "mastodon"
    if "visibility" in obj and "content" in obj and "account" in obj:
        return "mastodon"
    if "posts" in obj or "feed" in obj or "thread" in obj or \
            str(obj.get("uri", "")).startswith("at://"):
        return "bluesky"
    if "author_id" in obj or ("edit_history_tweet_ids" in obj and "text" in obj):
        return "twitter-v2"
    if "full_text" in obj or ("user" in obj and "created_at" in obj):
        return "twitter-v1"
    return None


def _json_kind(path: Path) -> str | None:
    with path.open("r", encoding="utf-8-sig", errors="replace") as handle:
        lines = []
        for _ in range(20):
            line = handle.readline()
            if not line:
                break
            if line.strip():
                lines.append(line)
    too_deep = UnknownFormat(f"{path}: the JSON is nested too deeply to be an export "
                             "(a JSON bomb?); nothing imported from it")
    parsed_a_line = False
    for line in lines:
        try:
            kind = kind_of_json(json.loads(line))
        except json.JSONDecodeError:
            break
        except RecursionError:
            raise too_deep from None
        parsed_a_line = True
        if kind:
            return kind
    try:
        with path.open("r", encoding="utf-8-sig") as handle:
            return kind_of_json(json.load(handle))
    except json.JSONDecodeError as error:
        if parsed_a_line:
            return None  # JSON lines, none of a known kind
        raise UnknownFormat(f"{path}:{error.lineno}: invalid JSON ({error.msg}, column "
                            f"{error.colno}); the file may be cut short — export it "
                            "again") from None
    except UnicodeDecodeError as error:
        raise UnknownFormat(f"{path}: not UTF-8 (byte 0x{error.object[error.start]:02x} at "
                            f"offset {error.start}); re-save the export as UTF-8") from None
    except RecursionError:
        raise too_deep from None


def detect(path: Path, limits: ArchiveLimits | None = None) -> str:
    """The format name of an export; raises :class:`UnknownFormat` with a sentence.
    A tar archive is listed within ``limits`` (the project's, :mod:`.limits`)."""
    if path.is_dir():
        names = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]
        kind = _by_names(names)
        if kind:
            return kind
        raise UnknownFormat(f"{path} is a folder that holds neither a Twitter archive "
                            "(data/manifest.js) nor a Mastodon archive (outbox.json)")
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        magic = handle.read(4)
    if suffix == ".zip" or magic == b"PK\x03\x04" or zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                kind = _by_names(archive.namelist())
        except (zipfile.BadZipFile, OSError) as error:
            raise UnknownFormat(
                f"{path} is a damaged zip file ({error}): it is probably cut short (an "
                "interrupted download?); download the archive again") from None
        if kind:
            return kind
        raise UnknownFormat(f"{path} is a zip file that holds neither a Twitter archive "
                            "(data/manifest.js) nor a Mastodon archive (outbox.json)")
    if path.name.lower().endswith((".tar.gz", ".tgz", ".tar")) or is_tar(path):
        try:
            listing = TarArchive(path, MAX_MEMBER_BYTES, limits or ArchiveLimits())
        except TarProblem as error:
            raise UnknownFormat(f"{path}: {error}") from None
        try:
            kind = _by_names(listing.names)
        finally:
            listing.close()
        if kind:
            return kind
        raise UnknownFormat(f"{path} is a tar archive that holds neither a Mastodon "
                            "archive (outbox.json) nor a Twitter archive")
    if suffix == ".car":
        return "bluesky"
    if path.name == "outbox.json":
        return "mastodon"
    with path.open("rb") as handle:
        head = handle.read(4096)
    if suffix == ".js" or head.lstrip().startswith(b"window."):
        return "twitter-archive"
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if suffix == ".csv" or (text[:3] == "id," or ",text," in text.split("\n", 1)[0]):
        return "twarc-csv"
    if text[:1] in "{[":
        kind = _json_kind(path)
        if kind:
            return kind
    raise UnknownFormat(f"{path} is not an export we can read (Twitter v1.1/v2 JSON, "
                        "twarc CSV, Twitter or Mastodon archive, Bluesky JSON or repo.car)")
