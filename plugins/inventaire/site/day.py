"""The day itself: its date, zone, hashtags and Perec's « Temps », hour by hour.

The editors describe the day in ``content/pages/journee.md`` (front matter ``date``,
``timezone``, ``hashtags``, ``temps``: hour → weather note). Pelican reads that file
as a page; this module turns its metadata into one small record the templates use,
with fallbacks on the settings and on the posts so that a project without the file
still builds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.journee import parse_date, parse_hashtags, parse_weather
from inventaire.core.model import Post

logger = logging.getLogger(__name__)

DAY_PAGE_SLUG = "journee"


@dataclass
class Day:
    """What the site says about the day as a whole."""

    date: date | None
    timezone: str
    hashtags: list[str] = field(default_factory=list)
    weather: dict[int, str] = field(default_factory=dict)
    intro_html: str = ""
    page: Any = None


def find_day_page(pages: Iterable[Any]) -> Any:
    for page in pages:
        if getattr(page, "slug", "") == DAY_PAGE_SLUG:
            return page
    return None


def load_day(settings: Mapping[str, Any], pages: Iterable[Any],
             posts: Iterable[Post]) -> Day:
    """The day from its page, else the settings, else the first post's date.

    ``pages`` are Pelican's pages, or anything with ``slug``, ``metadata`` and
    ``source_path`` (``inventaire stats`` reads the day's file without Pelican).
    """
    page = find_day_page(pages)
    meta: Mapping[str, Any] = getattr(page, "metadata", {}) if page is not None else {}
    day = parse_date(meta.get("date")) or parse_date(
        inventaire_settings.get(settings, "INVENTAIRE_DAY"))
    if day is None:
        dates = sorted(p.date for p in posts)
        day = dates[0].date() if dates else None
    hashtags = meta.get("hashtags") or inventaire_settings.get(settings, "INVENTAIRE_HASHTAGS")
    return Day(
        date=day,
        timezone=str(meta.get("timezone") or settings.get("TIMEZONE", "UTC")),
        hashtags=parse_hashtags(hashtags),
        weather=parse_weather(meta.get("temps"), getattr(page, "source_path", "journee.md")),
        intro_html=getattr(page, "content", "") if page is not None else "",
        page=page,
    )
