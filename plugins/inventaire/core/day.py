"""The day being inventoried, read once for the importer, the site, the book and the build.

Before this module each of them found the day its own way and they could disagree on
a project without ``journee.md`` (the book had no date where the site had one). Now
:func:`load_day` is the one rule, field by field, first source that says it wins:

==========  ==========================================  ===========================
field       ``content/pages/journee.md``                then
==========  ==========================================  ===========================
date        ``date`` (YYYY-MM-DD)                       setting ``INVENTAIRE_DAY``;
                                                        the newest dated folder of
                                                        ``content/posts/``
                                                        (``2013-04-19/``); the first
                                                        post's date, when given
timezone    ``timezone`` (e.g. Europe/Paris)            setting ``TIMEZONE``; ``""``
hashtags    ``hashtags`` (``[jdtap]`` or ``"jdtap"``)   ``INVENTAIRE_HASHTAGS``
weather     ``temps`` (hour → Perec's note)             none
city        ``ville`` (or ``city``)                     none (the book says Paris)
intro       the body (Markdown)                         none
==========  ==========================================  ===========================

Defaults of the settings are :mod:`inventaire.core.settings`'s. Nothing here knows
Pelican: the settings are a plain mapping (``{}`` when a command has none).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inventaire.core import settings as inventaire_settings
from inventaire.core.postfile import PostFileError, read_front_matter

logger = logging.getLogger(__name__)

DAY_FILE = Path("pages") / "journee.md"
POSTS_DIR = "posts"
_DATED_FOLDER = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


@dataclass
class DayFile:
    """What ``journee.md`` says, and only that; every field may be empty.

    Kept apart from :class:`Day` for ``inventaire check``, which reports what the
    file itself gets wrong (its path, its raw ``data``)."""

    path: Path
    date: date | None = None
    timezone: str = ""
    hashtags: list[str] = field(default_factory=list)
    weather: dict[int, str] = field(default_factory=dict)
    city: str = ""
    intro: str = ""
    data: dict[str, Any] = field(default_factory=dict)


# The city of a day file without ``ville``: the sample day's (the project began there).
DEFAULT_CITY = "Paris"


@dataclass
class Day:
    """The day as the whole project sees it, after the fallbacks of :func:`load_day`.

    ``date_from`` says which source gave the date (``journee.md``,
    ``INVENTAIRE_DAY``, ``posts folder``, ``first post``, or ``""``) so that a
    command can tell the editors where a surprising date came from. The site's and
    the book's records extend this one with what only they show.
    """

    date: date | None = None
    timezone: str = ""
    hashtags: list[str] = field(default_factory=list)
    weather: dict[int, str] = field(default_factory=dict)
    city: str = ""
    intro: str = ""
    date_from: str = ""

    @property
    def city_name(self) -> str:
        """The city the pages name (« heure de Montréal »): the day file's ``ville``,
        else :data:`DEFAULT_CITY`, the sample day's."""
        return self.city or DEFAULT_CITY

    def weather_at(self, hour: int) -> str:
        """Perec's « Temps » for an hour (:func:`weather_at`)."""
        return weather_at(self.weather, hour)

    def zone(self) -> tzinfo:
        """The day's time zone; UTC when none is named or the name is unknown (the
        importer and ``inventaire check`` refuse a bad name; dating a PDF should not)."""
        if self.timezone:
            try:
                return ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                logger.warning("unknown time zone %r — UTC is used", self.timezone)
        return UTC

    def midnight_epoch(self) -> int | None:
        """00:00 of the day in its zone as Unix time (``SOURCE_DATE_EPOCH`` for
        reproducible builds); None when no date is known."""
        if self.date is None:
            return None
        return int(datetime.combine(self.date, time(0), self.zone()).timestamp())

    def core_fields(self) -> dict[str, Any]:
        """This record's fields by name, to build the site's or the book's from it."""
        return {f.name: getattr(self, f.name) for f in fields(Day)}


def weather_at(weather: Mapping[int, str], hour: int) -> str:
    """The note for an hour: that hour's, else the last one before it (a note holds
    until the next: the site's hour pages and the book's sittings both say so), else
    ``""`` before the first."""
    earlier = [h for h in weather if h <= hour]
    return weather[max(earlier)] if earlier else ""


def parse_date(value: Any) -> date | None:
    """A date from YAML (a date, a datetime or an ISO string), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def parse_hashtags(value: Any) -> list[str]:
    """``[jdtap, "#paris"]`` or ``"jdtap, paris"`` → ``["jdtap", "paris"]``."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    return [str(tag).strip().lstrip("#") for tag in value or [] if str(tag).strip()]


def hour_key(key: Any) -> int | None:
    """``9``, ``"09"``, ``"9h"``, ``"09:00"`` → 9; anything else → None."""
    text = str(key).strip().lower().replace("h", ":").split(":")[0]
    try:
        hour = int(text)
    except ValueError:
        return None
    return hour if 0 <= hour <= 23 else None


def parse_weather(raw: Any, source: str = "journee.md") -> dict[int, str]:
    """The ``temps`` mapping, keyed by hour; bad keys are reported and skipped."""
    weather: dict[int, str] = {}
    if not isinstance(raw, Mapping):
        if raw:
            logger.warning("%s: temps: expected 'HH: note' lines — the notes are ignored",
                           source)
        return weather
    for key, note in raw.items():
        hour = hour_key(key)
        if hour is None:
            logger.warning("%s: temps: %r is not an hour — write 09, 14 or 23", source, key)
            continue
        weather[hour] = str(note or "").strip()
    return weather


def read_day_file(content: Path) -> DayFile | None:
    """``content/pages/journee.md``, or None when the project has none.

    Field names are read case-insensitively (``Date:`` as ``date:``), as Pelican
    reads a page's. Raises :class:`PostFileError` (file, line, field, fix) when the
    file cannot be read.
    """
    path = content / DAY_FILE
    if not path.is_file():
        return None
    raw, body = read_front_matter(path)
    data = {str(key).lower(): value for key, value in raw.items()}
    return DayFile(
        path=path,
        date=parse_date(data.get("date")),
        timezone=str(data.get("timezone") or ""),
        hashtags=parse_hashtags(data.get("hashtags")),
        weather=parse_weather(data.get("temps"), str(path)),
        city=str(data.get("ville") or data.get("city") or ""),
        intro=body.strip(),
        data=data,
    )


def newest_posts_folder(content: Path) -> date | None:
    """The newest ``content/posts/YYYY-MM-DD/`` folder's date: the importer files
    each post under its day, so this is the day last imported."""
    folder = content / POSTS_DIR
    names = sorted((p.name for p in folder.glob(_DATED_FOLDER) if p.is_dir()),
                   reverse=True) if folder.is_dir() else []
    for name in names:
        found = parse_date(name)
        if found is not None:
            return found
    return None


def load_day(content: Path, settings: Mapping[str, Any],
             posts_dates: Iterable[datetime] | None = None, *, strict: bool = True) -> Day:
    """The day, by the one chain of fallbacks this module's docstring tabulates.

    ``content`` is the content folder; ``settings`` Pelican's (or ``{}``);
    ``posts_dates`` the posts' local dates, the last resort for the date. A
    ``journee.md`` that cannot be read raises :class:`PostFileError` when
    ``strict`` (commands that stop and say so); otherwise it is logged and the day
    comes from the settings (a build goes on, ``inventaire check`` reports it).
    """
    try:
        file = read_day_file(content)
    except PostFileError as error:
        if strict:
            raise
        logger.warning("%s — the day is taken from the settings", error)
        file = None
    day = Day(
        date=file.date if file else None,
        timezone=(file.timezone if file else "") or str(settings.get("TIMEZONE") or ""),
        hashtags=(file.hashtags if file else []) or parse_hashtags(
            inventaire_settings.get(settings, "INVENTAIRE_HASHTAGS")),
        weather=file.weather if file else {},
        city=file.city if file else "",
        intro=file.intro if file else "",
    )
    if day.date is not None:
        day.date_from = "journee.md"
    elif (setting := parse_date(inventaire_settings.get(settings, "INVENTAIRE_DAY"))):
        day.date, day.date_from = setting, "INVENTAIRE_DAY"
    elif (folder := newest_posts_folder(content)) is not None:
        day.date, day.date_from = folder, "posts folder"
    elif posts_dates is not None and (dates := list(posts_dates)):
        day.date, day.date_from = min(dates).date(), "first post"
    return day


@contextmanager
def source_date(epoch: int | None) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to ``epoch`` (the day's midnight, see
    :meth:`Day.midnight_epoch`) for the duration, unless the caller set it or there is
    no day. Every date a build writes that is not a post's own (the PDFs' dates, the
    font subsets' time stamps, the feed's ``updated``, the sitemap) comes from it, so
    that two builds of the same content are byte-identical (reproducible-builds.org's
    convention)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip() or epoch is None:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
