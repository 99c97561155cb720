"""The book's settings, read and checked once, and the page geometry they imply.

Every other module of the book takes a :class:`BookEdition` rather than Pelican's
settings dict, so that a wrong value is reported once, naming the setting and the
fix, before anything is laid out.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from inventaire.book.imprint import Imprint, ImprintError
from inventaire.core import settings as inventaire_settings

MM_PER_PT = 25.4 / 72
PT_PER_MM = 72 / 25.4  # PDF points in a millimetre
UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": MM_PER_PT, "pc": 12 * MM_PER_PT}
NAMED_SIZES_MM = {"a4": (210.0, 297.0), "a5": (148.0, 210.0), "a6": (105.0, 148.0),
                  "b5": (176.0, 250.0), "letter": (215.9, 279.4)}
CHAPTER_MODES = ("hour", "place")
COLOR_MODES = ("rgb", "gray", "cmyk")
RUN_ON_ROOM = 1 / 3  # share of the text block a run-on hour needs left on its page
LINE_HEIGHT = 1.32  # the body's line, in ems of BOOK_FONT_SIZE (livre.css's html)


class BookSettingError(ValueError):
    """A BOOK_* setting has a value the book cannot use."""

    def __init__(self, name: str, value: Any, fix: str) -> None:
        super().__init__(f"setting {name} = {value!r}: {fix}")


def length_mm(text: str, name: str) -> float:
    """``'3mm'``, ``'0.125in'``, ``'10pt'`` → millimetres."""
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc)\s*", str(text))
    if not match:
        raise BookSettingError(name, text, "write a length with a unit, e.g. '3mm' or '0.125in'")
    return float(match[1]) * UNITS_MM[match[2]]


def lengths_mm(text: str, name: str, count: int) -> list[float]:
    """A CSS-like list of lengths; one value stands for all ``count``."""
    parts = str(text).split()
    if len(parts) == 1:
        parts = parts * count
    if len(parts) != count:
        raise BookSettingError(name, text, f"give 1 or {count} lengths separated by spaces")
    return [length_mm(p, name) for p in parts]


def size_mm(text: str, name: str) -> tuple[float, float]:
    """A page size: ``'148mm 210mm'`` or a name such as ``'A5'``."""
    key = str(text).strip().lower()
    if key in NAMED_SIZES_MM:
        return NAMED_SIZES_MM[key]
    width, height = lengths_mm(text, name, 2)
    if width <= 0 or height <= 0:
        raise BookSettingError(name, text, "both sides must be positive")
    return width, height


@dataclass(frozen=True)
class BookEdition:
    """The book's settings, read once; lengths in millimetres."""

    title: str
    subtitle: str
    trim: tuple[float, float]
    bleed: float
    margins: tuple[float, float, float, float]  # top, outside, bottom, inside
    chapters: str
    color: str
    paper_mm: float
    crop_marks: bool
    font_size: str
    plate_ppi: int
    plate_max_height: float
    icc_profile: str
    require_consent: bool
    screen: bool
    screen_tags: bool
    cover: bool
    criers: bool
    criers_size: tuple[float, float]
    criers_font_size: str
    output: str
    sitename: str = ""
    author: str = ""
    spine_text_min_mm: float = 6.0
    keep_day_hashtags: bool = False
    hour_new_page: bool = False  # every hour on a new page (else hours run on)
    imprint: Imprint = field(default_factory=Imprint)
    workers: int = 1  # processes laying out the chapters of a big book (1: this one)
    parallel_posts: int = 1500  # a book of more posts than this uses the workers
    safe_margin: float = 5.0  # mm inside the trim where only bleed may go (preflight)
    signature: int = 4  # the page count is a multiple of this (the folded sheets)
    hyphenate_max: int = 40  # longer words are broken anywhere, never hyphenated
    float_plates: bool = True  # a plate may open the next page (book/plateflow.py)
    balance_spreads: bool | str = "auto"  # facing pages end on one line (book/balance.py)
    balance_max_posts: int = 600  # "auto" balances a book of at most this many posts

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> BookEdition:
        """Read every BOOK_* setting (defaults in :mod:`inventaire.core.settings`) and check it."""

        def get(name: str) -> Any:
            return inventaire_settings.get(settings, name)

        chapters = str(get("BOOK_CHAPTERS")).lower()
        if chapters not in CHAPTER_MODES:
            raise BookSettingError("BOOK_CHAPTERS", chapters, "use 'hour' or 'place'")
        color = str(get("BOOK_COLOR")).lower()
        if color not in COLOR_MODES:
            raise BookSettingError("BOOK_COLOR", color, "use 'rgb', 'gray' or 'cmyk'")
        try:
            paper = float(get("BOOK_PAPER_THICKNESS_MM"))
            ppi = int(get("BOOK_PLATE_PPI"))
            plate_height = float(get("BOOK_PLATE_MAX_HEIGHT"))
        except (TypeError, ValueError) as error:
            raise BookSettingError("BOOK_PAPER_THICKNESS_MM/BOOK_PLATE_PPI/"
                                   "BOOK_PLATE_MAX_HEIGHT", str(error),
                                   "write a number, e.g. 0.1, 300, 0.55") from None
        if not 0 < paper < 2:
            raise BookSettingError("BOOK_PAPER_THICKNESS_MM", paper,
                                   "one page's thickness in mm, e.g. 0.06")
        if not 72 <= ppi <= 2400:
            raise BookSettingError("BOOK_PLATE_PPI", ppi, "a resolution in ppi, e.g. 300")
        if not 0 < plate_height <= 1:
            raise BookSettingError("BOOK_PLATE_MAX_HEIGHT", plate_height,
                                   "a share of the text block's height, e.g. 0.55")
        margins = lengths_mm(get("BOOK_MARGINS"), "BOOK_MARGINS", 4)
        try:
            imprint = Imprint.from_settings(settings)
        except ImprintError as error:
            raise BookSettingError(error.name, error.value, error.fix) from None
        signature = count_setting(settings, "BOOK_SIGNATURE",
                                  inventaire_settings.DEFAULTS["BOOK_SIGNATURE"])
        if signature not in (1, 2, 4, 8, 16, 32):
            raise BookSettingError("BOOK_SIGNATURE", signature,
                                   "the pages of one folded sheet: 4, 8, 16 or 32 (2 or 1 "
                                   "for print on demand)")
        spine_min = number_setting(get("BOOK_SPINE_TEXT_MIN_MM"), "BOOK_SPINE_TEXT_MIN_MM",
                                   "a width in mm, e.g. 6")
        return cls(
            title=str(get("BOOK_TITLE") or settings.get("SITENAME", "")),
            subtitle=str(get("BOOK_SUBTITLE") or ""),
            trim=size_mm(get("BOOK_TRIM"), "BOOK_TRIM"),
            bleed=length_mm(get("BOOK_BLEED"), "BOOK_BLEED"),
            margins=(margins[0], margins[1], margins[2], margins[3]),
            chapters=chapters,
            color=color,
            paper_mm=paper,
            crop_marks=bool(get("BOOK_CROP_MARKS")),
            font_size=str(get("BOOK_FONT_SIZE")),
            plate_ppi=ppi,
            plate_max_height=plate_height,
            icc_profile=str(get("BOOK_ICC_PROFILE") or ""),
            require_consent=bool(get("BOOK_REQUIRE_CONSENT")),
            screen=bool(get("BOOK_SCREEN")),
            screen_tags=bool(get("BOOK_SCREEN_TAGS")),
            cover=bool(get("BOOK_COVER")),
            criers=bool(get("BOOK_CRIERS")),
            criers_size=size_mm(get("BOOK_CRIERS_SIZE"), "BOOK_CRIERS_SIZE"),
            criers_font_size=str(get("BOOK_CRIERS_FONT_SIZE")),
            output=str(get("BOOK_OUTPUT")),
            sitename=str(settings.get("SITENAME", "")),
            author=str(settings.get("AUTHOR", "")),
            spine_text_min_mm=spine_min,
            keep_day_hashtags=bool(get("BOOK_KEEP_DAY_HASHTAGS")),
            hour_new_page=bool(get("BOOK_HOUR_NEW_PAGE")),
            imprint=imprint,
            workers=count_setting(settings, "BOOK_WORKERS", default_workers()),
            parallel_posts=count_setting(settings, "BOOK_PARALLEL_POSTS",
                                         inventaire_settings.DEFAULTS["BOOK_PARALLEL_POSTS"]),
            safe_margin=length_mm(get("BOOK_SAFE_MARGIN"), "BOOK_SAFE_MARGIN"),
            signature=signature,
            float_plates=bool(get("BOOK_FLOAT_PLATES")),
            balance_spreads=balance_setting(get("BOOK_BALANCE_SPREADS")),
            balance_max_posts=count_setting(settings, "BOOK_BALANCE_MAX_POSTS",
                                            inventaire_settings.DEFAULTS[
                                                "BOOK_BALANCE_MAX_POSTS"]),
            hyphenate_max=count_setting(settings, "BOOK_HYPHENATE_MAX_CHARS",
                                        inventaire_settings.DEFAULTS["BOOK_HYPHENATE_MAX_CHARS"]),
        )

    def with_color(self, color: str) -> BookEdition:
        return replace(self, color=color)

    @property
    def text_width_mm(self) -> float:
        """The text block's width: the trim less the outside and inside margins."""
        return self.trim[0] - self.margins[1] - self.margins[3]

    @property
    def text_height_mm(self) -> float:
        return self.trim[1] - self.margins[0] - self.margins[2]

    @property
    def line_mm(self) -> float:
        """The body's line: the step of the baseline grid every head, gap and plate of
        the chapters is a multiple of (livre.css), so facing pages' lines back each
        other and full pages end on the same line."""
        return length_mm(self.font_size, "BOOK_FONT_SIZE") * LINE_HEIGHT

    def balances(self, posts: int) -> bool:
        """Whether a book of ``posts`` posts has its spreads balanced: one more layout
        of the chapters, paid by a day's book ("auto": up to BOOK_BALANCE_MAX_POSTS)."""
        if self.balance_spreads == "auto":
            return posts <= self.balance_max_posts
        return bool(self.balance_spreads)

    @property
    def run_on(self) -> bool:
        """Chapters run on, a new one starting a new page only when less than
        :data:`RUN_ON_ROOM` of the page is left: the hours of a day (a page that an
        hour leaves two-thirds empty reads as a printout). Chapters by place, each
        opened by its introduction, always start a page, as do hours with
        ``BOOK_HOUR_NEW_PAGE``."""
        return self.chapters == "hour" and not self.hour_new_page

    @property
    def run_on_room_mm(self) -> float:
        """The room a run-on chapter needs left on the page, else it starts the next."""
        return self.text_height_mm * RUN_ON_ROOM

    def spine_mm(self, pages: int) -> float:
        """The issue's rule: spine = pages × BOOK_PAPER_THICKNESS_MM (a thickness per page,
        as printers' calculators give it, e.g. KDP's 0.002252 in per page)."""
        return pages * self.paper_mm

    def cover_size_mm(self, pages: int) -> tuple[float, float]:
        """The cover sheet without bleed: back + spine + front, by the trim's height."""
        return 2 * self.trim[0] + self.spine_mm(pages), self.trim[1]


def default_workers() -> int:
    """One worker per core, at most four: each holds its chapters' layout in memory."""
    return max(1, min(4, os.cpu_count() or 1))


def count_setting(settings: dict[str, Any], name: str, default: int) -> int:
    """A whole-number setting; None or '' (the documented default) gives ``default``."""
    value = settings.get(name, default)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BookSettingError(name, value, "write a whole number, e.g. 2") from None
    if number < 0:
        raise BookSettingError(name, value, "write a whole number, 0 or more")
    return number


def number_setting(value: Any, name: str, fix: str) -> float:
    """A number of 0 or more, else a :class:`BookSettingError` naming ``name``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BookSettingError(name, value, fix) from None
    if number < 0:
        raise BookSettingError(name, value, fix)
    return number


def balance_setting(value: Any) -> bool | str:
    """``BOOK_BALANCE_SPREADS``: True, False or ``"auto"``."""
    if isinstance(value, bool) or value == "auto":
        return value
    text = str(value).strip().lower()
    if text in ("auto", "true", "false"):
        return {"true": True, "false": False}.get(text, "auto")
    raise BookSettingError("BOOK_BALANCE_SPREADS", value,
                           "write True, False or \"auto\" (balance a book of at most "
                           "BOOK_BALANCE_MAX_POSTS posts)")


def css_mm(value: float) -> str:
    """A length for CSS, rounded so that the stylesheet (and the PDF) is reproducible."""
    return f"{value:.3f}mm"


def find_icc_profile(edition: BookEdition) -> Path | None:
    """The CMYK profile for the output intent: the setting, else Ghostscript's default.

    Ghostscript's ``default_cmyk.icc`` (Debian ``libgs10-common``) is a generic
    SWOP-like profile; a print shop's own (FOGRA39, FOGRA51…) should be set instead.
    """
    if edition.icc_profile:
        path = Path(edition.icc_profile)
        if not path.is_file():
            raise BookSettingError("BOOK_ICC_PROFILE", edition.icc_profile,
                                   "give the path of the printer's CMYK .icc file")
        return path
    for candidate in ("/usr/share/color/icc/ghostscript/default_cmyk.icc",
                      "/usr/share/color/icc/ghostscript/ps_cmyk.icc"):
        if Path(candidate).is_file():
            return Path(candidate)
    return None
