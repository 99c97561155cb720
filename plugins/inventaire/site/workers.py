"""Pages rendered by several processes, once Pelican has read every post.

Rendering and writing the pages is half of a cold build, and Pelican does it on one
core. Once every generator has built its context (``all_generators_finalized``),
the process forks ``INVENTAIRE_RENDER_WORKERS - 1`` children. Each process then
runs the same ``generate_output`` calls in the same order over the same context, and
the writer (:mod:`.writer`) renders only the calls of its own share: call *i* goes
to process *i mod n*. The share ends with the site's own generator (it has
``ends_render_share``), the last of Pelican's and the plugin's page generators: the
parent joins the children there, and renders alone whatever a later generator
writes. A child inherits the whole context by ``fork`` and writes its pages into the
same output folder — so the pages are exactly those a single process would write;
all it sends back is, for the search index, which of its pages carry the search mark
(:mod:`.pagemarks`).

Work that is not a page or a feed (the theme's static files, photos, fonts) stays
with the parent. The parent waits for every child before the site is indexed for search
(:func:`join`). A child that logs an error exits with status 1, and the parent logs
one too, so the build's exit status says so; a child whose rendering raised exits
with status 2, and the parent raises, as it would have had the page been its own:
the build stops and ``output/`` is left as it was.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Sequence
from typing import IO, Any

from pelican.generators import StaticGenerator

from inventaire.core import collector
from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import UserError

from . import fragments, pagemarks, reuse
from .writer import CHILDREN, SHARE, SiteWriter

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
LOGGED_ERRORS, CRASHED = 1, 2  # a child's exit statuses


def worker_count(settings: dict[str, Any]) -> int:
    """``INVENTAIRE_RENDER_WORKERS``, else one process per CPU this process may use."""
    wanted = inventaire_settings.get(settings, "INVENTAIRE_RENDER_WORKERS")
    if wanted:
        return max(1, int(wanted))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class ErrorFlag(logging.Handler):
    """Set when a child logs an error: its exit status must say so."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.raised = False

    def emit(self, record: logging.LogRecord) -> None:
        self.raised = True


def start(generators: Sequence[Any]) -> None:
    """``all_generators_finalized``: fork the workers; each child renders its share
    and exits, the parent goes on with share 0."""
    if not generators:
        return
    collector.settle()  # the context is built: the collector walks new objects only
    reuse.begin(generators)  # before the fork: every process shares its keys
    context = generators[0].context
    settings = generators[0].settings
    fragments.begin(context)  # before the fork: each process fills its own
    if inventaire_settings.get(settings, "INVENTAIRE_SEARCH"):
        pagemarks.begin(context, generators[0].output_path)
    if not hasattr(os, "fork"):
        return
    count = worker_count(settings)
    if count <= 1:
        return
    children: list[int] = []
    notes: list[IO[bytes]] = []
    for index in range(1, count):
        sys.stdout.flush()
        sys.stderr.flush()
        notes.append(tempfile.TemporaryFile())  # noqa: SIM115 — closed by join()
        pid = os.fork()
        if pid == 0:
            _render_share(generators, index, count, notes[-1])  # never returns
        children.append(pid)
    context[SHARE] = (0, count)
    context[CHILDREN] = list(zip(children, notes, strict=True))


def die_with_parent() -> None:
    """Ask Linux to kill this child when its parent dies (``PR_SET_PDEATHSIG``): a
    build killed halfway must not leave workers writing into its folder, which the
    next build deletes. Elsewhere, the child finishes its share and exits."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _render_share(generators: Sequence[Any], index: int, count: int,
                  notes_file: IO[bytes]) -> None:
    """In a child: the pages of share ``index``, their notes for the search index
    into ``notes_file`` (:mod:`.pagemarks`), then ``os._exit``."""
    die_with_parent()
    status = CRASHED
    flag = ErrorFlag()
    logging.getLogger().addHandler(flag)
    try:
        context = generators[0].context
        context[SHARE] = (index, count)
        context[CHILDREN] = []
        for generator in generators:  # as Pelican does before it writes
            if hasattr(generator, "refresh_metadata_intersite_links"):
                generator.refresh_metadata_intersite_links()
        first = generators[0]
        writer = SiteWriter(first.output_path, settings=first.settings)
        for generator in generators:
            if hasattr(generator, "generate_output") and not isinstance(
                    generator, StaticGenerator):
                generator.generate_output(writer)
            if getattr(generator, "ends_render_share", False):
                break  # the generators after it render in the parent alone
        notes = context.get(pagemarks.NOTES)
        if notes is not None:
            pagemarks.send(notes, notes_file)
        status = LOGGED_ERRORS if flag.raised else 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def is_primary(context: dict[str, Any]) -> bool:
    """Whether this process does the work that is not a page (the parent)."""
    share = context.get(SHARE)
    return share is None or share[0] == 0


def join(context: dict[str, Any]) -> int:
    """Wait for every child, then stop sharing: the parent renders every page of the
    generators that follow. Raises :class:`UserError` when a child crashed; logs an
    error when one logged errors. Returns how many logged errors."""
    context.pop(SHARE, None)
    notes = context.get(pagemarks.NOTES)
    logged = crashed = 0
    for pid, notes_file in context.pop(CHILDREN, None) or []:
        _pid, status = os.waitpid(pid, 0)
        if notes is not None:
            pagemarks.receive(notes_file, notes)
        else:
            notes_file.close()
        code = os.waitstatus_to_exitcode(status)
        logged += code == LOGGED_ERRORS
        crashed += code not in (0, LOGGED_ERRORS)
    if crashed:
        raise UserError("a page could not be rendered (the error is above); output/ "
                        "is left as it was")
    if logged:
        logger.error("site: %d of the processes rendering pages logged errors (above)",
                     logged)
    return logged
