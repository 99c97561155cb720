"""``inventaire build`` and ``inventaire serve``: Pelican with the project's settings.

The site and the book come out of one Pelican run (the book is a generator of that
run), so they always show the same selection.
"""

from __future__ import annotations

import ast
import logging
import os
import sys
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import UserError
from inventaire.core.journee import read_day_file
from inventaire.commands.output import Seed, Sweeper, check_output_folder, swapped_output, theme_statics
from inventaire.core.postfile import PostFileError


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
    # Pelican registers the file it reads as a module named after it; a publishconf.py
    # read later in the same process would then import another project's pelicanconf.
    for name in ("pelicanconf", "publishconf"):
        sys.modules.pop(name, None)
    try:
        settings: dict[str, Any] = read_settings(str(path), override=overrides or {})
    finally:
        for name in ("pelicanconf", "publishconf"):
            sys.modules.pop(name, None)
        os.chdir(cwd)
    # Pelican makes a relative CACHE_PATH absolute only when the file sets it; its
    # default would put the caches in whatever folder the command runs from.
    cache = Path(str(settings.get("CACHE_PATH") or "cache"))
    if not cache.is_absolute():
        settings["CACHE_PATH"] = str(path.parent / cache)
    return settings


def day_epoch(settings: dict[str, Any]) -> int | None:
    """The day being published, as a Unix time: 00:00 in the day's zone.

    As the book and the site find it: the ``date`` of ``content/pages/journee.md``,
    else ``INVENTAIRE_DAY``, else the newest dated folder of ``content/posts/``.
    None when nothing says it.
    """
    try:
        page = read_day_file(Path(settings.get("PATH", "content")))
    except PostFileError:
        page = None  # inventaire check reports it; the build still dates its PDFs
    day = (page.date.isoformat() if page and page.date else ""
           ) or str(inventaire_settings.get(settings, "INVENTAIRE_DAY") or "")
    if not day:
        posts = Path(settings.get("PATH", "content")) / "posts"
        folders = sorted(p.name for p in posts.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
                         if p.is_dir()) if posts.is_dir() else []
        day = folders[-1] if folders else ""
    try:
        midnight = datetime.fromisoformat(day[:10])
    except ValueError:
        return None
    try:
        zone: tzinfo = ZoneInfo((page.timezone if page else "") or settings.get("TIMEZONE")
                                or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    return int(midnight.replace(tzinfo=zone).timestamp())


@contextmanager
def source_date(settings: dict[str, Any]) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set from the day for the build, unless the caller set it.

    Every date a build writes that is not a post's own (PDF creation dates, a
    feed's ``updated``) must come from here, so that two builds of the same content
    are byte-identical (reproducible-builds.org's convention).
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        yield
        return
    epoch = day_epoch(settings)
    if epoch is None:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextmanager
def sitemap_clock(settings: dict[str, Any]) -> Iterator[None]:
    """Pin pelican-sitemap's ``lastmod`` of lists and pages to ``SOURCE_DATE_EPOCH``.

    The plugin dates every page that has no date of its own (the home page, the
    hours, the places) with the time its module was imported, so two builds differ
    by their ``sitemap.xml``. Its one generator object is module-level state that
    also survives a failed build (``_main_pelican``), after which no later build in
    the same process would write a sitemap: both are reset for each build.
    """
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        yield
        return
    generator = sitemap.generator
    before = generator.now
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            zone: tzinfo = ZoneInfo(str(settings.get("TIMEZONE") or "UTC"))
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        generator.now = datetime.fromtimestamp(int(epoch), zone)
    generator._main_pelican = None
    generator.page_queue = []
    try:
        yield
    finally:
        generator.now = before
        generator._main_pelican = None
        generator.page_queue = []


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
          output: Path | None = None) -> dict[str, Any]:
    """Run Pelican once into a fresh folder, then swap it in; returns the settings used.

    The settings returned name the real output folder, not the temporary one.
    """
    from pelican import Pelican, signals

    from inventaire.site import search_prefeed, writer

    overrides = dict(overrides or {})
    if output is not None:
        overrides["OUTPUT_PATH"] = str(output.resolve())
    settings = load_settings(project, publish, overrides)
    target = Path(settings["OUTPUT_PATH"]).resolve()
    check_output_folder(target, project.resolve(), settings)
    static_dir = str(settings.get("THEME_STATIC_DIR") or "theme").strip("/")
    # Pelican's own writer writes in place: without ours, start from an empty folder.
    seed = Seed(target, prefixes=("pagefind/", f"{static_dir}/fonts/")) \
        if "inventaire.site" in (settings.get("PLUGINS") or []) else None
    # Written in place by code we do not own (see Seed): never shared with the old output.
    unshared = ["sitemap.xml", "sitemap.txt", *theme_statics(settings, static_dir)]
    # The previous output is deleted during the next build (output.discard).
    trash = Path(settings["CACHE_PATH"]) / "old-output"
    sweeper = Sweeper(trash)
    with source_date(settings), sitemap_clock(settings), swapped_output(
            target, settings.get("OUTPUT_RETENTION") or (), seed, unshared,
            trash) as building:
        # DELETE_OUTPUT_DIRECTORY is moot: the folder is new, and Seed.prune removes
        # whatever the previous build wrote (pages of posts withdrawn since).
        run_settings = {**settings, "OUTPUT_PATH": str(building),
                        "DELETE_OUTPUT_DIRECTORY": False}
        key = os.path.realpath(building)
        search_prefeed.PREVIOUS[key] = target  # what Pagefind may read early
        if seed is not None:
            writer.PRUNERS[key] = seed.prune
            signals.all_generators_finalized.connect(seed.ready)  # seeded before writing
            signals.all_generators_finalized.connect(seed.collect)
        try:
            Pelican(run_settings).run()
            writer.finish(building)  # when the search plugin did not already
        finally:
            writer.PRUNERS.pop(key, None)
            writer.ACTIVE.pop(key, None)
            search_prefeed.PREVIOUS.pop(key, None)
            search_prefeed.discard(key)  # a build that failed before its index
            # The build leaves no handler behind: the next Pelican run in this
            # process (another project, a test) gets only its own plugins.
            reset_plugin_signals()
            sweeper.join()
    settings["OUTPUT_PATH"] = str(target)
    return settings


class ErrorCounter(logging.Handler):
    """Counts the errors logged during a build, so the command can exit 1 on them."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def run(args: Any) -> int:
    """``inventaire build``: exit 1 when anything was logged as an error (a post file
    that cannot be read, a book setting that is wrong), though the rest is built."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = parse_overrides(args.set)
    if args.site:
        overrides["BOOK_ENABLED"] = False
    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        build(args.project, publish=args.publish, overrides=overrides, output=args.output)
    finally:
        logging.getLogger().removeHandler(errors)
    if errors.count:
        print(f"inventaire: the build logged {errors.count} error(s) above; the rest of "
              "output/ was built — fix them (inventaire check helps) and build again.",
              file=sys.stderr)
        return 1
    return 0


def serve(args: Any) -> int:
    """Preview on localhost, rebuilding when a file changes (Pelican's autoreload)."""
    from pelican import main as pelican_main

    path = settings_file(args.project.resolve(), publish=False)
    os.chdir(path.parent)
    # Pagefind is a third of a one-edit rebuild (it reads every page again): the
    # preview keeps the index of its first build (see site.plugin.index_for_search).
    pelican_main(["--autoreload", "--listen", "--port", str(args.port), "-s", path.name,
                  "-e", "INVENTAIRE_SEARCH_IN_PREVIEW=false"])
    return 0
