"""Facing pages that end on the same line: the spreads of the chapters balanced.

A book set by hand ends the two pages of a spread on the same line. WeasyPrint has
neither a baseline grid nor spread balancing, so the book does it in two steps:

1. a baseline grid by construction (livre.css): every line, head, gap and plate of
   the chapters is a whole number of the body's lines, so full pages end on the same
   line and the lines of facing pages back each other;
2. here, after a layout: a page that ends short of its facing page (its next post
   did not fit, with its two lines at least, or its head, or its plate) gets the
   difference as white in the gaps between its entries (a compositor's vertical
   justification): a whole line under the last post of a sitting first, where the
   rule already parts the entries, the rest shared by the other gaps. The page's
   content does not change (the added white is at most the room left at its foot),
   so no break moves and one more layout of the chapters prints it.

The ends are read from the layout's public ``Page.anchors``: each post's box on the
page where it ends stops at its last line (or plate), and a post going on to the
next page fills its page to the last line of the grid. A spread is left as it is
when the short page has no gap, or would need more than :data:`MOST_LINES` lines or
more than a line per gap (the end of an hour, of the day: the content does not
allow it). No white goes above an hour that opens on the page: a run-on hour needs
a third of a page below its start (livre.css), which the white could take away.
The interior checks after the layout that no post changed page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from inventaire.book.chapters import BookContent, BookPost
from inventaire.book.edition import BookEdition
from inventaire.book.plateflow import PX_PER_MM, plate_anchor

MOST_LINES = 5  # a page is brought down by five lines at most
MOST_PER_GAP = 1.0  # and each of its gaps by a line at most
EPSILON = 0.5  # CSS px: two ends this close are the same line


@dataclass
class PageEnd:
    """Where one page of the chapters ends, and the gaps that can take white."""

    end: float = 0.0  # CSS px from the page's top: the foot of its last entry
    full: bool = False  # a post goes on to the next page: the page ends on its last line
    empty: bool = True
    gaps: list[BookPost] = field(default_factory=list)  # posts with an entry below them
    sitting_ends: set[str] = field(default_factory=set)  # of those, a sitting's last
    hour_ends: set[str] = field(default_factory=set)  # and an hour's last
    hour: float | None = None  # the top of the title of an hour that opens on the page
    above_hour: set[str] = field(default_factory=set)  # gaps above that title

    def below_hour(self) -> PageEnd:
        """The page with only the gaps below its hour's title."""
        return PageEnd(self.end, self.full, self.empty,
                       [p for p in self.gaps if p.anchor not in self.above_hour],
                       self.sitting_ends - self.above_hour, self.hour_ends - self.above_hour)


def page_ends(document: Any, content: BookContent) -> list[PageEnd]:
    """Each page's :class:`PageEnd` (0-based, as in ``document``)."""
    found: dict[str, list[tuple[int, float]]] = {}
    opens: list[float | None] = [None for _ in document.pages]  # its last hour's top
    titles = {chapter.anchor for chapter in content.chapters}
    for number, page in enumerate(document.pages):
        for anchor, (_x0, top, _x1, bottom) in page.anchors.items():
            found.setdefault(anchor, []).append((number, bottom))
            if anchor in titles:
                opens[number] = max(opens[number] or 0.0, top)
    pages = [PageEnd() for _ in document.pages]
    ended: list[list[tuple[float, BookPost, int]]] = [[] for _ in document.pages]
    for chapter in content.chapters:
        for sitting in chapter.sittings:
            for index, post in enumerate(sitting.posts):
                # what it closes: 2 an hour, 1 a sitting, 0 nothing
                closes = 0 if index < len(sitting.posts) - 1 else \
                    2 if sitting is chapter.sittings[-1] else 1
                boxes = found.get(post.anchor, [])
                if not boxes:
                    continue
                last = max(number for number, _ in boxes)
                for number, bottom in boxes:
                    pages[number].empty = False
                    if number < last:
                        pages[number].full = True
                    else:
                        ended[number].append((bottom, post, closes))
                if post.floated:  # its plate, moved below a later post or to the next page
                    for number, bottom in found.get(plate_anchor(post), [])[:1]:
                        pages[number].empty = False
                        pages[number].end = max(pages[number].end, bottom)
    for page, posts, hour in zip(pages, ended, opens, strict=True):
        page.end = max([page.end, *(bottom for bottom, _, _ in posts)])
        page.hour = hour
        for bottom, post, closes in posts:
            if page.full or bottom < page.end - EPSILON:
                page.gaps.append(post)
                if closes:
                    page.sitting_ends.add(post.anchor)
                if closes == 2:
                    page.hour_ends.add(post.anchor)
                if hour is not None and bottom <= hour:
                    page.above_hour.add(post.anchor)
    return pages


def balance_spreads(document: Any, content: BookContent, edition: BookEdition,
                    start: int) -> int:
    """Give white to the short page of each unbalanced spread (``post.stretch_mm``);
    the number of pages given some. ``document`` is the chapters laid out, its first
    page the book's page ``start``."""
    line = edition.line_mm * PX_PER_MM
    top = edition.margins[0] * PX_PER_MM
    foot = (edition.trim[1] - edition.margins[2]) * PX_PER_MM
    last_line = top + math.floor((foot - top) / line + 1e-6) * line
    ends = page_ends(document, content)
    evened = 0
    for index in range(len(ends) - 1):
        if (start + index) % 2:
            continue  # a recto: it faces the page before it
        verso, recto = ends[index], ends[index + 1]
        if verso.empty or recto.empty:
            continue
        ends_at = [last_line if p.full else p.end for p in (verso, recto)]
        short = verso if ends_at[0] < ends_at[1] else recto
        room = abs(ends_at[0] - ends_at[1])
        # A run-on hour needs a third of a page below its start (livre.css: an empty
        # block that tall, two lines above its title): white above it may not take it.
        if short.hour is not None and edition.run_on and \
                short.hour - 2 * line + room + edition.run_on_room_mm * PX_PER_MM > foot:
            short = short.below_hour()
        if not short.full and stretch(short, room, line):
            evened += 1
    return evened


def stretch(page: PageEnd, room: float, line: float) -> bool:
    """Share ``room`` (CSS px) among the page's gaps: whole lines first under a
    sitting's last post (one) and an hour's (two: before the next hour's title), the
    rest evenly. False (nothing given) when it would take more than the page allows."""
    if room < EPSILON:
        return False
    if not page.gaps or room > MOST_LINES * line + EPSILON \
            or room > len(page.gaps) * MOST_PER_GAP * line + EPSILON:
        return False
    given = {post.anchor: 0.0 for post in page.gaps}
    left = room
    for post in page.gaps:
        whole = 2 if post.anchor in page.hour_ends else 1 if post.anchor in page.sitting_ends \
            else 0
        lines = min(whole, math.floor((left + EPSILON) / line))
        if lines:
            given[post.anchor] = min(lines * line, left)
            left -= given[post.anchor]
    rest = [p for p in page.gaps if not given[p.anchor]] or page.gaps
    for post in rest:
        given[post.anchor] += left / len(rest)
    for post in page.gaps:
        post.stretch_mm += given[post.anchor] / PX_PER_MM
    return True
