"""The search index started as soon as every page it reads is written.

Pagefind reads only the pages the theme marks for search (:mod:`.search`): the posts,
the places, the editors' pages. At 10,000 posts it takes about four seconds and
leaves most of a core idle, while the lists it does not read (hashtags, authors,
hours) are a quarter of the rendering. So when a build makes a search index, each
rendering process (:mod:`.workers`) puts off the pages whose template cannot carry
the mark (:meth:`Later.marks`) until it has rendered all the others; it then tells
the parent which pages it wrote and which it put off (:func:`signal`). The parent,
once it has them from every process, starts Pagefind on the pages written so far
(:func:`start`) and renders its own put-off pages while Pagefind runs.

The index made early stands only if it is the one a start after the last page would
make (:func:`stands`): the same command — the pages marked for search, read again
from the finished site as :func:`.search.index_site` reads them, give the same
``--glob`` — and no page it read was written again since. Otherwise (a page marked
late, a static HTML file marked, a worker that could not say) it is stopped and
Pagefind runs again over the finished site, as it would have without this module.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from jinja2 import meta

from . import pagemarks
from .search import INDEX_FOLDER, pagefind_command, run_pagefind, search_glob, searchable_pages

logger = logging.getLogger(__name__)

# The shared context's key of this process's put-off pages (a :class:`Later`).
LATER = "inventaire_later_pages"


@dataclass
class Later:
    """The pages this process puts off until the search index has started."""

    pages: list[tuple[str, Callable[[], Any]]] = field(default_factory=list)
    _marks: dict[str, bool] = field(default_factory=dict)

    def marks(self, template: Any) -> bool:
        """Whether ``template`` (or a template it extends, includes or imports) holds
        the search mark in its source; True when that cannot be told (a template
        named by a variable, a source that cannot be read)."""
        name = getattr(template, "name", None)
        environment = getattr(template, "environment", None)
        if not name or environment is None:
            return True
        if name not in self._marks:
            self._marks[name] = _holds_mark(environment, name, set())
        return self._marks[name]

    def put_off(self, name: str, render: Callable[[], Any]) -> None:
        self.pages.append((posixpath.normpath(name), render))

    def render(self) -> None:
        """The put-off pages, in the order they were asked for."""
        pages, self.pages = self.pages, []
        for _name, render in pages:
            render()


def _holds_mark(environment: Any, name: str, seen: set[str]) -> bool:
    if name in seen:
        return False
    seen.add(name)
    try:
        source, _file, _uptodate = environment.loader.get_source(environment, name)
    except Exception:  # any loader's failure: render it early
        return True
    if pagemarks.MARK.strip() in source:
        return True
    for referenced in meta.find_referenced_templates(environment.parse(source)):
        if referenced is None or _holds_mark(environment, referenced, seen):
            return True
    return False


@dataclass
class Started:
    """Pagefind running on the pages written so far."""

    process: subprocess.Popen[bytes]
    pattern: str | None
    pages: dict[str, pagemarks.Note]  # the marked pages it reads, as noted then
    errors: IO[bytes]


_started: dict[str, Started] = {}  # output folder -> its build's early index


def begin(context: dict[str, Any]) -> None:
    """Before the fork: this build puts off its unmarked pages. A process builds one
    site at a time: an index an earlier build started and left (it stopped) is ended."""
    for started in _started.values():
        started.process.kill()
        started.process.wait()
        started.errors.close()
    _started.clear()
    context[LATER] = Later()


def keep(output: Any, started: Started) -> None:
    """The index started for ``output``, until the end of the build takes it."""
    _started[pagemarks.folder_key(output)] = started


def take(output: Any) -> Started | None:
    """The index started early for ``output``, if any, forgotten."""
    return _started.pop(pagemarks.folder_key(output), None)


def written(context: dict[str, Any]) -> tuple[dict[str, pagemarks.Note], list[str]]:
    """This process's notes so far and the pages it put off."""
    later = context.get(LATER)
    names = [name for name, _render in later.pages] if later is not None else []
    return dict(context.get(pagemarks.NOTES) or {}), names


def signal(context: dict[str, Any], file: IO[bytes], ready: int) -> None:
    """In a worker that rendered every page it did not put off: what it wrote and put
    off into ``file``, then one byte on the pipe ``ready`` (closed)."""
    notes, names = written(context)
    file.write(json.dumps({"notes": notes, "later": names}).encode())
    file.flush()
    os.write(ready, b"1")
    os.close(ready)


def gather(channels: list[tuple[IO[bytes], int]]) -> tuple[dict[str, Any], list[str]] | None:
    """In the parent: each worker's :func:`signal`, waited for; None when one could
    not give it (it died or failed: the index is then made at the end)."""
    notes: dict[str, Any] = {}
    names: list[str] = []
    complete = True
    for file, ready in channels:
        with os.fdopen(ready, "rb") as pipe:
            complete = pipe.read(1) == b"1" and complete
        if not complete:
            continue
        try:
            file.seek(0)
            message = json.loads(file.read())
            notes.update({page: (bool(note[0]), int(note[1]))
                          for page, note in message["notes"].items()})
            names.extend(str(name) for name in message["later"])
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            complete = False
    return (notes, names) if complete else None


def start(output: Path, notes: Mapping[str, pagemarks.Note],
          later: list[str]) -> Started | None:
    """Pagefind on ``output`` with the ``--glob`` that the pages noted and put off give;
    None when Pagefind is not installed (the end of the build says so)."""
    marked = {page for page, note in notes.items() if note[0]}
    html = set(notes) | {name for name in later if name.endswith(".html")}
    pattern = search_glob(marked, html)
    command = pagefind_command(output, pattern)
    if command is None:
        return None
    errors = tempfile.TemporaryFile()  # noqa: SIM115 — closed by stands()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    return Started(process, pattern, {page: notes[page] for page in marked}, errors)


def stands(started: Started, pattern: str | None,
           noted: Mapping[str, pagemarks.Note]) -> bool | None:
    """The early index's outcome once the site is finished: True when it is made,
    False when Pagefind failed (logged), None when it must be made again — the
    finished site gives another ``pattern``, or a page it read was written again."""
    same = pattern == started.pattern and all(
        noted.get(page) == note for page, note in started.pages.items())
    if not same:
        started.process.kill()
    code = started.process.wait()
    started.errors.seek(0)
    message = started.errors.read().decode("utf-8", "replace").strip()
    started.errors.close()
    if not same:
        logger.info("search: pages changed after the index started; indexing again")
        return None
    if code != 0:
        logger.warning("search: pagefind failed (%d): %s", code, message[-500:])
        return False
    return True


def finish(started: Started, output: Path, html: list[str]) -> bool:
    """The finished site's search index: the early one when it :func:`stands`, else
    Pagefind run again now (:func:`.search.index_site`'s rule)."""
    noted = pagemarks.take(output)
    pattern = search_glob(searchable_pages(output, html, noted), set(html))
    outcome = stands(started, pattern, noted)
    if outcome is not None:
        if outcome:
            logger.info("search: indexed %s", output)
        return outcome
    shutil.rmtree(output / INDEX_FOLDER, ignore_errors=True)  # the stopped run's files
    return run_pagefind(output, pattern)
