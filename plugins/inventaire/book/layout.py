"""WeasyPrint passes: lay out, read where each anchor landed, pad, write the PDF.

Page numbers of the indexes are found in two passes rather than with thousands of
``target-counter()`` (each may force WeasyPrint to lay pages out again,
docs/print.md, « Page numbers »): pass one lays the book out with placeholders and
reads the page of every anchor from the laid-out ``Document``; pass two prints the
real numbers. Only pages after the chapters (the indexes themselves) can move between
passes, and the table of contents, the one part before them, uses
``target-counter()`` for its few entries.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


@dataclass
class Timing:
    """How long each pass took, for the performance report."""

    label: str
    seconds: float
    pages: int

    @property
    def per_page(self) -> float:
        return self.seconds / self.pages if self.pages else 0.0


class Renderer:
    """One WeasyPrint configuration (fonts, base URL, cache) reused by every pass."""

    def __init__(self, base_url: Path) -> None:
        from weasyprint.text.fonts import FontConfiguration

        from inventaire.book.fetcher import BookFetcher

        self.fetcher = BookFetcher()
        self.base_url = str(base_url)
        self.font_config = FontConfiguration()
        self.image_cache: dict[str, Any] = {}
        # @color-profile rules land here when a stylesheet is parsed; render needs them.
        self.color_profiles: dict[str, Any] = {}
        self.timings: list[Timing] = []

    def render(self, html: str, css: str, label: str, **options: Any) -> Any:
        """Lay out one HTML document; returns WeasyPrint's ``Document``.

        ``options`` are WeasyPrint's; a ``pdf_variant`` must be given here already (it
        sets the output intent used while drawing), and again when writing.
        """
        from weasyprint import CSS, HTML

        start = time.perf_counter()
        stylesheet = CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher,
                         color_profiles=self.color_profiles)
        document = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render(
            stylesheets=[stylesheet], font_config=self.font_config, cache=self.image_cache,
            color_profiles=self.color_profiles, **options)
        self.timings.append(Timing(label, time.perf_counter() - start, len(document.pages)))
        return document

    def write(self, document: Any, label: str, **options: Any) -> bytes:
        start = time.perf_counter()
        pdf = document.write_pdf(**options)
        self.timings.append(Timing(label, time.perf_counter() - start,
                                   len(document.pages)))
        return bytes(pdf)


def anchor_pages(document: Any) -> dict[str, int]:
    """Every anchor (HTML id) → the 1-based page it is on."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def pad_to_multiple(document: Any, blank: Any, multiple: int = 4) -> Any:
    """The document with blank pages added at the end up to a multiple of ``multiple``.

    ``blank`` is a laid-out document of empty pages of the same size; its pages carry
    no text, so no font of theirs is needed in the book.
    """
    missing = -len(document.pages) % multiple
    if not missing:
        return document
    if len(blank.pages) < missing:
        raise ValueError("the blank document has too few pages")
    return document.copy([*document.pages, *blank.pages[:missing]])


def blank_html(count: int = 3) -> str:
    return ("<!DOCTYPE html><html lang='fr'><body><div></div>"
            + "<div style='break-before: page'></div>" * (count - 1) + "</body></html>")


def notes_html(count: int = 3) -> str:
    """``count`` pages « Notes du lecteur » for the end of the book, where the print
    layout would leave blank pages to reach a multiple of four: Perec's own headings
    (date, hour, place, weather) for a reader's sitting, then ruled lines."""
    fields = "".join(f'<p class="field">{name}&nbsp;:</p>'
                     for name in ("Date", "Heure", "Lieu", "Temps"))
    page = ('<section class="reader-notes"><h2>Notes du lecteur</h2>' + fields
            + '<p class="ruled"></p>' * 14 + "</section>")
    return f"<!DOCTYPE html><html lang='fr'><body>{page * count}</body></html>"
