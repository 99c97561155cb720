"""The cover: back, spine and front on one sheet, with bleed all round.

Its width depends on the interior: spine = pages × BOOK_PAPER_THICKNESS_MM, so the
cover is laid out after the interior, from the padded page count.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from inventaire.book.chapters import BookPost, unlink
from inventaire.book.color import Palette, convert_hex
from inventaire.book.ean import barcode_html, zone_size_mm
from inventaire.book.edition import PT_PER_MM, BookEdition, css_mm
from inventaire.book.layout import Renderer
from inventaire.book.templates import Templates
from inventaire.core.fonts import font_face_css

logger = logging.getLogger(__name__)

BACK_POSTS = 4
# The barcode's white zone: its right edge this far from the spine's fold (the hinge
# scored near the fold creases it), its foot this far above the trim; never closer
# than BOOK_SAFE_MARGIN.
EAN_FROM_FOLD_MM = 12.0
EAN_FROM_FOOT_MM = 12.0


@dataclass
class CoverView:
    title: str
    subtitle: str
    date_label: str
    city: str
    author: str
    post_count: int
    contributor_count: int
    back_posts: list[BookPost]


def back_posts(posts: Sequence[BookPost], count: int = BACK_POSTS) -> list[BookPost]:
    """The editors' featured posts (without photos), else the shortest of the day."""
    candidates = [p for p in posts if not p.plates]
    featured = [p for p in candidates if p.post.featured]
    if len(featured) < count:
        rest = sorted((p for p in candidates if not p.post.featured),
                      key=lambda p: (len(p.post.text), p.post.sort_key()))
        featured += rest[:count - len(featured)]
    return sorted(featured[:count], key=lambda p: p.post.sort_key())


def spine_font_pt(spine_mm: float) -> float:
    """Type that fits across the spine: 60 % of its width, between 4 and 11 pt."""
    return round(max(4.0, min(11.0, spine_mm * PT_PER_MM * 0.6)), 2)


def spine_has_text(edition: BookEdition, pages: int) -> bool:
    """Whether the spine is wide enough to carry the title (BOOK_SPINE_TEXT_MIN_MM):
    a narrower spine prints its text across the fold when the binding drifts."""
    return edition.spine_mm(pages) >= edition.spine_text_min_mm


def date_once(view: CoverView) -> bool:
    """Whether the front needs its own date line: not when the subtitle says it."""
    return view.date_label.casefold() not in view.subtitle.casefold()


def cover_geometry(edition: BookEdition, pages: int) -> dict[str, str]:
    width, height = edition.cover_size_mm(pages)
    spine = edition.spine_mm(pages)
    return {"width": css_mm(width), "height": css_mm(height), "bleed": css_mm(edition.bleed),
            "trim_w": css_mm(edition.trim[0]), "spine": css_mm(spine),
            "spine_left": css_mm(edition.trim[0]),
            "front_left": css_mm(edition.trim[0] + spine),
            "spine_font": f"{spine_font_pt(spine)}pt",
            # The rotated spine box: as long as the trim is high, as thick as the spine.
            "spine_box_left": css_mm(edition.trim[0] + spine / 2 - edition.trim[1] / 2),
            "spine_box_top": css_mm(edition.trim[1] / 2 - spine / 2)}


def barcode_zone(edition: BookEdition) -> tuple[float, float, float, float]:
    """The barcode's white zone on the cover (left, top, width, height, in mm from
    the back panel's trimmed top-left corner): lower right of the back, by the spine."""
    width, height = zone_size_mm(edition.imprint.price)
    from_fold = max(EAN_FROM_FOLD_MM, edition.safe_margin)
    from_foot = max(EAN_FROM_FOOT_MM, edition.safe_margin)
    return (edition.trim[0] - from_fold - width, edition.trim[1] - from_foot - height,
            width, height)


def barcode(edition: BookEdition, mode: str) -> Markup:
    """The EAN-13 of ``BOOK_ISBN`` in its white zone, placed; nothing without an ISBN
    (no blank zone is reserved: the build says so)."""
    isbn = edition.imprint.isbn
    if not isbn:
        logger.info("Book: no BOOK_ISBN, so no barcode on the back cover (and no zone "
                    "kept for one)")
        return Markup("")
    palette = Palette.for_mode(mode)
    white = "#ffffff" if mode == "rgb" else convert_hex("#ffffff", mode)
    left, top, _w, _h = barcode_zone(edition)
    zone = barcode_html(isbn, edition.imprint.price, palette.ink, white)
    return Markup(f'<div class="ean-place" style="left: {css_mm(left)}; '
                  f'top: {css_mm(top)}">') + zone + Markup("</div>")


def render_cover(edition: BookEdition, pages: int, view: CoverView, templates: Templates,
                 renderer: Renderer, mode: str) -> bytes:
    for post in view.back_posts:
        post.html = Markup(unlink(str(post.html)))  # a cover is paper: nothing to click
    spine = spine_has_text(edition, pages)
    if not spine:
        logger.info("Book: the spine is %.1f mm wide, under BOOK_SPINE_TEXT_MIN_MM "
                    "(%g mm): it is left plain", edition.spine_mm(pages),
                    edition.spine_text_min_mm)
    html = templates.render("book/couverture.html", cover=view,
                            g=cover_geometry(edition, pages), p=Palette.for_mode(mode),
                            fonts=Markup(font_face_css()), spine=spine,
                            date_line=date_once(view), barcode=barcode(edition, mode))
    options: dict[str, Any] = {"pdf_variant": "pdf/x-4"} if mode == "cmyk" else {}
    document = renderer.render(html, "", "cover", **options)
    return renderer.write(document, "write cover", **options)
