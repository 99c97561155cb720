"""The book as a Pelican generator: the same Articles as the site, laid out by WeasyPrint.

Shaped like pelican-plugins/pdf: nothing to add to the context, and
``generate_output`` writes the PDFs itself into ``output/livre/``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from .. import settings as inventaire_settings
from .edition import BookEdition, build_book

logger = logging.getLogger(__name__)


class BookGenerator(Generator):
    """Writes ``livre.pdf``, ``livre-ecran.pdf`` and ``couverture.pdf``."""

    def generate_context(self) -> None:
        """Nothing to add: the book reads the articles the site already has."""

    def generate_output(self, writer: Any) -> None:
        if not inventaire_settings.get(self.settings, "BOOK_ENABLED"):
            return
        articles = [a for a in self.context.get("articles", []) if getattr(a, "post", None)]
        out_dir = Path(self.output_path) / inventaire_settings.get(self.settings, "BOOK_OUTPUT")
        edition = BookEdition.from_settings(self.settings)
        written = build_book(articles, edition, out_dir, self.get_template, self.context,
                             Path(self.path))
        for path in written:
            logger.info("Book: wrote %s", path)
