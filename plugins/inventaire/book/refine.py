"""The layouts of the chapters after the first: plates floated, spreads balanced.

WeasyPrint lays a document out in one go, so what the book decides from a layout
(:mod:`.plateflow`: a plate that left a hole floats to the facing page;
:mod:`.balance`: the short page of a spread gets white between its entries) is
printed by laying the chapters out again (:class:`.parts.PartsLayout` calls the
refiner after each layout, three layouts at most). Floating changes where the
breaks fall, so it comes first; balancing never does, and that is checked here
after its layout: a post on another page is logged.
"""

from __future__ import annotations

import logging
import math
from dataclasses import replace
from typing import Any

from inventaire.book.balance import balance_spreads
from inventaire.book.chapters import BookContent
from inventaire.book.edition import BookEdition
from inventaire.book.layout import anchor_pages
from inventaire.book.parts import Refine
from inventaire.book.plateflow import float_plates

logger = logging.getLogger(__name__)


def refiner(content: BookContent, edition: BookEdition) -> Refine | None:
    """The refine step of :class:`.parts.PartsLayout` for ``content``; None when
    neither plates float nor spreads are balanced."""
    floated = [False]
    pages_before: dict[str, int] = {}  # each post's page before white was added

    def refine(body: Any, start: int, done: int) -> int:
        """After the first layout: plates floated, else spreads balanced; after
        the second: spreads balanced if plates were floated. The white given to
        balance a spread never moves a post to another page: checked after."""
        if pages_before:
            shifted = moved_posts(pages_before, anchor_pages(body))
            pages_before.clear()
            if shifted:
                logger.warning("Book: balancing the spreads moved %d post(s) to another "
                               "page (first: %s); set BOOK_BALANCE_SPREADS = False if "
                               "a page looks wrong", len(shifted), shifted[0])
            return 0
        if done == 1 and edition.float_plates:
            moved = float_plates(body, content, edition, start)
            if moved:
                floated[0] = True
                logger.info("Book: %d plate(s) moved to the facing page so that text "
                            "fills the page before", moved)
                return moved
        if not balances or (done > 1 and not floated[0]):
            return 0
        evened = balance_spreads(body, content, edition, start)
        if evened:
            pages_before.update(anchor_pages(body))
            logger.info("Book: %d page(s) given white to end on their facing page's "
                        "line", evened)
        return evened

    balances = edition.balances(len(content.posts))
    if not balances and edition.balance_spreads == "auto":
        logger.info("Book: %d posts, more than BOOK_BALANCE_MAX_POSTS (%d): facing "
                    "pages are not balanced (BOOK_BALANCE_SPREADS = True balances "
                    "them, with one more layout of the chapters)", len(content.posts),
                    edition.balance_max_posts)
    return refine if edition.float_plates or balances else None


def moved_posts(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """The posts (anchors ``p-…``) on another page in ``after`` than in ``before``."""
    return [anchor for anchor, page in before.items()
            if anchor.startswith("p-") and after.get(anchor) != page]


def on_grid(plate: Any, line_mm: float, least_mm: float = 2.5) -> Any:
    """The plate with the white that makes it whole lines of ``line_mm``: at least
    ``least_mm`` above it under its post, and below it, a line more, when it opens a
    page (a margin at a page's top is dropped)."""
    white = math.ceil((plate.height_mm + least_mm) / line_mm - 1e-9) * line_mm \
        - plate.height_mm
    return replace(plate, above_mm=white, below_mm=white + line_mm)
