"""The interior's result, and the two ways its laid-out pages are pressed.

Shared by the one-process layout (:mod:`.interior`) and the parallel one
(:mod:`.parallel`): kept apart from both so that neither imports the other back
(:mod:`.interior` hands a big book to :mod:`.parallel`, which returns an
:class:`Interior`).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from inventaire.book import pdfcompat
from inventaire.book.chapters import BookContent
from inventaire.book.layout import Renderer


@dataclass
class Interior:
    """The result: PDF bytes and where every post landed."""

    print_pdf: bytes
    screen_pdf: bytes | None
    pages: int
    screen_pages: int
    post_pages: dict[str, int]  # anchor → page in livre.pdf
    content: BookContent
    renderer: Renderer
    # anchor → page in livre-ecran.pdf, which leaves out the print layout's blank pages
    screen_post_pages: dict[str, int] = field(default_factory=dict)


def screen_post_pages(content: BookContent, anchors: dict[str, int]) -> dict[str, int]:
    """Each post's page in the screen edition (anchor → page), for the site's links."""
    return {p.anchor: anchors[p.anchor] for p in content.posts if p.anchor in anchors}


def for_print(document: Any) -> Any:
    """The laid-out pages without links or bookmarks: print shops refuse annotations."""
    pages = []
    for page in document.pages:
        page = copy.copy(page)
        page.links, page.bookmarks = [], []
        pages.append(page)
    return document.copy(pages)


def for_screen(document: Any, blanks: Sequence[Any] = (), single: bool = False) -> Any:
    """The laid-out pages with no bleed: the screen shows the trimmed page.

    ``single`` (the screen edition, read one page at a time) also leaves out the
    blank pages the print layout needs so that a part starts on a recto: those
    WeasyPrint added (``@page :blank``) and those of ``blanks`` put in by the join.
    The folios printed on the pages stay the print edition's, so an index number
    still names the page that carries it."""
    pages = []
    for page in document.pages:
        if single and (pdfcompat.is_blank(page) or any(page is b for b in blanks)):
            continue
        page = copy.copy(page)
        page.bleed = dict.fromkeys(page.bleed, 0)
        pages.append(page)
    return document.copy(pages)
