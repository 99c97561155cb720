"""Tar archives (``.tar.gz``, ``.tgz``, ``.tar``): what Mastodon wrote before 4.1.

Read with the same guards as zip files (:class:`~.common.Tree`): nothing is ever
extracted to disk; members that are links (symbolic or hard), devices, absolute or
climbing out (``..``) are listed as refused and never read; and a tar bomb is stopped
before it is inflated. A tar member has no compressed size of its own (the whole
stream is compressed), so the bound is on the sum of the sizes the headers declare:
listing the archive reads (and, for ``.gz``, inflates) every member it skips over, and
the listing stops as soon as that sum passes :attr:`TarArchive.budget` — at most that
much work is ever done. A member is read only up to the size its header gives.

A gzip stream is read forward: reading members out of order inflates again from the
start. The importer reads only the media of the day's posts, so this stays small.
"""

from __future__ import annotations

import lzma
import re
import tarfile
import zlib
from pathlib import Path

from inventaire.importer.sources.limits import ArchiveLimits

_DAMAGED = (tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, OSError)


class TarProblem(ValueError):
    """The archive cannot be read safely or at all; the message says which and why."""


def is_tar(path: Path) -> bool:
    """Whether ``path`` is a (possibly compressed) tar archive; False when unreadable."""
    try:
        return path.is_file() and tarfile.is_tarfile(path)
    except _DAMAGED:
        return False


def unsafe(info: tarfile.TarInfo) -> str:
    """Why reading this member would be unsafe, or "" when it is not."""
    if info.issym() or info.islnk():
        return "is a link"
    if not (info.isfile() or info.isdir()):
        return "is a device or special file"
    if info.name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", info.name):
        return "has an absolute path"
    if ".." in re.split(r"[/\\]", info.name):
        return "climbs out of the archive (..)"
    return ""


class TarArchive:
    """The safe members of a tar archive by name (``./`` dropped), read on demand."""

    def __init__(self, path: Path, max_member: int, limits: ArchiveLimits) -> None:
        self.path = path
        self.max_member = max_member
        self.limits = limits
        self.budget = limits.budget(path.stat().st_size)
        self.members: dict[str, tarfile.TarInfo] = {}
        self.refused: list[tuple[str, str]] = []
        try:
            self.tar = tarfile.open(path, "r:*")  # noqa: SIM115 (kept open to read members)
        except _DAMAGED as error:
            raise TarProblem(f"cannot open the tar archive ({error}); it may be cut short "
                             "— download it again") from None
        declared = count = 0
        try:
            while (info := self.tar.next()) is not None:
                declared += info.size
                count += 1
                refusal = limits.refusal(count, declared, path.stat().st_size,
                                         "say they inflate to at least", "tar")
                if refusal:  # stops listing at once: at most the budget is inflated
                    raise TarProblem(refusal)
                name = info.name.removeprefix("./")
                reason = unsafe(info)
                if reason:
                    self.refused.append((info.name, reason))
                elif info.isfile():
                    self.members[name] = info
        except _DAMAGED as error:
            raise TarProblem(f"the tar archive is damaged or cut short after "
                             f"{len(self.members)} member(s) ({error}); download it "
                             "again") from None

    @property
    def names(self) -> list[str]:
        return list(self.members)

    def read_bytes(self, name: str) -> bytes:
        info = self.members[name]
        if info.size > self.max_member:
            raise TarProblem(f"member {name!r} says it is {info.size:,} bytes, beyond the "
                             f"{self.max_member:,} allowed; refused, not read")
        try:
            handle = self.tar.extractfile(info)
            data = handle.read(info.size) if handle is not None else b""
        except _DAMAGED as error:
            raise TarProblem(f"member {name!r} cannot be read ({error}); download the "
                             "archive again") from None
        if len(data) != info.size:
            raise TarProblem(f"member {name!r} is cut short ({len(data):,} of {info.size:,} "
                             "bytes); download the archive again")
        return data

    def close(self) -> None:
        self.tar.close()
