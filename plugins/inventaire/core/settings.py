"""Every setting the Inventaire plugins read, with its default, in one place.

Pelican passes its settings dict around; plugins call :func:`get` so that a project
that sets nothing still builds, and so that the defaults are documented once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Preview builds show candidates (marked); publish builds never do.
    "INVENTAIRE_SHOW_CANDIDATES": False,
    # The day, when content/pages/journee.md does not say it.
    "INVENTAIRE_DAY": "",
    "INVENTAIRE_HASHTAGS": [],
    "INVENTAIRE_PLACES_PATH": "places",
    # False builds no Pagefind index (the preview: inventaire serve).
    "INVENTAIRE_SEARCH": True,
    # Processes rendering the pages (0: one per CPU the build may use; 1: no fork).
    "INVENTAIRE_RENDER_WORKERS": 0,
    # Hashtag and author pages list this many posts a page (0: all on one page).
    "INVENTAIRE_LIST_PAGE_SIZE": 100,
    # The book's pages.json (set by inventaire build): each post's page, the editions.
    "INVENTAIRE_BOOK_PAGES": "",
    # The triage page of inventaire serve: selected posts wanted per place and hour;
    # TARGETS maps a place's slug to a number (every hour) or to {hour: number}.
    "INVENTAIRE_TRIAGE_TARGET": 2,
    "INVENTAIRE_TRIAGE_TARGETS": {},
    # The book.
    "BOOK_ENABLED": True,
    "BOOK_TITLE": "",
    "BOOK_SUBTITLE": "",
    "BOOK_CHAPTERS": "hour",  # "hour" | "place"
    "BOOK_COLOR": "rgb",  # "rgb" | "gray" | "cmyk"
    "BOOK_TRIM": "148mm 210mm",
    "BOOK_BLEED": "3mm",
    "BOOK_CROP_MARKS": False,
    # Thickness of one page (half a leaf): 0.06 mm is a common 90 g uncoated paper.
    "BOOK_PAPER_THICKNESS_MM": 0.06,
    "BOOK_REQUIRE_CONSENT": False,
    "BOOK_OUTPUT": "livre",
    # Page margins: top, outside, bottom, inside (the gutter, next to the spine).
    "BOOK_MARGINS": "16mm 14mm 20mm 19mm",
    "BOOK_FONT_SIZE": "10.5pt",
    # Photos are resampled to this resolution at their printed size.
    "BOOK_PLATE_PPI": 300,
    # A plate is at most this share of the text block's height.
    "BOOK_PLATE_MAX_HEIGHT": 0.55,
    # The printer's CMYK ICC profile (e.g. FOGRA39) for the cmyk edition's output intent.
    "BOOK_ICC_PROFILE": "",
    # Screen edition: tagged PDF (accessibility) when WeasyPrint manages it.
    "BOOK_SCREEN_TAGS": True,
    "BOOK_SCREEN": True,
    "BOOK_COVER": True,
    # The imprint page: ISBN-13 (its check digit is verified), legal deposit, printer,
    # paper, copies printed (the justification du tirage); empty: the line is left out.
    "BOOK_ISBN": "",
    "BOOK_DEPOT_LEGAL": "",
    "BOOK_PRINTER": "",
    "BOOK_PAPER": "",
    "BOOK_PRINT_RUN": 0,
    # True prints the day's own hashtags (journee.md) at the end of every entry.
    "BOOK_KEEP_DAY_HASHTAGS": False,
    "BOOK_HOUR_NEW_PAGE": False,  # True: every hour on a new page; else hours run on
    # The spine carries the title only when at least this wide (mm); else it is plain.
    # The price printed under the back cover's barcode (« 12 € »); empty: no price line.
    "BOOK_PRICE": "",
    # Preflight (inventaire preflight): nothing but bleed within this distance of the
    # trim; the page count a multiple of the signature (the sheets folded together).
    "BOOK_SAFE_MARGIN": "5mm",
    "BOOK_SIGNATURE": 4,
    "BOOK_SPINE_TEXT_MIN_MM": 6,
    "BOOK_CRIERS": True,
    # Criers' sheets: page size and type size.
    "BOOK_CRIERS_SIZE": "A5",
    "BOOK_CRIERS_FONT_SIZE": "20pt",
    # Worker processes laying out chapters (None: one per core, at most 4; 1: none),
    # used when the book has more than BOOK_PARALLEL_POSTS posts.
    "BOOK_WORKERS": None,
    "BOOK_PARALLEL_POSTS": 1500,
}


def get(settings: Mapping[str, Any], name: str) -> Any:
    """A setting's value, or its documented default."""
    if name in settings:
        return settings[name]
    return DEFAULTS[name]
