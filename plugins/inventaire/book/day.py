"""What the book needs from ``content/`` besides the posts: the day, its pages, its places.

The day itself (date, zone, « Temps », city) is :func:`inventaire.core.day.load_day`'s,
with the same fallbacks as the site; the book adds the editors' preface and colophon
and the gazetteer. Read straight from the editors' files (not from Pelican's Page
objects) so that the book does not depend on how the site chooses to publish or hide
those pages; their Markdown goes through :mod:`inventaire.core.markdown`, as the
site's does.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventaire.book.editors import EditorsHtml
from inventaire.core import settings as inventaire_settings
from inventaire.core.day import DEFAULT_CITY
from inventaire.core.day import Day as CoreDay
from inventaire.core.day import load_day as load_core_day
from inventaire.core.markdown import markdown_html
from inventaire.core.places import Place, load_places
from inventaire.core.postfile import PostFileError, read_front_matter

logger = logging.getLogger(__name__)

__all__ = ["Day", "EditorsPage", "load_day", "markdown_html", "read_page"]


@dataclass
class EditorsPage:
    """A page the editors wrote in Markdown (preface, colophon), as HTML."""

    title: str
    html: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Day(CoreDay):
    """The day (:class:`inventaire.core.day.Day`), its editors' pages and its places."""

    city: str = DEFAULT_CITY
    preface: EditorsPage | None = None
    colophon: EditorsPage | None = None
    places: dict[str, Place] = field(default_factory=dict)
    intros: dict[str, str] = field(default_factory=dict)  # place's slug → its HTML
    editors: EditorsHtml | None = None  # what made the editors' HTML (its images)


def read_page(path: Path, editors: EditorsHtml | None = None) -> EditorsPage | None:
    """A Markdown page with YAML front matter; ``None`` when the file is absent. With
    ``editors``, its images and links are the book's (:mod:`.editors`)."""
    if not path.is_file():
        return None
    try:
        meta, body = read_front_matter(path)
    except PostFileError as error:
        logger.warning("%s — the book uses the page without its front matter", error)
        meta, body = {}, path.read_text(encoding="utf-8", errors="replace")
    html = (editors.page(body, path, str(meta.get("slug") or path.stem)) if editors
            else markdown_html(body))
    return EditorsPage(title=str(meta.get("title", "")), html=html, meta=meta)


def load_day(content: Path, settings: Mapping[str, Any]) -> Day:
    """The day of ``content`` (a bad ``journee.md`` is logged, the settings' day used),
    its preface and colophon from ``content/pages/``, and its places."""
    core = load_core_day(content, settings, strict=False)
    fields = core.core_fields()
    fields["city"] = core.city_name
    pages = content / "pages"
    places_folder = content / str(inventaire_settings.get(settings, "INVENTAIRE_PLACES_PATH"))
    editors = EditorsHtml.from_settings(content, settings)
    places = load_places(places_folder)
    return Day(**fields,
               preface=read_page(pages / "preface.md", editors),
               colophon=read_page(pages / "colophon.md", editors),
               places=places,
               intros={slug: editors.place(place.intro, Path(place.path or
                                                             places_folder / f"{slug}.md"),
                                           slug)
                       for slug, place in places.items() if place.intro},
               editors=editors)
