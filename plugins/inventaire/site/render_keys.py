"""What a page's rendering depends on, described stably enough to compare builds.

The writer (:mod:`inventaire.site.writer`) skips rendering a page when the
description of its inputs is the same as last time: template files, the site as a
whole, and each value the template reads. Posts and pages are described by their
source file's stamp plus what the plugins attach to them, not by their text.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper


def digest_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def digest_file(path: Path) -> str | None:
    try:
        return digest_bytes(path.read_bytes())
    except OSError:
        return None


def file_stamp(path: str | Path) -> tuple[str, int, int]:
    """``(path, mtime_ns, size)``; (path, -1, -1) for a file that is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (str(path), info.st_mtime_ns, info.st_size)


def folder_stamps(folder: Path, skip: Iterable[str] = (),
                  keep: Callable[[str], bool] | None = None) -> list[tuple[str, int, int]]:
    """The stamps of every file under ``folder`` except the top-level names in ``skip``
    and, when ``keep`` is given, the paths it refuses (before they are stat'ed)."""
    skipped = set(skip)
    stamps = []
    for base, dirs, files in os.walk(folder):
        if Path(base) == folder:
            dirs[:] = [d for d in dirs if d not in skipped]
        dirs.sort()
        paths = (os.path.join(base, name) for name in sorted(files))
        stamps += [file_stamp(path) for path in paths if keep is None or keep(path)]
    return stamps


# Settings that name this build's folders or say how Pelican caches what it reads
# (content_cache.py turns loading off for one build), not what a page shows.
VOLATILE_SETTINGS = {"OUTPUT_PATH", "CACHE_PATH", "PLUGIN_PATHS", "PATH", "THEME",
                     "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "GZIP_CACHE",
                     "CHECK_MODIFIED_METHOD", "CONTENT_CACHING_LAYER"}


def code_stamps() -> list[tuple[str, int, int]]:
    """The stamps of the plugin's own files; not Python's byte-code caches, which
    appear as modules are first imported, some in the middle of a build."""
    code = Path(__file__).resolve().parent.parent  # the inventaire package
    return folder_stamps(code, keep=lambda path: "__pycache__" not in path)


def settings_description(settings: dict[str, Any],
                         ignored: Callable[[str], bool] | None = None,
                         undescribed: Callable[[Any], Any] | None = None) -> list[list[Any]]:
    """``[name, stable(value)]`` of every setting (upper-case name) but those of
    :data:`VOLATILE_SETTINGS` and those ``ignored`` names. A value with no stable
    description raises :class:`Unknown`, unless ``undescribed`` describes it."""
    described = []
    for key, value in sorted(settings.items()):
        if not key.isupper() or key in VOLATILE_SETTINGS or (ignored and ignored(key)):
            continue
        try:
            described.append([key, stable(value)])
        except (Unknown, RecursionError):
            if undescribed is None:
                raise
            described.append([key, undescribed(value)])
    return described


class Unknown(Exception):
    """A template value with no stable description: its page is always rendered."""


def brief(content: Any) -> Any:
    """A neighbour as a permalink shows it: address, time, author, status."""
    if content is None:
        return None
    post = getattr(content, "post", None)
    return ("brief", getattr(content, "source_path", ""), str(getattr(post, "date", "")),
            getattr(post, "author", ""), getattr(content, "status", ""))


def neighbour(value: Any) -> Any:
    """A linked record of the same kind (an hour's previous and next) as a pager shows it.

    Described in full, ``hour.previous.next`` is the hour again: the walk would go
    back and forth until too deep, and the page would never be skipped. What the
    neighbours hold is in the site digest (every post's time and place).
    """
    return ["neighbour", type(value).__qualname__, str(getattr(value, "url", "")),
            str(getattr(value, "label", ""))]


def stable(value: Any, depth: int = 0, memo: dict[int, Any] | None = None) -> Any:
    """A JSON-able description of ``value`` that changes when its rendering may.

    Content objects (posts, pages) are described by their source file's stamp plus
    what the plugins attach to them (photos, book page, neighbours, place), not by
    their text: the file is the input. Values with no such description raise
    :class:`Unknown`, and the page is rendered as usual. ``memo`` keeps the
    description of each Content object (by id) for one build: lists of pages hold
    the same posts many times.
    """
    if memo is None:
        memo = {}
    if depth > 12:
        raise Unknown("too deep")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Content):
        if id(value) in memo:
            return memo[id(value)]
        place = getattr(value, "place", None)
        described = ["content", *file_stamp(value.source_path), value.status,
                     getattr(value, "book_page", None), getattr(value, "candidate", None),
                     stable(getattr(value, "pictures", None), depth + 1, memo),
                     brief(getattr(value, "previous_post", None)),
                     brief(getattr(value, "next_post", None)),
                     [getattr(place, "name", None), getattr(place, "url", None)]]
        # Its digest: lists of thousands of posts are then cheap to dump, page after page.
        memo[id(value)] = digest = digest_bytes(json.dumps(described, default=str).encode())
        return digest
    if isinstance(value, URLWrapper):
        return ["url", type(value).__name__, value.name, value.slug]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return [[str(k), stable(v, depth + 1, memo)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [stable(v, depth + 1, memo) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((stable(v, depth + 1, memo) for v in value), key=repr)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__qualname__] + [
            neighbour(field) if type(field) is type(value) else stable(field, depth + 1, memo)
            for field in (getattr(value, f.name) for f in dataclasses.fields(value))]
    if isinstance(value, functools.partial):
        return ["partial", stable(value.func, depth + 1, memo), stable(value.args, depth + 1, memo),
                stable(value.keywords, depth + 1, memo)]
    if callable(value):
        return ["code", getattr(value, "__module__", ""), getattr(value, "__qualname__", "")]
    raise Unknown(type(value).__qualname__)


def template_names(environment: Any, name: str,
                   parsed: dict[str, tuple[set[str], list[str]]] | None = None,
                   stored: dict[str, list[Any]] | None = None
                   ) -> tuple[set[str], set[str]]:
    """The variables ``name`` reads, and the templates it pulls in, transitively.

    ``parsed`` keeps each file's own reads and references for one build: every page
    template pulls in ``base.html`` and the macros, and analysing a template (Jinja
    parses it to find its undeclared names) costs more than rendering a page.
    ``stored`` carries the analyses over to the next build: ``name → [digest of the
    source, names, references]``, used when the source has the same digest, and
    updated with every template analysed.
    """
    from jinja2 import meta

    if parsed is None:
        parsed = {}
    names: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in parsed:
            source = environment.loader.get_source(environment, current)[0]
            digest = digest_bytes(source.encode("utf-8"))
            known = (stored or {}).get(current)
            if isinstance(known, list) and len(known) == 3 and known[0] == digest:
                parsed[current] = (set(known[1]), list(known[2]))
            else:
                tree = environment.parse(source)
                parsed[current] = (meta.find_undeclared_variables(tree),
                                   [t for t in meta.find_referenced_templates(tree)
                                    if isinstance(t, str)])
                if stored is not None:
                    stored[current] = [digest, sorted(parsed[current][0]),
                                       parsed[current][1]]
        own, referenced = parsed[current]
        names |= own
        todo += referenced
    return names, seen
