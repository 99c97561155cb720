"""What the book needs from ``content/`` besides the posts: the day, its pages, its places.

Read straight from the editors' files (not from Pelican's Page objects) so that the
book does not depend on how the site chooses to publish or hide those pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inventaire.core.journee import parse_date, read_day_file
from inventaire.core.places import Place, load_places
from inventaire.core.postfile import PostFileError, read_front_matter

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
    try:
        meta, body = read_front_matter(path)
    except PostFileError as error:
        logger.warning("%s — the book uses the page without its front matter", error)
        meta, body = {}, path.read_text(encoding="utf-8", errors="replace")
    return EditorsPage(title=str(meta.get("title", "")), html=markdown_html(body), meta=meta)


def load_day(content: Path, settings: dict[str, Any]) -> Day:
    """The day from ``content/pages/journee.md`` (or the settings), pages and places."""
    pages = content / "pages"
    try:
        journee = read_day_file(content)
    except PostFileError as error:
        logger.warning("%s — the book uses the settings' day instead", error)
        journee = None
    places_folder = content / str(settings.get("INVENTAIRE_PLACES_PATH", "places"))
    return Day(
        date=(journee.date if journee else None) or parse_date(settings.get("INVENTAIRE_DAY")),
        timezone=(journee.timezone if journee else "") or str(settings.get("TIMEZONE", "")),
        weather=journee.weather if journee else {},
        city=(journee.city if journee else "") or "Paris",
        preface=read_page(pages / "preface.md"),
        colophon=read_page(pages / "colophon.md"),
        places=load_places(places_folder),
    )
