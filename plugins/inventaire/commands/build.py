"""``inventaire build`` and ``inventaire serve``: Pelican with the project's settings.

A build is always a full one: the book step first (``inventaire.book``, which skips
its layout when nothing it reads changed), then Pelican renders every page into a
fresh folder that replaces ``output/`` at the end (``commands/output.py``). The site
reads the book's page list (``pages.json``) as data, so the two always agree.
"""

from __future__ import annotations

import ast
import fcntl
import logging
import os
import sys
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from inventaire.book.pages import MANIFEST as PAGES_FILE
from inventaire.book.pages import edition_folder
from inventaire.commands.output import check_output_folder, swapped_output
from inventaire.commands.steps import pelican_steps
from inventaire.core import collector
from inventaire.core import settings as inventaire_settings
from inventaire.core.atomic import link_or_copy
from inventaire.core.day import load_day, source_date
from inventaire.core.errors import UserError
from inventaire.core.messages import Localized, language_of
from inventaire.core.progress import QUIET, VERBOSE, Progress, Step, level_of
from inventaire.site.reuse import forget as forget_preview
from inventaire.site.reuse import kept_pages

logger = logging.getLogger(__name__)


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs; VALUE is a Python literal when it parses as one."""
    overrides: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier() or not name.isupper():
            raise UserError(f"--set {item!r}: expected NAME=VALUE with an upper-case NAME, "
                            "e.g. --set BOOK_COLOR=gray")
        try:
            value: Any = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = raw
        overrides[name] = value
    return overrides


def settings_file(project: Path, publish: bool) -> Path:
    path = project / ("publishconf.py" if publish else "pelicanconf.py")
    if not path.is_file():
        raise UserError(f"{path} not found: run this command in the project folder "
                        "or give --project")
    return path


def load_settings(project: Path, publish: bool = False,
                  overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings for the project, with command-line overrides applied."""
    from pelican.settings import read_settings

    path = settings_file(project.resolve(), publish)
    cwd = Path.cwd()
    os.chdir(path.parent)  # publishconf.py imports pelicanconf from its folder
    # Pelican registers the file it reads as a module named after it, and publishconf
    # imports pelicanconf by name: a module of that name left by another project read
    # in this process (a test, a benchmark) must not be taken for this one's. The
    # module read here stays registered, so what it defines (a Jinja filter) can be
    # found by its name for as long as the process runs.
    for name in ("pelicanconf", "publishconf"):
        sys.modules.pop(name, None)
    try:
        settings: dict[str, Any] = read_settings(str(path), override=overrides or {})
    finally:
        os.chdir(cwd)
    # Pelican makes a relative CACHE_PATH absolute only when the file sets it; its
    # default would put the caches in whatever folder the command runs from.
    cache = Path(str(settings.get("CACHE_PATH") or "cache"))
    if not cache.is_absolute():
        settings["CACHE_PATH"] = str(path.parent / cache)
    return settings


def day_epoch(settings: dict[str, Any]) -> int | None:
    """The day being published, as a Unix time: 00:00 in the day's zone (the day's
    one fallback chain, :func:`inventaire.core.day.load_day`); None when nothing says
    it. A day file that cannot be read is ``inventaire check``'s to report: the
    build still dates its PDFs from the settings or the posts' folders."""
    return load_day(Path(settings.get("PATH", "content")), settings,
                    strict=False).midnight_epoch()


def reset_plugin_signals() -> None:
    """Disconnect every receiver of Pelican's signals.

    Blinker signals are process-wide and each ``Pelican()`` connects its plugins'
    handlers again: after one build with ``inventaire.site``, a later build in the
    same process (another project, a test, a benchmark's vanilla baseline) would run
    our generators too. :func:`build` calls this when it ends.
    """
    from blinker import Signal
    from pelican.plugins import signals

    for signal in vars(signals).values():
        if isinstance(signal, Signal):
            for receiver in list(signal.receivers.values()):
                target = receiver() if isinstance(receiver, weakref.ref) else receiver
                if target is not None:
                    signal.disconnect(target)


def build(project: Path, publish: bool = False, overrides: dict[str, Any] | None = None,
          output: Path | None = None, book: bool | None = None,
          search: bool = True, reuse_pages: bool = False,
          progress: Progress | None = None) -> dict[str, Any]:
    """A full build: the book step, then Pelican into a fresh folder swapped in at the
    end; returns the settings used (naming the real output folder).

    ``book`` None follows ``BOOK_ENABLED``; False publishes the last book laid out
    (``--site``, the preview), True lays it out whatever ``BOOK_ENABLED`` says. The
    book step is skipped by the book itself when nothing it reads changed.
    ``reuse_pages`` (the preview only, never a publish) keeps in place the last
    preview's pages whose inputs did not change (``inventaire.site.reuse``); the new
    folder is then merged into the output instead of replacing it.
    ``progress`` shows the steps (:mod:`inventaire.commands.steps`).
    """
    from pelican import Pelican

    from inventaire.site.pelicanlog import forget_logged_messages

    forget_logged_messages()  # a problem still there is said again, at every build
    overrides = dict(overrides or {})
    if output is not None:
        overrides["OUTPUT_PATH"] = str(output.resolve())
    if not search:
        overrides["INVENTAIRE_SEARCH"] = False
    settings = load_settings(project, publish, overrides)
    target = Path(settings["OUTPUT_PATH"]).resolve()
    check_output_folder(target, project.resolve(), settings)
    cache = Path(settings["CACHE_PATH"])
    with one_build_at_a_time(cache), source_date(day_epoch(settings)):
        lay_out = bool(inventaire_settings.get(settings, "BOOK_ENABLED")) \
            if book is None else book
        if lay_out:
            with (progress or Progress(QUIET)).step("book") as step:
                edition = book_edition(settings, cache, lay_out, step)
        else:
            edition = book_edition(settings, cache, lay_out)
        if not reuse_pages or publish:  # this output will not be the last preview's
            forget_preview(cache)
        kept = partial(kept_pages, cache) if reuse_pages and not publish else None
        with swapped_output(target, settings.get("OUTPUT_RETENTION") or (),
                            cache / "trash", kept=kept) as building:
            run_settings = {**settings, "OUTPUT_PATH": str(building),
                            "DELETE_OUTPUT_DIRECTORY": False,
                            "INVENTAIRE_BOOK_PAGES": str(edition / PAGES_FILE)
                            if edition else "",
                            "INVENTAIRE_REUSE_PAGES": reuse_pages and not publish,
                            "INVENTAIRE_PREVIOUS_OUTPUT": str(target)}
            if edition is not None:
                publish_book(edition, building / str(inventaire_settings.get(
                    settings, "BOOK_OUTPUT")))
            try:
                # The collector rests until the site's context is built, not while the
                # book is laid out before (it pauses per layout and collects after).
                with pelican_steps(progress), collector.paused():
                    Pelican(run_settings).run()
            finally:
                # The build leaves no handler behind: the next Pelican run in this
                # process (another project, a test) gets only its own plugins.
                reset_plugin_signals()
    settings["OUTPUT_PATH"] = str(target)
    return settings


@contextmanager
def one_build_at_a_time(cache: Path) -> Iterator[None]:
    """An exclusive lock on ``cache/build.lock`` for the whole build: a second build of
    the same project (a preview's rebuild, a ``make all`` in another terminal) waits
    for the first instead of sharing its caches and its output folder halfway. The
    lock is the kernel's (``flock``): a build that is killed releases it."""
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / "build.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.warning("another build of this project is running; waiting for it")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def book_edition(settings: dict[str, Any], cache: Path, lay_out: bool,
                 step: Step | None = None) -> Path | None:
    """The folder of the book to publish: laid out now (or found unchanged) when
    ``lay_out``, else the last one laid out; None when there is none. ``step`` is
    told which."""
    if lay_out:
        from inventaire.book.step import build_book

        result = build_book(settings, Path(settings["PATH"]), cache)
        folder = Path(result.folder)
        if step is not None:
            step.done = ("unchanged since the last build, not laid out again"
                         if result.skipped else f"laid out, {result.pages} pages"
                         if result.built else "not laid out (see above)")
    else:
        folder = edition_folder(cache)
    return folder if (folder / PAGES_FILE).is_file() else None


def publish_book(edition: Path, target: Path) -> None:
    """The book's files (PDFs, criers' sheets) into the output, as hard links to the
    laid-out edition (the book step never changes a file in place); copies across
    file systems. ``pages.json`` stays in the cache: it is for the site."""
    for source in sorted(edition.rglob("*")):
        relative = source.relative_to(edition)
        if not source.is_file() or relative.as_posix() == PAGES_FILE:
            continue
        link_or_copy(source, target / relative)


class ErrorCounter(logging.Handler):
    """Counts the errors logged during a build, so the command can exit 1 on them,
    and the warnings, for the summary."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.count += 1
        else:
            self.warnings += 1


def run(args: Any) -> int:
    """``inventaire build``: exit 1 when anything was logged as an error (a post file
    that cannot be read, a book setting that is wrong), though the rest is built.

    ``--site``: the site, with the last book laid out (not laid out again);
    ``--book``: the book even when ``BOOK_ENABLED`` is False, then the site, whose
    pages show the book's page numbers; ``--preview``: the candidates shown, marked
    (the default build is the public face: what would be published), taking from
    the last preview the pages whose inputs did not change.
    """
    progress = Progress(level_of(args))
    logging.basicConfig(level=logging.INFO if progress.level >= VERBOSE else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    overrides = parse_overrides(args.set)
    if getattr(args, "preview", False):
        overrides.setdefault("INVENTAIRE_SHOW_CANDIDATES", True)
    book = False if args.site else (True if args.book else None)
    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    localized = Localized(language_of(load_settings(args.project, args.publish, overrides)))
    for handler in logging.getLogger().handlers:  # the editors' problems in their language
        handler.addFilter(localized)
    try:
        settings = build(args.project, publish=args.publish, overrides=overrides,
                         output=args.output, book=book,
                         reuse_pages=bool(getattr(args, "preview", False)),
                         progress=progress)
    finally:
        logging.getLogger().removeHandler(errors)
        for handler in logging.getLogger().handlers:
            handler.removeFilter(localized)
    from inventaire.commands.summary import build_summary

    if not progress.quiet:
        print(build_summary(settings, errors.warnings, errors.count,
                            preview=bool(getattr(args, "preview", False)) and not args.publish))
    if errors.count:
        print(f"inventaire: the build logged {errors.count} error(s) above; the rest of "
              "output/ was built — fix them (inventaire check helps) and build again.",
              file=sys.stderr)
        return 1
    return 0


def serve(args: Any) -> int:
    """Preview on localhost (:mod:`inventaire.commands.preview`): a full build of the
    site, with the last book laid out and without the search index, at the start and
    after every change to the content, the theme or the settings."""
    from inventaire.commands.preview import serve_preview

    project = args.project.resolve()
    settings = load_settings(project)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return serve_preview(project, args.port, Path(settings["OUTPUT_PATH"]),
                         settings=settings)
