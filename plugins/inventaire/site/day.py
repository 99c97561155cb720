"""The day as the site shows it: :mod:`inventaire.core.day`'s record, plus the
introduction as Pelican rendered it.

The date, zone, hashtags and « Temps » come from :func:`inventaire.core.day.load_day`
(the same fallbacks as the book, the importer and the build). Only the introduction
is taken from Pelican's page for ``journee.md``: Pelican resolves the editors'
``{filename}`` links in a page's content, which plain Markdown cannot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventaire.core.day import Day
from inventaire.core.day import load_day as load_core_day
from inventaire.core.model import Post

DAY_PAGE_SLUG = "journee"


@dataclass
class SiteDay(Day):
    """The day, with the introduction's HTML and the page it comes from (if any)."""

    intro_html: str = ""
    page: Any = None


def find_day_page(pages: Iterable[Any]) -> Any:
    """Pelican's page of ``journee.md`` (slug ``journee``), or None when unpublished."""
    for page in pages:
        if getattr(page, "slug", "") == DAY_PAGE_SLUG:
            return page
    return None


def load_day(settings: Mapping[str, Any], pages: Iterable[Any],
             posts: Iterable[Post]) -> SiteDay:
    """The day of ``settings["PATH"]`` (see :func:`inventaire.core.day.load_day`), the
    published posts' first date as its last resort, and the day page's HTML.

    A ``journee.md`` that cannot be read does not stop the build: Pelican's reader
    has logged it, ``inventaire check`` names it, the day comes from the settings.
    """
    day = load_core_day(Path(str(settings.get("PATH") or "content")), settings,
                        [post.date for post in posts], strict=False)
    page = find_day_page(pages)
    return SiteDay(**day.core_fields(), page=page,
                   intro_html=str(getattr(page, "content", "")) if page is not None else "")
