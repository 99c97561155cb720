"""Signal handlers of the site plugin (module level: Pelican keeps weak references)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .filters import FILTERS
from .generator import SiteGenerator
from .reader import InventaireReader
from .search import index_site


def add_reader(readers: Any) -> None:
    """Our reader takes ``.md`` so that posts are never read as Markdown."""
    readers.reader_classes["md"] = InventaireReader


def add_filters(pelican: Any) -> None:
    """French dates, hours and spacing for every template (the book's too)."""
    filters = dict(FILTERS)
    filters.update(pelican.settings.get("JINJA_FILTERS") or {})
    pelican.settings["JINJA_FILTERS"] = filters


def get_generators(_pelican: Any) -> type[SiteGenerator]:
    return SiteGenerator


def index_for_search(pelican: Any) -> None:
    """Pagefind reads the finished site, so it runs after everything is written."""
    index_site(Path(pelican.output_path))
