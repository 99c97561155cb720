"""The import records: what each export said about each post the last time, one file.

``content/.inventaire/imported.jsonl`` holds one line per post, sorted by key::

    {"key":"twitter-325312345678901234","record":{"author":"…","date":"…","text":"…"}}

The record is every field of the post but the editors', plus ``text``, keys sorted
(the base of the three-way merge, :mod:`.merge`). It is text and stable, one record a
line, since some editors keep ``content/`` in git: a re-import that changes three
posts is a diff of three lines.

Why one file: a record per post (``content/.inventaire/imported/<network>-<id>.json``,
as earlier versions wrote them) was half of the 20,000 files an import of 10,000
posts created and renamed, most of its time in the kernel. The store is read once per
import and written once, only when a record changed, in the import's batch
(:class:`~inventaire.core.atomic.DeferredWrites`): durable with the editors' files,
renamed after them, so a crash leaves the old store or the new one, whole (an error
halfway commits what the batch wrote, and the records of those posts with it).

Reading is lazy: the file is split into lines and each line's key read from its
first bytes; a record is parsed when its post is merged. A live pass that brings
three posts parses three records and writes the others' lines back as they were
(``inventaire live`` keeps the lines from one pass to the next: :meth:`refresh`). A
line that holds no record is a warning with its line number, and costs only its
post's record (the post is then merged as a file written by hand).

Projects made by earlier versions: the per-post files are read for the posts the
store lacks (or when a file is newer than the store: an older version ran since),
and an import or a live pass moves them into the store, removing them once the store
is on the disk. ``inventaire check`` reads them without moving anything.

Two writers at once (``inventaire live`` and an import): each rewrites only the
records it changed. The store is written under an exclusive ``flock`` on
``content/.inventaire/imported.lock``; a writer that finds the store changed since it
read it reads it again and lays its own records over the other's. As with one file per
post, the last writer of a post's record wins; no other record is lost.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from inventaire.core.atomic import DeferredWrites
from inventaire.core.errors import UserError

STORE = Path(".inventaire") / "imported.jsonl"
LOCK = Path(".inventaire") / "imported.lock"
OLD_FOLDER = Path(".inventaire") / "imported"  # one file per post, earlier versions
_PREFIX = b'{"key":"'
# A number of 19 digits or more outside a string (after ``:``, ``,`` or ``[``, as the
# store writes it): beyond what orjson reads exactly (it gives a float), so the line
# is read by the standard library instead. A match inside a text is read the same,
# only slower.
_LONG_NUMBER = re.compile(rb"[:,\[]-?\d{19,}")
_Identity = tuple[int, int, int] | None


@dataclass(frozen=True)
class Problem:
    """A line of the store (or an old record file) that holds no usable record."""

    path: str
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.what} — {self.fix}"


def key_of(network: str, post_id: str) -> str:
    return f"{network}-{post_id}"


def _line(key: str, record: dict[str, Any]) -> bytes:
    """One line of the store: keys sorted, no spaces, UTF-8, no newline."""
    data = {"key": key, "record": record}
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # beyond orjson (an integer beyond 64 bits)
        return json.dumps(data, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")


def _loads(raw: bytes) -> Any:
    if _LONG_NUMBER.search(raw):
        return json.loads(raw)
    return orjson.loads(raw)


def _identity(path: Path) -> _Identity:
    """What tells a rewritten store from the one read: inode, size, time."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


class ImportRecords:
    """The records of one project, read once; changed ones written back by :meth:`commit`.

    ``migrate``: the per-post files of earlier versions are moved into the store at
    the next commit (an import, a live pass); without it (``inventaire check``) they
    are only read.
    """

    def __init__(self, content: Path, migrate: bool = True) -> None:
        self.content = content
        self.path = content / STORE
        self.migrate = migrate
        self.problems: list[Problem] = []
        self._lines: dict[str, bytes] = {}  # as read: key → its line
        self._numbers: dict[str, int] = {}  # key → its line's number (for messages)
        self._keys: list[bytes | None] = []  # each line's key as read, None: no key
        self._new: dict[str, bytes] = {}  # changed or moved from the old folder
        self._moved: set[str] = set()  # in _new only because moved (not changed here)
        self._old_files: list[Path] = []  # to remove once the store is on the disk
        self._seen: _Identity = None
        self._load()

    def _load(self) -> None:
        folder = self.content / OLD_FOLDER
        if self.migrate and folder.is_dir():
            with self._locked():  # a writer moving them meanwhile would hide them
                self._read()
                self._read_old(folder)
        else:
            self._read()
            if folder.is_dir():
                self._read_old(folder)

    def refresh(self) -> None:
        """Ready for another pass of the same command (``inventaire live``, every
        minute): the store is read again only when it is not the one this object read
        or wrote last; else its lines are kept (10,000 of them take 10 ms to index)."""
        self.problems = []
        if self._new or self._old_files or _identity(self.path) != self._seen or (
                self.content / OLD_FOLDER).is_dir():
            self._new, self._moved, self._old_files = {}, set(), []
            self._load()

    # Reading -------------------------------------------------------------------------

    def _read(self, report: bool = True) -> None:
        """The store's lines by key, parsed no further than the key; lines without
        one go to :attr:`problems` (``report``: not when read again to commit).

        The keys of the lines the store wrote are sliced from their first bytes in one
        comprehension (a third of a loop's time: 10,000 lines in 4 ms); only other
        lines are parsed whole.
        """
        self._lines, self._numbers, self._keys = {}, {}, []
        try:
            with self.path.open("rb") as file:
                found = os.fstat(file.fileno())  # the identity of the very file read
                raw = file.read()
        except FileNotFoundError:
            self._seen = None
            return
        except OSError as error:  # a folder, no permission…
            if self.migrate:  # a writer would merge every post as if written by hand
                raise UserError(f"cannot read the import records {self.path} "
                                f"({error.strerror}); fix it, or move it away to merge "
                                "every post as a file written by hand") from None
            self.problems.append(Problem(str(self.path), 1, f"cannot be read "
                                         f"({error.strerror})", "fix it before an import"))
            self._seen = None
            return
        self._seen = (found.st_ino, found.st_size, found.st_mtime_ns)
        lines = (raw[:-1] if raw.endswith(b"\n") else raw).split(b"\n")
        start = len(_PREFIX)
        self._keys = keys = [line[start:end] if line.startswith(_PREFIX) and (
            end := line.find(b'"', start)) > start else None for line in lines]
        if None not in keys:
            self._lines = dict(zip([k.decode("utf-8", "replace") for k in keys if k],
                                   lines, strict=True))
            return
        shown = str(self.path)
        for number, (key_bytes, line) in enumerate(zip(keys, lines, strict=True), 1):
            if key_bytes is not None:
                self._lines[key_bytes.decode("utf-8", "replace")] = line
                continue
            if not line.strip():
                continue
            try:  # not as the store writes it: parsed whole to find the key
                data = _loads(line)
                key = data["key"] if isinstance(data, dict) else ""
            except (ValueError, KeyError, RecursionError):
                key = ""
            if isinstance(key, str) and key:
                self._lines[key] = line
                keys[number - 1] = key.encode("utf-8")
            elif report:
                self.problems.append(Problem(
                    shown, number, "this line is not an import record (no key)",
                    "left out; the next import that changes a record writes the store "
                    "without it"))

    def _read_old(self, folder: Path) -> None:
        """The per-post files of earlier versions, for the posts the store lacks (or
        whose file is newer than the store)."""
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
        except OSError:
            return
        store_time = self._seen[2] if self._seen else None
        for name in names:
            path = folder / name
            key = name[:-len(".json")]
            self._old_files.append(path)
            if key in self._lines and store_time is not None:
                try:
                    if path.stat().st_mtime_ns <= store_time:
                        continue  # left behind by a move the store already holds
                except OSError:
                    continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, RecursionError) as error:
                self.problems.append(Problem(
                    str(path), 1, f"not a readable import record ({error})",
                    "its post is merged as a file written by hand (differences are "
                    "conflicts); the file is removed when the records are moved into "
                    f"{STORE.as_posix()}"))
                continue
            if isinstance(data, dict):
                self._new[key] = _line(key, data)
                self._moved.add(key)

    def get(self, network: str, post_id: str) -> dict[str, Any] | None:
        """The record of a post, None when there is none or it cannot be read (said
        in :attr:`problems`, with the store's line)."""
        key = key_of(network, post_id)
        line = self._new.get(key) or self._lines.get(key)
        if line is None:
            return None
        try:
            data = _loads(line)
        except (ValueError, RecursionError) as error:
            data, why = None, f"not JSON ({error})"
        else:
            why = "not a record of this key"
        if isinstance(data, dict) and data.get("key") == key and isinstance(
                data.get("record"), dict):
            return dict(data["record"])
        self.problems.append(Problem(
            str(self.path), self._number(key),
            f"the import record of {key} is {why}",
            "it is read as missing: the post's differences with the export are reported "
            "as conflicts, and the next import writes the record again"))
        return None

    def _number(self, key: str) -> int:
        """The line of ``key`` in the store as read, counted when a message needs it."""
        if not self._numbers and self._keys:
            for number, found in enumerate(self._keys, 1):
                if found is not None:
                    self._numbers[found.decode("utf-8", "replace")] = number
        elif not self._numbers:  # as written by commit: sorted, one line each
            self._numbers = {found: n for n, found in enumerate(sorted(self._lines), 1)}
        return self._numbers.get(key, 0)

    # Writing -------------------------------------------------------------------------

    def put(self, network: str, post_id: str, data: dict[str, Any],
            base: dict[str, Any] | None) -> None:
        """Keep ``data`` as the post's record, unless ``base`` (the record as read)
        says the same: an unchanged record costs no serialisation and no write."""
        if base is not None and base == data:
            return
        key = key_of(network, post_id)
        self._new[key] = _line(key, data)
        self._moved.discard(key)

    def text(self) -> bytes:
        """The whole store as it will be written: every line, sorted by key."""
        lines = {**self._lines, **self._new}
        return b"\n".join([lines[key] for key in sorted(lines)]) + b"\n"

    def commit(self, batch: DeferredWrites) -> None:
        """Commit ``batch`` with the store in it (when a record changed), under the
        store's lock; then remove the moved per-post files of earlier versions."""
        moved = self.migrate and bool(self._old_files)
        if not self._new and not moved:
            batch.commit()
            return
        with self._locked():
            if self._new:
                if _identity(self.path) != self._seen:
                    self._read(report=False)  # another writer's records kept, ours over
                    for key in self._moved & self._lines.keys():
                        del self._new[key]  # moved by the other writer, maybe changed since
                batch.write(self.path, self.text())  # the batch's last: renamed last
            batch.commit()
            self._seen = _identity(self.path)
            self._lines.update(self._new)
            self._new, self._moved = {}, set()
            self._numbers, self._keys = {}, []  # the lines as written (see _number)
            if moved:
                self._remove_old()

    def save(self) -> None:
        """Write the store at once (durably), when a record changed."""
        self.commit(DeferredWrites())

    def _remove_old(self) -> None:
        for path in self._old_files:
            with contextlib.suppress(OSError):
                path.unlink()
        self._old_files = []
        with contextlib.suppress(OSError):
            (self.content / OLD_FOLDER).rmdir()  # left when something else is in it

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive ``flock`` while the store is read for a move or written; the
        kernel releases it if the command is killed."""
        lock = self.content / LOCK
        lock.parent.mkdir(parents=True, exist_ok=True)
        # Not through a link: a lock file planted as a link would create its target.
        handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC,
                         0o666)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            os.close(handle)  # the lock goes with the descriptor
