"""The EAN-13 barcode of the book's ISBN, drawn for the back cover as vectors.

A bookseller's till and a distributor's warehouse read the ISBN from this barcode;
a printer expects it on the back cover, low on the side of the spine, in a white zone
(the bars must be dark on light, whatever the cover's ground). python-barcode gives
the module pattern (the standard's encoding tables, guard bars marked); the drawing
is ours, in millimetres, so that its size is the standard's at 100 % (the « SC2 »
magnification): modules of 0.33 mm, 95 modules of symbol, quiet zones of 11 and 7
modules, the whole 37.29 × 25.93 mm with the digits under the bars.

The bars are an inline SVG (one rectangle per run of dark modules, no fetch, no
raster); the digits, the « ISBN … » line above and the price below are HTML text in
the book's fonts, placed in the same millimetre grid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from barcode import EAN13
from markupsafe import Markup, escape

MODULE_MM = 0.33  # X, the module width at 100 % (SC2)
LEFT_QUIET = 11  # modules of white before the symbol (the first digit sits there)
RIGHT_QUIET = 7  # after it (where « > » may stand)
SYMBOL = 95  # modules of the symbol: 3 + 6×7 + 5 + 6×7 + 3
BAR_MM = 22.85  # height of a normal bar
GUARD_EXTRA = 5  # the guard bars go 5 modules further down, between the digit groups
HEIGHT_MM = 25.93  # bars and digits
WIDTH_MM = (LEFT_QUIET + SYMBOL + RIGHT_QUIET) * MODULE_MM  # 37.29
LINE_MM = 3.6  # the « ISBN … » line above, the price line below
PAD_MM = 1.5  # white round the whole, beyond the quiet zones


def isbn_digits(isbn: str) -> str:
    """The thirteen digits of an ISBN written with hyphens or spaces."""
    return re.sub(r"\D", "", isbn)


def modules(isbn: str) -> str:
    """The symbol's 95 modules, ``1`` dark and ``0`` light (guard bars included), as
    python-barcode encodes the ISBN's digits; its check digit is the ISBN's (already
    verified by :func:`inventaire.book.imprint.check_isbn`)."""
    digits = isbn_digits(isbn)
    pattern = str(EAN13(digits, no_checksum=True, guardbar=True).build()[0])
    return pattern.replace("G", "1")


def guard_modules(isbn: str) -> set[int]:
    """Indexes of the modules of the three guard patterns, drawn longer."""
    digits = isbn_digits(isbn)
    pattern = str(EAN13(digits, no_checksum=True, guardbar=True).build()[0])
    return {i for i, m in enumerate(pattern) if m == "G"}


@dataclass(frozen=True)
class Bar:
    """One dark run: its first module (from the symbol's start) and width in modules."""

    start: int
    width: int
    guard: bool


def bars(isbn: str) -> list[Bar]:
    """The dark runs of the symbol, left to right."""
    pattern, guards = modules(isbn), guard_modules(isbn)
    runs: list[Bar] = []
    index = 0
    while index < len(pattern):
        if pattern[index] == "1":
            end = index
            while end < len(pattern) and pattern[end] == "1":
                end += 1
            runs.append(Bar(index, end - index, index in guards))
            index = end
        else:
            index += 1
    return runs


def digit_positions() -> list[float]:
    """The centre (mm from the zone's left, quiet zone included) of each of the 13
    digits: the first in the left quiet zone, then six under each half's codes."""
    x = MODULE_MM
    centres = [(LEFT_QUIET - 4) * x]
    left = LEFT_QUIET + 3
    centres += [(left + 7 * i + 3.5) * x for i in range(6)]
    right = LEFT_QUIET + 3 + 42 + 5
    centres += [(right + 7 * i + 3.5) * x for i in range(6)]
    return centres


def zone_size_mm(price: str = "") -> tuple[float, float]:
    """The white zone's width and height: the symbol at 100 % with its quiet zones,
    the ISBN line above, the price line below when there is one, and a margin."""
    lines = 2 if price else 1
    return WIDTH_MM + 2 * PAD_MM, HEIGHT_MM + lines * LINE_MM + 2 * PAD_MM


def barcode_html(isbn: str, price: str, ink: str, white: str) -> Markup:
    """The white zone with the ISBN line, the bars, the digits and the price, as HTML
    to place absolutely on the cover (its position is the cover's)."""
    x = MODULE_MM
    top = PAD_MM + LINE_MM  # the bars' top, in the zone
    rects = "".join(
        f'<rect x="{(LEFT_QUIET + b.start) * x:.3f}" y="0" width="{b.width * x:.3f}" '
        f'height="{BAR_MM + (GUARD_EXTRA * x if b.guard else 0):.3f}"/>'
        for b in bars(isbn))
    svg_h = BAR_MM + GUARD_EXTRA * x
    svg = (f'<svg class="ean-bars" xmlns="http://www.w3.org/2000/svg" '
           f'width="{WIDTH_MM:.3f}mm" height="{svg_h:.3f}mm" '
           f'viewBox="0 0 {WIDTH_MM:.3f} {svg_h:.3f}" '
           f'style="position: absolute; left: {PAD_MM:.3f}mm; top: {top:.3f}mm">'
           f'<g fill="{escape(ink)}">{rects}</g></svg>')
    digits = isbn_digits(isbn)
    digit_top = top + BAR_MM + 0.15
    spans = "".join(
        f'<span class="ean-digit" style="left: {PAD_MM + centre - 1.2:.3f}mm; '
        f'top: {digit_top:.3f}mm">{d}</span>'
        for d, centre in zip(digits, digit_positions(), strict=True))
    width, height = zone_size_mm(price)
    price_line = (f'<p class="ean-price" style="top: {top + HEIGHT_MM + 0.3:.3f}mm">'
                  f'Prix\u00a0: {escape(price)}</p>') if price else ""
    return Markup(
        f'<div class="ean" style="width: {width:.3f}mm; height: {height:.3f}mm; '
        f'background: {escape(white)}; color: {escape(ink)}">'
        f'<p class="ean-isbn" style="top: {PAD_MM:.3f}mm">ISBN {escape(isbn)}</p>'
        f"{svg}{spans}{price_line}</div>")
