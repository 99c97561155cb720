"""The body's folios laid out ahead, before the body's page count is known.

The folio document (:func:`.folios.stamp_html`: the body's page numbers alone, from
the body's first page) takes the main process a few seconds at 10,000 posts. Page
``i`` of it holds the number ``body_start + i`` on that number's side, whatever the
document's length, and ``body_start`` is known once the front matter is laid out. So
the main process lays it out while the workers still lay out their groups: at the
first group's count, for as many pages as that count lets it expect (the groups'
posts tell the rest), in the time a core would otherwise wait for the slower worker.
Once every count is in, the pages it laid out too many are left out, and those it
laid out too few are laid out in a second document from the next page, kept on a
recto (the first is laid out from one, and an even number of pages keeps the next
on one), so that every page is the one the whole document would have had.
"""

from __future__ import annotations

from typing import Any

from inventaire.book.folios import STAMP_CSS, stamp_html
from inventaire.book.layout import Renderer
from inventaire.book.parts import start_css


class FolioPages:
    """The folios of a body starting at ``body_start`` (a recto), laid out in parts."""

    def __init__(self, renderer: Renderer, body_html: str, css: str, options: dict[str, Any],
                 body_start: int) -> None:
        if body_start % 2 == 0:
            raise ValueError(f"the body starts on page {body_start}, a verso")
        self.renderer = renderer
        self.body_html = body_html
        self.css = css
        self.options = options
        self.body_start = body_start
        self.documents: list[Any] = []
        self.laid_out = 0  # pages, always even until the last part

    def ahead(self, pages: int) -> None:
        """Lay out the folios up to ``pages`` (rounded up to even), if not done yet."""
        pages += pages % 2
        if pages > self.laid_out:
            self._lay_out(pages - self.laid_out, "folios, ahead")

    def document(self, pages: int) -> Any:
        """The first ``pages`` folios as one document."""
        if pages > self.laid_out:
            self._lay_out(pages - self.laid_out, "folios")
        first, *others = self.documents
        if not others and len(first.pages) == pages:
            return first
        every = [page for document in self.documents for page in document.pages]
        return first.copy(every[:pages])

    def _lay_out(self, count: int, label: str) -> None:
        css = start_css(self.body_start + self.laid_out) + self.css + STAMP_CSS
        document = self.renderer.render(stamp_html(self.body_html, count), css, label,
                                         **self.options)
        if len(document.pages) != count:
            raise RuntimeError(f"book: {len(document.pages)} folios laid out for {count}")
        self.documents.append(document)
        self.laid_out += count
