"""How full each page of the printed interior is, and whether facing pages end together.

Read back from ``livre.pdf`` (pdfplumber), as a reader sees the book open: for each
page, how far down its text block the text (or a plate) goes, and the baseline of its
last line. A spread (a verso and the recto facing it) is *balanced* when both pages
end on the same line, the mark of a book set by hand: WeasyPrint has no baseline grid
nor spread balancing, so the book gets near it by its own means (docs/print.md,
« Facing pages »), and this is how it is measured, by preflight and by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from inventaire.book.edition import PT_PER_MM
from inventaire.book.pages import read_manifest

SAME_LINE_PT = 2.0  # two baselines this close are on the same line (a line: ~14 pt)


@dataclass(frozen=True)
class PageFill:
    """One page: 1-based ``number``; ``share`` of the text block's height used, from
    its top to the lowest text or image (0: nothing in the block); ``last`` the
    baseline of its last line of text, in points from the text block's top (``None``:
    no text); ``plate_last``: a plate ends the page, below its last line."""

    number: int
    share: float
    last: float | None
    plate_last: bool = False
    plate_first: bool = False  # a plate opens the page (its post on the page before)

    @property
    def empty(self) -> bool:
        return self.share == 0


@dataclass(frozen=True)
class Spread:
    """Two facing pages: an even verso and the odd recto after it."""

    verso: PageFill
    recto: PageFill

    @property
    def balanced(self) -> bool:
        """Both pages end on the same line of text (or both on the foot of a plate)."""
        a, b = self.verso, self.recto
        if a.last is None or b.last is None or a.plate_last or b.plate_last:
            return a.plate_last and b.plate_last and abs(a.share - b.share) < 0.01
        return abs(a.last - b.last) <= SAME_LINE_PT


def text_block(page: Any, margins: tuple[float, float, float, float]) \
        -> tuple[float, float, float, float]:
    """The page's text block (x0, top, x1, bottom) in pdfplumber's coordinates: the
    trim box less ``margins`` (mm: top, outside, bottom, inside), mirrored on versos."""
    x0, top, x1, bottom = getattr(page, "trimbox", page.bbox)
    m_top, outside, m_bottom, inside = margins
    left, right = (inside, outside) if page.page_number % 2 else (outside, inside)
    return (x0 + left * PT_PER_MM, top + m_top * PT_PER_MM, x1 - right * PT_PER_MM,
            bottom - m_bottom * PT_PER_MM)


def page_fill(page: Any, margins: tuple[float, float, float, float]) -> PageFill:
    """:class:`PageFill` of one pdfplumber page (running heads and folios are outside
    the text block, so they count for nothing)."""
    x0, top, x1, bottom = text_block(page, margins)
    chars = [c for c in page.chars if c["text"].strip() and c["top"] >= top - 1
             and c["bottom"] <= bottom + 1 and c["x0"] >= x0 - 1 and c["x1"] <= x1 + 1]
    images = [i for i in page.images if i["bottom"] > top and i["top"] < bottom]
    ends = [c["bottom"] for c in chars] + [min(i["bottom"], bottom) for i in images]
    if not ends:
        return PageFill(page.page_number, 0.0, None)
    share = max(0.0, (max(ends) - top) / (bottom - top))
    if not chars:
        return PageFill(page.page_number, share, None, plate_last=True, plate_first=True)
    # The baseline: the text matrix's origin (PDF space, from the sheet's foot).
    last = max(page.height - c["matrix"][5] for c in chars) - top
    plate_last = bool(images) and max(i["bottom"] for i in images) > top + last
    plate_first = bool(images) and min(i["top"] for i in images) < min(c["top"] for c in chars)
    return PageFill(page.page_number, share, last, plate_last, plate_first)


def read_fill(path: Path, margins: tuple[float, float, float, float]) -> list[PageFill]:
    """Every page of ``path`` (the print interior)."""
    with pdfplumber.open(path) as pdf:
        return [page_fill(page, margins) for page in pdf.pages]


def spreads(fills: list[PageFill], first: int = 1, last: int | None = None) -> list[Spread]:
    """The spreads whose two pages both carry text, within pages ``first``..``last``
    (the chapters' pages, say): page 2 faces 3, 4 faces 5…"""
    last = len(fills) if last is None else last
    found = []
    for verso in range(max(2, first + first % 2), last, 2):
        a, b = fills[verso - 1], fills[verso]
        if not a.empty and not b.empty:
            found.append(Spread(a, b))
    return found


def balance_line(found: list[Spread]) -> str:
    """« 14 of 21 spreads end on the same line »."""
    even = sum(1 for s in found if s.balanced)
    return f"{even} of {len(found)} spreads end on the same line"


def chapter_pages(folder: Path) -> tuple[int, int] | None:
    """The first and last pages of the posts, from the edition's ``pages.json``."""
    manifest = read_manifest(folder)
    if manifest is None or not manifest.post_pages:
        return None
    pages = manifest.post_pages.values()
    return min(pages), max(pages)


def underfull(fills: list[PageFill], first: int, last: int, least: float) -> list[PageFill]:
    """The pages ``first``..``last`` (the chapters) less full than ``least`` that no
    rule excuses: not the day's last page, nor a page whose next one opens with a
    plate (a post never leaves its plate), nor a blank page."""
    found = []
    for fill in fills[first - 1:last - 1]:  # the last page of the day is excused
        after = fills[fill.number] if fill.number < len(fills) else None
        if fill.empty or fill.share >= least or (after is not None and after.plate_first):
            continue
        found.append(fill)
    return found


def fill_notes(name: str, fills: list[PageFill], chapters: tuple[int, int] | None) -> list[str]:
    """What preflight prints: each page's fill, eight to a line, and the spreads."""
    notes = [f"{name}: how full each page is:"]
    notes += ["  " + "  ".join(f"{f.number:>3} {f.share:4.0%}" for f in fills[i:i + 8])
              for i in range(0, len(fills), 8)]
    if chapters is not None:
        notes.append(f"{name}: chapters, pages {chapters[0]}–{chapters[1]}: "
                     f"{balance_line(spreads(fills, *chapters))}")
    return notes
