"""Signal handlers of the site plugin (module level: Pelican keeps weak references)."""

from __future__ import annotations

from typing import Any

from .reader import InventaireReader


def add_reader(readers: Any) -> None:
    """Our reader takes ``.md`` so that posts are never read as Markdown."""
    readers.reader_classes["md"] = InventaireReader
