"""WeasyPrint passes: lay out, read where each anchor landed, pad, write the PDF.

Page numbers of the indexes are found in two passes rather than with thousands of
``target-counter()`` (each may force WeasyPrint to lay pages out again,
docs/print.md, « Page numbers »): pass one lays the book out with placeholders and
reads the page of every anchor from the laid-out ``Document``; pass two prints the
real numbers. Only pages after the chapters (the indexes themselves) can move between
passes, and the table of contents, the one part before them, uses
``target-counter()`` for its few entries.

Memory: a WeasyPrint layout holds, while it runs, seven style objects for every
element of the HTML (its own and six of WeasyPrint's pseudo-elements), the element
tree and the boxes; only the boxes and the elements' own styles stay with the
laid-out ``Document``. The rest must be let go as soon as the layout ends, which
takes two things (:meth:`Renderer.load_drawings`, :func:`release`): that no cached
image keep a big layout alive, and a collection of its reference cycles.
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from inventaire.core import collector

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

    def __init__(self, base_url: Path | str) -> None:
        from weasyprint.text.fonts import FontConfiguration

        from inventaire.book.fetcher import BookFetcher

        self.fetcher = BookFetcher()
        self.base_url = str(base_url)
        self.font_config = FontConfiguration()
        self.image_cache: dict[str, Any] = {}
        # @color-profile rules land here when a stylesheet is parsed; render needs them.
        self.color_profiles: dict[str, Any] = {}
        self.timings: list[Timing] = []
        self.drawings: set[str] = set()  # the SVG names load_drawings laid out

    def render(self, html: str, css: str, label: str, **options: Any) -> Any:
        """Lay out one HTML document; returns WeasyPrint's ``Document``.

        ``options`` are WeasyPrint's; a ``pdf_variant`` must be given here already (it
        sets the output intent used while drawing), and again when writing.
        """
        from weasyprint import CSS, HTML

        self.load_drawings(**options)
        start = time.perf_counter()
        stylesheet = CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher,
                         color_profiles=self.color_profiles)
        with collector.paused():
            document = HTML(string=html, base_url=self.base_url,
                            url_fetcher=self.fetcher).render(
                stylesheets=[stylesheet], font_config=self.font_config,
                cache=self.image_cache, color_profiles=self.color_profiles, **options)
        self.timings.append(Timing(label, time.perf_counter() - start, len(document.pages)))
        return document

    def load_drawings(self, **options: Any) -> None:
        """Every SVG the book registered and no layout met yet (the emoji, an editors'
        drawing), laid out once in a small document of its own, into the image cache.

        WeasyPrint's SVG image keeps the layout context of the document that loaded
        it (to draw the SVG's text with its fonts), and the image cache every pass
        shares keeps the image: an emoji first met in the chapters kept the chapters'
        whole layout (every element's styles, the element tree: about half of what
        the layout took at its peak) alive to the end of the build, and the print
        file was written on top of it. Loaded here, each keeps only this page of
        images; the same cached image is then drawn wherever the book prints it
        (the same fonts, the same fetcher), so the pages do not change.
        """
        from weasyprint import HTML

        names = sorted(name for name in self.fetcher.registered()
                       if name.lower().endswith(".svg") and name not in self.drawings)
        if not names:
            return
        images = "".join(f'<img src="{escape(self.fetcher.url(name))}">' for name in names)
        HTML(string=f"<!DOCTYPE html><html><body>{images}</body></html>",
             base_url=self.base_url, url_fetcher=self.fetcher).render(
            font_config=self.font_config, cache=self.image_cache,
            color_profiles=self.color_profiles, **options)
        self.drawings.update(names)

    def write(self, document: Any, label: str, **options: Any) -> bytes:
        start = time.perf_counter()
        pdf = document.write_pdf(**options)
        self.timings.append(Timing(label, time.perf_counter() - start,
                                   len(document.pages)))
        return bytes(pdf)


def release() -> None:
    """Free what the layouts that ended left in reference cycles (their styles, element
    trees and layout contexts: millions of objects after the chapters).

    Python collects such cycles in full only when the objects created since the last
    full collection reach a quarter of those alive, which a laid-out book (most of
    the objects alive) puts off to the end of the build: until then the next layout
    and the PDF writer would take new memory beside the garbage instead of reusing
    its room. Called once a big layout is done with, not after every pass: each full
    collection walks every object alive.
    """
    gc.collect()


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
