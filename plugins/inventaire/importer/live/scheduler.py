"""The passes of ``inventaire live``: every source, landed, cursors saved; until the end.

A pass asks each source for what it has since its cursor, lands every batch in the
editors' files (:class:`.land.Lander`), and only then saves the cursors: a pass
killed before the save is done again from the old cursors, its posts merging as
unchanged. A source that cannot be read (:class:`.retry.SourceUnavailable`) keeps
its cursor and is tried again at the next pass; the others go on.

Between passes the scheduler fires what the day needs at its times, through
callbacks the command gives (the importer knows neither the book nor the site): the
criers' round at each round hour (``lead`` minutes before it, so the sheet is in the
crier's hand when the clock strikes) and a publication every ``publish_every``
minutes. The clock and the sleep are parameters: a test runs an hour in no time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from inventaire.importer.curation.importer import Tally
from inventaire.importer.live.cursors import Cursors
from inventaire.importer.live.land import Batch, Lander
from inventaire.importer.live.retry import SourceUnavailable

logger = logging.getLogger(__name__)


class Source(Protocol):
    key: str

    def poll(self, cursor: dict[str, Any]) -> tuple[Batch, dict[str, Any]]: ...


@dataclass
class PassReport:
    """What one pass did: the landing's tally, and the sources that could not be read."""

    tally: Tally
    unavailable: list[str] = field(default_factory=list)

    def line(self) -> str:
        imported = self.tally.imported
        parts = [f"{imported['new']} new", f"{imported['updated']} updated"]
        skipped = sum(self.tally.skipped.values())
        if skipped:
            parts.append(f"{skipped} left out (" + ", ".join(
                f"{n} {k}" for k, n in sorted(self.tally.skipped.items())) + ")")
        if self.unavailable:
            parts.append(f"{len(self.unavailable)} source(s) unavailable")
        return "; ".join(parts)


def run_pass(sources: Sequence[Source], cursors: Cursors, lander: Lander) -> PassReport:
    """One pass over every source (see the module)."""
    batches: list[Batch] = []
    moved: dict[str, dict[str, Any]] = {}
    unavailable: list[str] = []
    for source in sources:
        try:
            batch, cursor = source.poll(cursors.get(source.key))
        except SourceUnavailable as error:
            logger.warning("live: %s — tried again at the next pass", error)
            unavailable.append(source.key)
            continue
        batches.append(batch)
        moved[source.key] = cursor
    tally = lander.land(batches)
    for key, cursor in moved.items():
        cursors.put(key, cursor)
    cursors.save()
    return PassReport(tally, unavailable)


def next_round(after: datetime) -> datetime:
    """The first round hour (HH:00) strictly after ``after``."""
    return after.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


@dataclass
class Scheduler:
    """Passes every ``interval`` seconds until ``until``, firing rounds and publications."""

    sources: Sequence[Source]
    cursors: Cursors
    lander: Lander
    interval: float = 60.0
    lead: timedelta = timedelta(minutes=10)
    publish_every: float = 0.0  # minutes; 0: never
    on_round: Callable[[datetime], None] | None = None
    on_publish: Callable[[], None] | None = None
    on_pass: Callable[[PassReport], None] | None = None
    clock: Callable[[], datetime] = datetime.now
    sleep: Callable[[float], None] = time.sleep

    def run(self, until: datetime | None = None, once: bool = False) -> int:
        """Passes until ``until`` (or one, ``once``); the number of passes made."""
        start = self.clock()
        coming = next_round(start)
        published = start
        passes = 0
        while True:
            report = run_pass(self.sources, self.cursors, self.lander)
            passes += 1
            if self.on_pass is not None:
                self.on_pass(report)
            if once:
                return passes
            now = self.clock()
            while now >= coming - self.lead and (until is None or coming <= until
                                                 + self.lead):
                if self.on_round is not None:
                    self.on_round(coming)
                coming += timedelta(hours=1)
            if self.publish_every and now - published >= timedelta(minutes=self.publish_every):
                if self.on_publish is not None:
                    self.on_publish()
                published = now
            if until is not None and now >= until:
                return passes
            wait = self.interval
            if until is not None:
                wait = min(wait, max(0.0, (until - now).total_seconds()))
            self.sleep(wait)
