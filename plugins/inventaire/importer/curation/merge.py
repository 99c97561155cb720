"""Write a post's file, or merge it into the file an editor may have changed.

The import record: for each post, a line of ``content/.inventaire/imported.jsonl``
(:mod:`.records`) holds what the export said the last time it was imported (every
field but the editors', plus ``text``). With it a re-import is a three-way comparison, field by
field, between that record (the base), the file (the editor's) and the export (new):

* no file: a new file is written, with ``--status``;
* the file still says what the record says (nobody edited it): it follows the export,
  editors' fields kept; written only if a byte changes;
* the file was edited: every edit stays; a field absent from the file (and absent from
  the record, i.e. not deleted by the editor) is added; a field whose export value
  changed since the record and differs from the file is a conflict, reported and never
  applied. With no record (files written by hand, or by an older tool) every
  difference is a conflict and only absent fields are added.

Editors' fields (``status``, ``place``, ``consent``, ``book``, ``featured``,
``declaimed``, ``note`` and the media ``alt``) are never overwritten. Added fields are
inserted as lines before the closing ``---``, so the editor's comments and layout stay.
``inventaire check`` reads the record to tell when a text no longer matches its source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from inventaire.core.atomic import write_atomic
from inventaire.core.model import Post
from inventaire.core.postfile import (
    FRONT,
    dump_fields,
    dump_post,
    post_fields,
    post_path,
    read_post,
)
from inventaire.importer.curation.records import ImportRecords

# How a file is written: at once (``write_atomic``), or staged in the import's batch
# (``DeferredWrites.write``), whose durability is paid once at the end.
Writer = Callable[[Path, str | bytes], None]

EDITOR_FIELDS = frozenset({"place", "status", "declaimed", "consent", "book", "featured",
                           "note"})
# What the author asked of readers, kept from the export (a readers' ``extra`` field).
EXPORT_FLAGS = ("content_warning", "sensitive", "visibility", "poll", "edited")
EXPORT_FIELDS = ("id", "network", "url", "date", "author", "author_name", "media", "reply_to",
                 "quote_of", "lang", "coordinates", "source", "entities", *EXPORT_FLAGS,
                 "metrics")
# Fields that follow the export even in a file an editor changed, unless the editor
# changed that field itself: the shares and likes counted when the export was made.
FOLLOWED = frozenset({"metrics"})


def _json_copy(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as it reads back from JSON (tuples become lists, keys strings).

    orjson does it ten times faster than the standard library, which still takes what
    orjson refuses (an integer beyond 64 bits).
    """
    try:
        return dict(orjson.loads(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)))
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return dict(json.loads(json.dumps(data, ensure_ascii=False)))


def snapshot(post: Post, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the export says about a post, JSON-ready; editors' fields left out.

    ``fields`` are the post's :func:`post_fields`, when the caller has them already.
    """
    fields = post_fields(post) if fields is None else fields
    data = {k: fields[k] for k in EXPORT_FIELDS if k in fields}
    data["text"] = post.text
    return _json_copy(data)


def _comparable(name: str, value: Any) -> Any:
    """Media are compared without their alt text (an editor's field)."""
    if name == "media" and isinstance(value, list):
        return [{k: v for k, v in item.items() if k != "alt"} for item in value]
    return value


@dataclass
class Outcome:
    """What happened to one post's file."""

    kind: str  # new | updated | unchanged | conflict-only
    path: Path
    conflicts: list[str] = field(default_factory=list)
    placed: bool = False  # an existing file without a place was given one


def _short(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _field_block(dumped: str, name: str) -> list[str]:
    """The lines of one top-level field in a dumped post (key line and its children)."""
    lines = dumped.split("\n")
    block: list[str] = []
    for line in lines[1:]:
        if line == FRONT:
            break
        if block and (line[:1] not in (" ", "-") or not line):
            break
        if (not block and line.startswith(name + ":")) or block:
            block.append(line)
    return block


def _insert_fields(text: str, blocks: list[list[str]]) -> str:
    lines = text.split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == FRONT)
    added = [line for block in blocks for line in block]
    return "\n".join([*lines[:closing], *added, *lines[closing:]])


def _replace_field(text: str, name: str, block: list[str]) -> str:
    """``text`` with the lines of its top-level field ``name`` (key line and indented
    children) replaced by ``block``; the other lines, comments included, as they were."""
    lines = text.split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == FRONT)
    start = next((i for i in range(1, closing) if lines[i].startswith(name + ":")), None)
    if start is None or not block:
        return text
    end = start + 1
    while end < closing and lines[end][:1] in (" ", "-") and lines[end]:
        end += 1
    return "\n".join([*lines[:start], *block, *lines[end:]])


_PLACE_KEY = re.compile(r"^place\s*:", re.MULTILINE)


def placeless(current: Post, text: str) -> bool:
    """Whether a place found now may be given to an existing file: it has none, and no
    ``place:`` line either (an editor's ``place: ""`` says « no place » on purpose)."""
    if current.place:
        return False
    head = text.split(f"\n{FRONT}", 1)[0]
    return not _PLACE_KEY.search(head)


def merge_post(post: Post, content: Path, existing: Path | None, status: str,
               current_post: Post | None = None, write: Writer = write_atomic,
               place: str = "", records: ImportRecords | None = None) -> Outcome:
    """Write or merge ``post`` (already tagged, media copied) under ``content/posts``.

    ``current_post`` is the existing file already parsed, when the caller has it;
    ``write`` writes the post's file. ``place``: the gazetteer's place for the post,
    given to an existing file that has none (:func:`placeless`), never replacing an
    editor's. ``records``: the project's import records, read once for the import;
    the caller commits them with its batch (:meth:`ImportRecords.commit`). Without
    them the store is read and written for this one post.
    """
    if records is None:
        records = ImportRecords(content)
        outcome = merge_post(post, content, existing, status, current_post, write, place,
                             records)
        records.save()
        return outcome
    fields = post_fields(post)
    new = snapshot(post, fields)
    base = records.get(post.network, post.id)
    if existing is None:
        fields["status"] = status  # the post as written: the import's --status
        path = post_path(post, content / "posts")
        write(path, dump_fields(fields, post.text))
        records.put(post.network, post.id, new, base)
        return Outcome("new", path)
    if current_post is None:
        current_post = read_post(existing)
    old: str | None = None
    if place and not current_post.place:  # read only when a place may be given
        old = existing.read_text(encoding="utf-8")
    if old is None or not placeless(current_post, old):
        place = ""
    current = snapshot(current_post)
    relative = existing.relative_to(content.parent) if existing.is_relative_to(
        content.parent) else existing
    conflicts: list[str] = []
    if base is not None and all(_comparable(k, current.get(k)) == _comparable(k, base.get(k))
                                for k in set(current) | set(base)):
        # Untouched by editors: follow the export, keep the editors' fields and alts.
        # When the export did not change either, the file is left alone (its layout and
        # comments included).
        if not place and all(_comparable(k, new.get(k)) == _comparable(k, base.get(k))
                             for k in set(new) | set(base)):
            return Outcome("unchanged", existing)
        media = post.media
        if current_post.media and len(current_post.media) == len(media):
            media = [replace(m, alt=c.alt) for m, c in zip(media, current_post.media,
                                                             strict=True)]
        merged = replace(current_post, **{
            name: getattr(post, name) for name in (
                "id", "network", "url", "date", "author", "author_name", "text", "entities",
                "reply_to", "quote_of", "lang", "coordinates", "source", "metrics")
        }, media=media, place=place or current_post.place)
        merged.extra = {k: v for k, v in merged.extra.items() if k not in EXPORT_FLAGS}
        merged.extra.update({k: post.extra[k] for k in EXPORT_FLAGS if k in post.extra})
        text = dump_post(merged)
        records.put(post.network, post.id, new, base)
        if text == (old if old is not None else existing.read_text(encoding="utf-8")):
            return Outcome("unchanged", existing)
        write(existing, text)
        return Outcome("updated", existing, placed=bool(place))
    added: list[str] = []
    refreshed: list[str] = []
    for name in sorted(set(new) | set(current), key=_order):
        n, c = new.get(name), current.get(name)
        b = base.get(name) if base is not None else None
        if c is None:
            if n is not None and (base is None or b is None) and name != "text":
                added.append(name)
            continue
        if n is None or _comparable(name, n) == _comparable(name, c):
            continue
        if name in FOLLOWED and c == b:  # newer counts; the editor did not touch them
            refreshed.append(name)
            continue
        if base is None or _comparable(name, n) != _comparable(name, b):
            conflicts.append(f"{relative}: {name}: the export now says {_short(n)}, "
                             f"the file says {_short(c)} — kept the file's value")
    records.put(post.network, post.id, new, base)
    if not added and not place and not refreshed:
        return Outcome("unchanged", existing, conflicts)
    dumped = dump_post(replace(post, place=place) if place else post)
    blocks = [_field_block(dumped, name) for name in [*added, *(["place"] if place else [])]]
    old = old if old is not None else existing.read_text(encoding="utf-8")
    text = _insert_fields(old, [b for b in blocks if b])
    for name in refreshed:
        text = _replace_field(text, name, _field_block(dumped, name))
    write(existing, text)
    return Outcome("updated", existing, conflicts, placed=bool(place))


_ORDER = ("id", "network", "url", "date", "author", "author_name", "media", "reply_to",
          "quote_of", "lang", "coordinates", "source", "entities", "text")


def _order(name: str) -> tuple[int, str]:
    return (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)
