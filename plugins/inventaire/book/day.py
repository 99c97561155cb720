"""What the book needs from ``content/`` besides the posts: the day, its pages, its places.

Read straight from the editors' files (not from Pelican's Page objects) so that the
book does not depend on how the site chooses to publish or hide those pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ..places import Place, load_places
from ..postfile import PostFileError, split_front_matter

logger = logging.getLogger(__name__)


@dataclass
class EditorsPage:
    """A page the editors wrote in Markdown (preface, colophon), as HTML."""

    title: str
    html: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Day:
    """The day being inventoried: its date, its weather by hour, its pages and places."""

    date: date | None = None
    timezone: str = ""
    weather: dict[int, str] = field(default_factory=dict)
    city: str = "Paris"
    preface: EditorsPage | None = None
    colophon: EditorsPage | None = None
    places: dict[str, Place] = field(default_factory=dict)

    def weather_at(self, hour: int) -> str:
        """Perec's « Temps » for an hour: that hour's note, else the last one before it."""
        earlier = [h for h in self.weather if h <= hour]
        if earlier:
            return self.weather[max(earlier)]
        return ""


def markdown_html(text: str) -> str:
    """Editors' Markdown (trusted, theirs) as HTML."""
    from markdown import Markdown

    return str(Markdown(extensions=["extra", "smarty"]).convert(text))


def read_page(path: Path) -> EditorsPage | None:
    """A Markdown page with YAML front matter; ``None`` when the file is absent."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        head, body, _line = split_front_matter(text, str(path))
        meta = yaml.safe_load(head) or {}
    except (PostFileError, yaml.YAMLError) as error:
        logger.warning("%s: front matter: %s — the book uses the page without it", path, error)
        meta, body = {}, text
    if not isinstance(meta, dict):
        meta = {}
    return EditorsPage(title=str(meta.get("title", "")), html=markdown_html(body), meta=meta)


def parse_weather(raw: Any, source: str) -> dict[int, str]:
    """``temps: {"14": "Ciel gris"}`` → ``{14: "Ciel gris"}``; bad keys are reported."""
    weather: dict[int, str] = {}
    if not isinstance(raw, dict):
        return weather
    for key, note in raw.items():
        try:
            hour = int(str(key).split(":")[0].split("h")[0])
        except ValueError:
            logger.warning("%s: temps: key %r is not an hour — write \"14\" or \"14:00\"",
                           source, key)
            continue
        weather[hour] = str(note)
    return weather


def parse_date(raw: Any) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and raw:
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            return None
    return None


def load_day(content: Path, settings: dict[str, Any]) -> Day:
    """The day from ``content/pages/journee.md`` (or the settings), pages and places."""
    pages = content / "pages"
    journee = read_page(pages / "journee.md")
    meta = journee.meta if journee else {}
    day_date = parse_date(meta.get("date")) or parse_date(settings.get("INVENTAIRE_DAY"))
    places_folder = content / str(settings.get("INVENTAIRE_PLACES_PATH", "places"))
    return Day(
        date=day_date,
        timezone=str(meta.get("timezone") or settings.get("TIMEZONE", "")),
        weather=parse_weather(meta.get("temps"), str(pages / "journee.md")),
        city=str(meta.get("ville") or meta.get("city") or "Paris"),
        preface=read_page(pages / "preface.md"),
        colophon=read_page(pages / "colophon.md"),
        places=load_places(places_folder),
    )
