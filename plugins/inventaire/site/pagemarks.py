"""Which pages carry the search mark, noted as each page is rendered.

The search index is made from the pages the theme marks ``data-pagefind-body``
(:mod:`.search`), and which pages those are is read from the pages themselves, so
that the list follows the templates whatever they mark. The site's writer holds each
page's text just before writing it: it notes there whether the page carries the mark
and how many bytes the file will have, and the search step reads again only the
files it has no note for (HTML that no template rendered: a copied static file) or
whose size is no longer the noted one (a file something else rewrote). At 10,000
posts, reading every written page again was a quarter of a second on one core,
between the last page and the start of the index.

Pages are rendered by several processes (:mod:`.workers`), which share no memory
once forked: a worker writes its notes into a file the parent opened for it before
the fork (an anonymous temporary file: a worker never waits for the parent to read),
and the parent reads them once the worker has exited (:func:`send`, :func:`receive`).
The parent keeps the notes of the whole build, by output folder, until the search
step takes them (:func:`take`).
"""

from __future__ import annotations

import json
import os
import posixpath
from collections.abc import Mapping
from typing import IO, Any

# The attribute by which the theme marks what Pagefind indexes (in a page's text).
MARK = " data-pagefind-body"
# The shared context's key of this process's notes (every write_file call gets it).
NOTES = "inventaire_page_marks"

# A note: whether the page carries the mark, and its file's size in bytes.
Note = tuple[bool, int]

_builds: dict[str, dict[str, Note]] = {}  # output folder -> its pages' notes


def folder_key(output: Any) -> str:
    return os.path.realpath(str(output))


def begin(context: dict[str, Any], output: Any) -> dict[str, Note]:
    """Before any page is rendered: empty notes for this build's output folder, in the
    shared context (a worker forked after this inherits them, and fills its own copy).
    A process builds one site at a time: the notes of an earlier build that made no
    index (it stopped, or had no search) are dropped."""
    notes: dict[str, Note] = {}
    _builds.clear()
    _builds[folder_key(output)] = notes
    context[NOTES] = notes
    return notes


def take(output: Any) -> dict[str, Note]:
    """The notes of the build that wrote ``output`` (empty when none), forgotten."""
    return _builds.pop(folder_key(output), {})


class MarkedTemplate:
    """A template whose ``render`` notes what it rendered: Pelican's writer calls
    ``render`` with the page's context, whose ``output_file`` is the file it then
    writes that text to (Pelican's ``Writer.write_file``, UTF-8, ``\\n`` kept)."""

    def __init__(self, template: Any, notes: dict[str, Note]) -> None:
        self.template = template
        self.notes = notes
        self.name = getattr(template, "name", None)

    def render(self, *args: Any, **kwargs: Any) -> str:
        html: str = self.template.render(*args, **kwargs)
        page = (args[0] if args and isinstance(args[0], Mapping) else kwargs).get(
            "output_file")
        if isinstance(page, str) and page:
            size = len(html) if html.isascii() else len(html.encode("utf-8"))
            self.notes[posixpath.normpath(page)] = (MARK in html, size)
        return html


def send(notes: dict[str, Note], file: IO[bytes]) -> None:
    """In a worker: its notes, as JSON, into ``file`` (flushed: the worker leaves by
    ``os._exit``)."""
    file.write(json.dumps(notes, separators=(",", ":")).encode())
    file.flush()


def receive(file: IO[bytes], notes: dict[str, Note]) -> None:
    """In the parent, once the worker has exited: its notes read from ``file`` (then
    closed) into ``notes``. A worker that died before writing them all leaves none
    that can be read: its pages are then read again by the search step."""
    try:
        file.seek(0)
        data = file.read()
    finally:
        file.close()
    try:
        received = json.loads(data) if data else {}
    except ValueError:
        return
    if not isinstance(received, dict):
        return
    for page, note in received.items():
        if isinstance(note, list) and len(note) == 2 and isinstance(note[0], bool) \
                and isinstance(note[1], int):
            notes[page] = (note[0], note[1])
