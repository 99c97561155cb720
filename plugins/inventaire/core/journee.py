"""The day itself, as the editors describe it in ``content/pages/journee.md``.

Front matter: ``date`` (YYYY-MM-DD), ``timezone`` (e.g. Europe/Paris), ``hashtags``,
``temps`` (hour → Perec's weather note), optionally ``ville``; the body introduces the
day. The importer, the site, the book and the build all read the day through this
module, so the file's rules are written once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inventaire.core.postfile import read_front_matter

logger = logging.getLogger(__name__)

DAY_FILE = Path("pages") / "journee.md"


@dataclass
class DayFile:
    """What ``journee.md`` says; every field may be empty."""

    path: Path
    date: date | None = None
    timezone: str = ""
    hashtags: list[str] = field(default_factory=list)
    weather: dict[int, str] = field(default_factory=dict)
    city: str = ""
    intro: str = ""
    data: dict[str, Any] = field(default_factory=dict)


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

    Raises :class:`PostFileError` (file, line, field, fix) when it cannot be read.
    """
    path = content / DAY_FILE
    if not path.is_file():
        return None
    data, body = read_front_matter(path)
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
