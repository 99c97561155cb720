"""Changing a field of an editors' file in place, every other byte left as it was.

The triage page (``inventaire serve``) writes the editors' decisions (status, place,
the « à crier » mark) into the same files the editors edit by hand. Writing the whole
file again (:func:`inventaire.core.postfile.dump_post`) would reformat what an editor
wrote: their comments, their quoting, the order of their fields. So only the lines
of the field that changes are replaced (or one line inserted where the writer would
put the field, or the field's lines removed); the post's text and every other line
keep their bytes. The result is read back through
:func:`inventaire.core.postfile.load_post_file` before it is written (atomically): an
edit that the build would refuse is never written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from inventaire.core import front_matter, schema
from inventaire.core.atomic import write_atomic
from inventaire.core.errors import PostFileError
from inventaire.core.front_matter import Flow
from inventaire.core.model import Post
from inventaire.core.postfile import FRONT, load_post_file

# A value followed by a comment (``status: selected   # candidate | selected``): the
# comment is kept when the value is replaced.
_COMMENT = re.compile(r"\s+#.*$")


def field_line(name: str, value: Any) -> str:
    """``name: value`` as the writer of the editors' files writes it (one line)."""
    shown = Flow(value) if isinstance(value, dict) else value
    return front_matter.dump({name: shown}).rstrip("\n")


def _head_bounds(lines: list[str], path: str) -> int:
    """The index of the closing ``---`` line."""
    if not lines or lines[0].rstrip("\r") != FRONT:
        raise PostFileError(path, 1, "front matter", "the file does not start with '---'",
                            "put the YAML fields between two '---' lines at the top")
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r") == FRONT:
            return index
    raise PostFileError(path, 1, "front matter", "the closing '---' line is missing",
                        "add a line '---' after the last field")


def _key_of(line: str) -> str | None:
    """The top-level key a line starts, if it starts one."""
    if not line or line[0] in " \t#-":
        return None
    name, sep, _rest = line.partition(":")
    return name.strip().strip("'\"") if sep else None


def _span(lines: list[str], start: int, end: int) -> int:
    """The end (exclusive) of the field starting at ``start``: its continuation lines
    (indented, list items, comments) up to the next top-level key."""
    stop = start + 1
    while stop < end and _key_of(lines[stop]) is None and lines[stop].strip():
        stop += 1
    return stop


def set_fields(text: str, changes: dict[str, Any], path: str = "<post>") -> str:
    """``text`` with each field of ``changes`` set (a value of None removes it),
    everything else byte for byte as it was."""
    lines = text.split("\n")
    for name, value in changes.items():
        close = _head_bounds(lines, path)
        found = next((i for i in range(1, close) if _key_of(lines[i]) == name), None)
        eol = "\r" if lines[0].endswith("\r") else ""
        if found is not None:
            stop = _span(lines, found, close)
            if value is None:
                del lines[found:stop]
                continue
            old = lines[found].rstrip("\r").partition(":")[2]
            comment = _COMMENT.search(old) if stop == found + 1 else None
            if comment and any(q in old[:comment.start()] for q in "'\""):
                comment = None  # a quoted value may hold " #": not a comment to carry
            new = field_line(name, value) + (comment.group(0) if comment else "")
            lines[found:stop] = [new + eol]
            continue
        if value is None:
            continue
        # Where the writer would put it: after the last field that comes before it.
        order = schema.FIELD_ORDER
        before = set(order[:order.index(name)]) if name in order else set(order)
        at = 1
        for index in range(1, close):
            key = _key_of(lines[index])
            if key is not None and key in before:
                at = _span(lines, index, close)
        lines.insert(at, field_line(name, value) + eol)
    return "\n".join(lines)


def edit_post_file(path: Path, changes: dict[str, Any], expected: bytes | None = None
                   ) -> tuple[bytes, bytes, Post]:
    """Set ``changes`` in the file at ``path`` and write it atomically; the bytes
    before, the bytes after and the post as the build will read it. ``expected``: the
    bytes the caller last saw (an editor's save in between is never overwritten).
    Raises :class:`PostFileError` when the file, or the edit, cannot be read."""
    before = path.read_bytes()
    if expected is not None and before != expected:
        raise PostFileError(str(path), 1, "file", "the file changed since it was read",
                            "reload the page and decide again")
    text = schema.decode(before, str(path))
    after = set_fields(text, changes, str(path)).encode("utf-8")
    post = load_post_file(after, str(path))
    if after != before:
        write_atomic(path, after)
    return before, after, post


def restore_post_file(path: Path, before: bytes, after: bytes) -> None:
    """Undo :func:`edit_post_file`: the old bytes back, unless the file changed since
    (an editor's save is never overwritten)."""
    if path.read_bytes() != after:
        raise PostFileError(str(path), 1, "file", "the file changed since the decision",
                            "undo it by hand in the file")
    write_atomic(path, before)
