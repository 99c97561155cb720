"""``inventaire live`` and ``inventaire criers``: the day itself, as it happens.

``live`` joins the layers: the sources and the passes are the importer's
(``importer/live``), the criers' round sheets the book's (``book/criers_hour``), the
publication a normal build of the site (``commands/build``), the phone and wall
pages the site's (``site/live``). The day, its zone and its hashtags are
``journee.md``'s, as for ``inventaire import``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from inventaire.commands.build import build, load_settings
from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import PostFileError, UserError
from inventaire.importer.curation.day import DayFilter
from inventaire.importer.curation.importer import day_filter
from inventaire.importer.live.bluesky import BlueskySource
from inventaire.importer.live.cursors import Cursors, one_live_at_a_time
from inventaire.importer.live.folder import FolderSource, folder_path
from inventaire.importer.live.land import Lander
from inventaire.importer.live.mastodon import MastodonSource
from inventaire.importer.live.retry import Retry
from inventaire.importer.live.scheduler import PassReport, Scheduler, Source
from inventaire.importer.live.watch import Watchlist

logger = logging.getLogger(__name__)


def the_day(content: Path) -> DayFilter:
    """The day, zone and hashtags of ``journee.md`` (the import's own reading)."""
    args = argparse.Namespace(tz=None, day=None, hashtag=[], all=False, skip_unlisted=False)
    filter_ = day_filter(args, content)
    if not filter_.hashtags:
        raise UserError("content/pages/journee.md names no hashtag: inventaire live "
                        "collects the day's hashtags only; add 'hashtags: [jdtap]'")
    return filter_


def make_sources(settings: dict[str, Any], content: Path, filter_: DayFilter,
                 retry: Retry) -> list[Source]:
    """One source per instance and hashtag, per hashtag on Bluesky, and the folder;
    the network sources share one list of the posts to re-check (:mod:`.watch`)."""
    start = filter_.start
    sources: list[Source] = []
    watch = Watchlist(content)
    recheck = max(0, int(inventaire_settings.get(settings, "LIVE_RECHECK")))
    instances = inventaire_settings.get(settings, "LIVE_MASTODON")
    if isinstance(instances, str):
        instances = [instances]
    for base in instances or ():
        sources += [MastodonSource(str(base), tag, start, filter_.tz, retry, watch=watch,
                                   recheck=recheck) for tag in filter_.hashtags]
    bluesky = str(inventaire_settings.get(settings, "LIVE_BLUESKY") or "")
    if bluesky:
        sources += [BlueskySource(bluesky, tag, start, filter_.tz, retry, watch=watch,
                                  recheck=recheck) for tag in filter_.hashtags]
    folder = folder_path(content, str(inventaire_settings.get(settings, "LIVE_FOLDER")))
    sources.append(FolderSource(folder, content, filter_.tz))
    return sources


def parse_until(text: str, now: datetime) -> datetime:
    """``--until HH:MM`` today, in the day's zone."""
    try:
        hour, minute = (int(part) for part in text.split(":"))
        until = datetime.combine(now.date(), time(hour, minute), now.tzinfo)
    except ValueError:
        raise UserError(f"--until {text!r}: write the hour as HH:MM, e.g. --until 23:30") \
            from None
    if until <= now:
        raise UserError(f"--until {text}: that time has passed today "
                        f"(it is {now:%H:%M} in {now.tzinfo})")
    return until


class Day:
    """The callbacks of the scheduler: rounds and publications, each logged, never
    stopping the collection when it fails."""

    def __init__(self, project: Path, settings: dict[str, Any]) -> None:
        self.project = project
        self.settings = settings
        self.publishing = bool(inventaire_settings.get(settings, "LIVE_PUBLISH_EVERY"))

    def round(self, when: datetime) -> None:
        made = make_round_sheets(self.settings, when.hour, [self.output(), self.public()])
        for slug, posts in made.items():
            print(f"inventaire: criers' round {when:%H} h at {slug}: {len(posts)} post(s)")
        if made and self.publishing:
            self.publish()

    def output(self) -> Path:
        """The preview's folder (``inventaire serve``)."""
        return Path(str(self.settings["OUTPUT_PATH"]))

    def public(self) -> Path:
        """The published site's folder: its own, so that the preview, which builds
        into ``output/`` with the candidates shown, never replaces it."""
        return self.project / str(inventaire_settings.get(self.settings,
                                                          "LIVE_PUBLISH_OUTPUT"))

    def publish(self) -> None:
        publish = (self.project / "publishconf.py").is_file()
        try:
            build(self.project, publish=publish, book=False, output=self.public(),
                  overrides={"LIVE_DAY": True})
        except (UserError, OSError) as error:
            logger.error("live: the publication failed (%s); the last one stays", error)
            return
        print(f"inventaire: published {self.public()} at {datetime.now():%H:%M}")


def make_round_sheets(settings: dict[str, Any], hour: int, outputs: list[Path]
                      ) -> dict[str, list[Any]]:
    from inventaire.book.criers_hour import make_round

    return make_round(settings, Path(str(settings["PATH"])),
                      Path(str(settings["CACHE_PATH"])), hour, outputs)


def run(args: argparse.Namespace) -> int:
    """``inventaire live``: passes until ``--until`` (or one, ``--once``)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    project = Path(args.project).resolve()
    settings = load_settings(project)
    if args.publish_every is not None:
        settings["LIVE_PUBLISH_EVERY"] = args.publish_every
    content = Path(str(settings["PATH"]))
    filter_ = the_day(content)
    retry = Retry(attempts=int(inventaire_settings.get(settings, "LIVE_RETRIES")))
    try:
        cursors = Cursors.load(content)
    except PostFileError as error:
        raise UserError(str(error)) from None
    day = Day(project, settings)
    now = datetime.now(filter_.tz)
    until = parse_until(args.until, now) if args.until else None
    scheduler = Scheduler(
        make_sources(settings, content, filter_, retry), cursors,
        Lander(content, filter_, args.status),
        interval=float(inventaire_settings.get(settings, "LIVE_INTERVAL")),
        lead=timedelta(minutes=float(inventaire_settings.get(settings, "LIVE_CRIERS_LEAD"))),
        publish_every=float(inventaire_settings.get(settings, "LIVE_PUBLISH_EVERY")),
        on_round=day.round, on_publish=day.publish, on_pass=report,
        clock=lambda: datetime.now(filter_.tz))
    if not args.once:
        print(f"inventaire: live on {len(scheduler.sources)} source(s) until "
              f"{until:%H:%M}" if until else "inventaire: live until Ctrl-C")
    with one_live_at_a_time(content):
        scheduler.cursors = Cursors.load(content)  # as saved by the last command
        scheduler.run(until, once=args.once)
    return 0


def report(done: PassReport) -> None:
    for line in done.tally.errors + done.tally.conflicts:
        print(line, file=sys.stderr)
    print(f"inventaire: {datetime.now():%H:%M:%S} {done.line()}")


def criers(args: argparse.Namespace) -> int:
    """``inventaire criers --hour 15``: the round's sheets now."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if not 0 <= args.hour <= 23:
        raise UserError(f"--hour {args.hour}: give the round's hour, 0 to 23")
    settings = load_settings(Path(args.project).resolve())
    output = Path(str(settings["OUTPUT_PATH"]))
    made = make_round_sheets(settings, args.hour, [output])
    book = inventaire_settings.get(settings, "BOOK_OUTPUT")
    name = f"{args.hour:02d}h.pdf"
    for slug, posts in made.items():
        # Only a built output gets the sheet now (a build refuses a folder it did not
        # write); the cache's copy is published by the next build.
        sheet = output / str(book) / "crieurs" / slug / name
        if not sheet.is_file():
            sheet = Path(str(settings["CACHE_PATH"])) / "criers" / slug / name
        print(f"{sheet}: {len(posts)} post(s)")
    if not made:
        print(f"inventaire: no post is marked for {args.hour} h at a place with a crier "
              "(declaimed: {place: …, time: \"HH:00\"}, status: selected)")
    return 0
