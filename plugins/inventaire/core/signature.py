"""Signatures of a step's inputs: one hash that changes when anything it reads changes.

A step that is slow and whose output depends only on files, settings, code and the
installed libraries (the book, and later the site's own parts) can be skipped when
the hash of those inputs equals the one recorded next to its last output. The hash
is made of contents, never of modification times (a process that hashes the same
files again only skips reading a file the system says was not written since,
:class:`DigestMemo`): an editor who puts back an older
photo under the same name, or a ``git checkout`` that leaves old times on new bytes,
still changes the signature; a ``touch`` or a fresh clone does not.

:class:`Signature` takes labelled parts, so two kinds of input can never be
mistaken for each other (a file named like a setting, an empty list and a missing
file), and :func:`distributions_stamp`, :func:`settings_description` and
:func:`tree_digests` describe the inputs every step shares. Nothing here imports
Pelican or WeasyPrint.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import os
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime, time
from pathlib import Path, PurePath
from time import time_ns
from typing import Any

# Settings that name this build's folders, or how Pelican caches what it reads, not
# what a step makes from them: two builds of the same project into other folders
# (a test's temporary folder, ``--output``) have the same signature.
VOLATILE_SETTINGS = frozenset({
    "OUTPUT_PATH", "CACHE_PATH", "PLUGIN_PATHS", "PATH", "THEME",
    "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "GZIP_CACHE", "CHECK_MODIFIED_METHOD",
    "CONTENT_CACHING_LAYER", "DELETE_OUTPUT_DIRECTORY", "WRITE_SELECTED",
})

_CHUNK = 1 << 20
# A file changed this close to when its digest was taken may have changed again
# within one tick of the file system's clock: its digest is not reused (git's rule
# for "racily clean" files). Linux's timestamps are coarse (a few milliseconds), some
# file systems' a second or two.
RACY_NS = 3_000_000_000


def settled(mtime_ns: int, ctime_ns: int, taken_ns: int) -> bool:
    """Whether a file with these modification and change times, looked at when
    ``taken_ns``, could not have been written again since without its times moving
    (written more than :data:`RACY_NS` before)."""
    return max(mtime_ns, ctime_ns) < taken_ns - RACY_NS


class DigestMemo:
    """Digests remembered by what the system says of a file (inode, size, modification
    and change times), for a process that hashes the same files again and again (the
    preview's builder, at each build: the plugin's code, every post). A write to a file
    always moves its change time, which no program can set back, so a file whose
    identity is the same holds the same bytes — unless it was written within
    :data:`RACY_NS` of the hashing, and then it is read again."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, int, int, int], str, int]] = {}

    def get(self, key: str, status: os.stat_result) -> str | None:
        identity = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        known = self._known.get(key)
        if known is None or known[0] != identity:
            return None
        return known[1] if settled(status.st_mtime_ns, status.st_ctime_ns, known[2]) else None

    def put(self, key: str, status: os.stat_result, digest: str, taken_ns: int) -> None:
        identity = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        self._known[key] = (identity, digest, taken_ns)


_DIGESTS = DigestMemo()


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """The SHA-256 of a file's bytes; ``None`` when it cannot be read (absent, a folder).
    A file hashed before in this process and not written since is not read again
    (:class:`DigestMemo`)."""
    key = os.fspath(path)
    taken = time_ns()
    try:
        status = os.stat(key)
    except OSError:
        return None
    known = _DIGESTS.get(key, status)
    if known is not None:
        return known
    digest = hashlib.sha256()
    try:
        with open(key, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    found = digest.hexdigest()
    _DIGESTS.put(key, status, found, taken)
    return found


def tree_files(folder: Path, keep: Callable[[Path], bool] | None = None,
               skip: Collection[str] = ()) -> list[Path]:
    """Every file under ``folder`` in a stable order (sorted relative paths), without
    Python's byte-code caches and hidden files (editors' swap files, ``.DS_Store``),
    nor the folders named in ``skip``, at any depth (not even walked: a project's
    ``output/`` holds a folder per page)."""
    found: list[Path] = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith(".")
                         and d not in skip)
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                continue
            path = Path(base) / name
            if keep is None or keep(path):
                found.append(path)
    return found


def tree_digests(folder: Path, keep: Callable[[Path], bool] | None = None
                 ) -> list[tuple[str, str | None]]:
    """``(path relative to folder, content digest)`` of every file of :func:`tree_files`;
    an absent folder has none (and differs from a folder holding an empty file)."""
    return [(path.relative_to(folder).as_posix(), file_digest(path))
            for path in tree_files(folder, keep)]


def distribution_versions(path: list[str] | None = None) -> list[tuple[str, str]]:
    """``(name, version)`` of every installed distribution (names normalized), or of
    those found in the folders of ``path`` only."""
    from importlib.metadata import distributions

    found = set()
    for dist in distributions() if path is None else distributions(path=path):
        name = dist.metadata["Name"] if dist.metadata else None
        if name:
            found.add((str(name).lower().replace("_", "-"), str(dist.version)))
    return sorted(found)


def distributions_stamp() -> list[str]:
    """``name==version`` of every installed distribution, sorted, and Python's version.

    A new WeasyPrint, Pillow, Pango binding or font package can move a line; listing
    them all (not only the ones we think we use) also covers what they load in turn.
    Each folder of ``sys.path`` is read again only when the distributions it holds
    changed (:func:`folder_distributions`); a folder added to ``sys.path`` (Pelican
    adds the plugins' folders when it loads them) is read alone.
    """
    found: set[tuple[str, str]] = set()
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")
        taken = time_ns()
        try:
            status = os.stat(folder)
        except OSError:
            continue
        found |= folder_distributions(folder, status, taken)
    return [f"python=={sys.version}", *(f"{name}=={version}" for name, version in sorted(found))]


# Each sys.path folder as it was when its distributions were read: its own identity
# (by the rule of DigestMemo), and its distributions' entries, when they were
# listed, and the distributions then found.
_FOLDERS = DigestMemo()
_READ: dict[str, tuple[tuple[tuple[str, int, int, int, int], ...] | None, int,
                       frozenset[tuple[str, str]]]] = {}
# The entries of a sys.path folder that ``importlib.metadata`` reads (``*.dist-info``,
# ``*.egg-info``, an egg's ``EGG-INFO``), and, wider than it needs, those that make
# or point at installs (``*.egg-link``, ``*.pth``). Compared in lower case, as it does.
DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info", ".egg-link", ".pth", ".egg")


def folder_distributions(folder: str, status: os.stat_result, taken: int
                         ) -> frozenset[tuple[str, str]]:
    """``(name, version)`` of the distributions in one ``sys.path`` folder, whose
    identity is ``status`` (taken at ``taken``). Read again unless the folder is
    unchanged, or else holds the same distributions' entries
    (:func:`distribution_entries`), none of them written within :data:`RACY_NS` of
    when they were listed (an entry replaced within one tick of the clock may keep
    its identity): installing, upgrading or removing a distribution adds, removes or
    replaces its ``*.dist-info`` folder. The project's folder is on ``sys.path``
    when the preview's builder runs there, and each build writes into it: its own
    times change, its distributions do not."""
    known = _READ.get(folder)
    if known is not None:
        listed, listed_at, versions = known
        if _FOLDERS.get(folder, status) is not None:
            return versions
        if listed is not None and distribution_entries(folder) == listed and all(
                settled(mtime, ctime, listed_at) for _n, _i, _s, mtime, ctime in listed):
            return versions
    # Listed before the distributions are read: a change made meanwhile is seen
    # next time.
    listed = distribution_entries(folder)
    versions = frozenset(distribution_versions([folder]))
    _FOLDERS.put(folder, status, "seen", taken)
    _READ[folder] = (listed, taken, versions)
    return versions


def distribution_entries(folder: str) -> tuple[tuple[str, int, int, int, int], ...] | None:
    """The distributions' entries of a ``sys.path`` folder, each by name and identity
    (inode, size, modification and change times), sorted; None when it cannot be
    listed (a zip file, a folder gone)."""
    found: list[tuple[str, int, int, int, int]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                low = entry.name.lower()
                if not (low.endswith(DISTRIBUTION_SUFFIXES) or low == "egg-info"):
                    continue
                try:
                    status = entry.stat()
                except OSError:  # a dangling link: counted by its name alone
                    found.append((entry.name, -1, -1, -1, -1))
                    continue
                found.append((entry.name, status.st_ino, status.st_size,
                              status.st_mtime_ns, status.st_ctime_ns))
    except OSError:
        return None
    return tuple(sorted(found))


class Undescribed(TypeError):
    """A value with no stable description (an object whose repr holds its address)."""


def stable(value: Any) -> Any:
    """A JSON-able description of a setting's value, the same in every process.

    Functions and classes are described by their qualified name and source, so that
    editing a ``pelicanconf.py`` function changes the description while reading the
    same file twice does not. Raises :class:`Undescribed` for anything else opaque.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes):
        return ["bytes", hashlib.sha256(value).hexdigest()]
    if isinstance(value, PurePath):
        return ["path", str(value)]
    if isinstance(value, datetime | date | time):
        return [type(value).__name__, value.isoformat()]
    if isinstance(value, Mapping):
        items = [[stable(k), stable(v)] for k, v in value.items()]
        return ["map", sorted(items, key=lambda kv: json.dumps(kv[0], sort_keys=True))]
    if isinstance(value, list | tuple):
        return [type(value).__name__, [stable(v) for v in value]]
    if isinstance(value, set | frozenset):
        return ["set", sorted((stable(v) for v in value),
                              key=lambda v: json.dumps(v, sort_keys=True))]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ["dataclass", type(value).__qualname__, stable(dataclasses.asdict(value))]
    if inspect.isroutine(value) or inspect.isclass(value):
        return ["code", describe_code(value)]
    if hasattr(value, "pattern") and hasattr(value, "flags"):  # a compiled regex
        return ["regex", value.pattern, value.flags]
    raise Undescribed(f"no stable description for {type(value).__qualname__}")


def describe_code(value: Any) -> list[str]:
    """A function's or a class's module, qualified name and source (when Python has it)."""
    name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    try:
        source = inspect.getsource(value)
    except (OSError, TypeError):
        source = ""
    return [name, hashlib.sha256(source.encode("utf-8")).hexdigest()]


def settings_description(settings: Mapping[str, Any],
                         ignored: Iterable[str] = VOLATILE_SETTINGS) -> list[list[Any]]:
    """``[name, stable(value)]`` of every setting (upper-case name), sorted, but the
    ``ignored`` ones; a value with no stable description is described by its type,
    so that it does not break the step (a change of it then goes unseen)."""
    skip = set(ignored)
    described: list[list[Any]] = []
    for key in sorted(k for k in settings if isinstance(k, str)):
        if not key.isupper() or key in skip:
            continue
        try:
            described.append([key, stable(settings[key])])
        except (Undescribed, RecursionError):
            described.append([key, ["opaque", type(settings[key]).__qualname__]])
    return described


class Signature:
    """A SHA-256 over labelled parts: ``add("settings", …)``, ``add_tree("posts", …)``."""

    def __init__(self, kind: str) -> None:
        self._hash = hashlib.sha256(f"signature/{kind}/1\n".encode())
        self.parts: list[str] = []

    def add(self, label: str, value: Any) -> None:
        """A JSON-able value under ``label`` (sorted keys, so dict order does not count)."""
        data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        self._hash.update(f"{label}\0{len(data)}\0{data}\n".encode())
        self.parts.append(label)

    def add_tree(self, label: str, folder: Path,
                 keep: Callable[[Path], bool] | None = None) -> None:
        """Every file under ``folder`` by relative path and content."""
        self.add(label, tree_digests(folder, keep))

    def add_files(self, label: str, paths: Iterable[Path]) -> None:
        """Named files by path and content (an absent one counts as absent)."""
        self.add(label, [(str(path), file_digest(path)) for path in paths])

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
