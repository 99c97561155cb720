"""The book as a Pelican generator: the same Articles as the site, laid out by WeasyPrint.

Shaped like pelican-plugins/pdf, with one difference: the book is laid out in
``generate_context`` (plugin generators run after the Articles generator, so the
articles are there) so that the site can show each post's page and the editions'
sizes; the files are written in ``generate_output``, after Pelican has cleaned the
output folder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from inventaire.core import settings as inventaire_settings
from inventaire.core.postfile import PostFileError

if TYPE_CHECKING:
    from inventaire.book.builder import BookFiles

logger = logging.getLogger(__name__)


class BookGenerator(Generator):
    """Writes ``livre.pdf``, ``livre-ecran.pdf``, ``couverture.pdf`` and the criers' sheets."""

    book: BookFiles | None = None

    def generate_context(self) -> None:
        """Lay the book out; set ``article.book_page`` and ``context["book_editions"]``."""
        self.book = None
        self.context["book_editions"] = []
        if not inventaire_settings.get(self.settings, "BOOK_ENABLED"):
            return
        # Imported here: a site-only build or a preview does not load the book's
        # modules (WeasyPrint's among them), a tenth of a second of every start.
        from inventaire.book.builder import build
        from inventaire.book.edition import BookSettingError

        articles = [a for a in self.context.get("articles", []) if getattr(a, "post", None)]
        cache = Path(self.settings.get("CACHE_PATH") or "cache").resolve() / "book"
        try:
            book = build(articles, self.settings, Path(self.path), cache)
        except (BookSettingError, PostFileError) as error:
            logger.error("Book: %s — the book is not built", error)
            return
        for article in articles:
            page = book.post_pages.get(article.post.key)
            if page is not None:
                article.book_page = page
        self.context["book_editions"] = book.editions
        self.book = book

    def generate_output(self, writer: Any) -> None:
        if self.book is None:
            return
        from inventaire.book.builder import write_files

        folder = Path(self.output_path) / inventaire_settings.get(self.settings, "BOOK_OUTPUT")
        for path in write_files(self.book, folder):
            logger.info("Book: wrote %s", path)
