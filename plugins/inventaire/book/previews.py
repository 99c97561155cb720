"""Pictures of the book for its web page: the front cover and two spreads.

The site's ``/livre/`` page shows the book as an object, not three bare links, so it
needs images of it; they are made here, where the book is made, from the PDFs just
laid out, and they land in the edition folder beside them (``apercus/``). The step
is skipped when nothing the book reads changed, so the pictures are made once per
edition, and the site publishes them as it publishes the PDFs (hard links), reading
what they show from ``apercus/apercus.json``::

    {"cover": {"alt": "…", "width": 800, "height": 1134,
               "webp": [["apercus/couverture-480.webp", 480], …], "jpeg": […]},
     "spreads": [{"pages": [12, 13], "screen_page": 11, "alt": "…", …}, …],
     "formats": {"livre.pdf": {"width_mm": 148, "height_mm": 210, "bleed_mm": 3}, …}}

Pages are rendered by PDFium (``pypdfium2``, the renderer of Chromium's PDF viewer)
at the trim box, the bleed cut off, and encoded by Pillow as WebP and JPEG at a few
widths for ``srcset``. The spreads are chosen from the book itself, so the choice is
the same at every build of the same book: the one where the day opens (its first
post), and the one of the largest photograph after it, the nearest the middle on a
tie (a book without photographs: the spread of its middle post).
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inventaire.book.edition import PT_PER_MM

logger = logging.getLogger(__name__)

FOLDER = "apercus"
INDEX = f"{FOLDER}/apercus.json"
COVER_WIDTHS = (360, 560, 800)
SPREAD_WIDTHS = (640, 1000, 1400)
QUALITY = {"webp": 80, "jpeg": 84}
PRINTED = "livre.pdf"
SCREEN = "livre-ecran.pdf"
COVER = "couverture.pdf"

Box = tuple[float, float, float, float]  # left, bottom, right, top, in points


@dataclass(frozen=True)
class Picture:
    """One rendered image and its name stem under ``apercus/``."""

    stem: str
    image: Any  # a PIL.Image.Image
    alt: str


def make_previews(files: Mapping[str, bytes], post_pages: Mapping[Any, int],
                  screen_pages: Mapping[Any, int]) -> dict[str, bytes]:
    """The preview files to add to the edition (``apercus/…`` → bytes), or none when
    the printed book is not there or PDFium cannot read it (a warning says so: the
    book's page then shows its editions without pictures)."""
    if PRINTED not in files:
        return {}
    try:
        return _make(files, post_pages, screen_pages)
    except Exception as error:  # PDFium's errors are its own; the book stays good
        logger.warning("Book: the pictures of the book's page could not be made (%s); "
                       "the page shows the editions without them", error)
        return {}


def _make(files: Mapping[str, bytes], post_pages: Mapping[Any, int],
          screen_pages: Mapping[Any, int]) -> dict[str, bytes]:
    import pypdfium2

    out: dict[str, bytes] = {}
    index: dict[str, Any] = {"cover": None, "spreads": [], "formats": {}}
    book = pypdfium2.PdfDocument(files[PRINTED])
    try:
        for name in (PRINTED, SCREEN, COVER):
            if name in files:
                index["formats"][name] = page_format(files[name])
        trim = trim_box(book[0])
        if COVER in files:
            cover = pypdfium2.PdfDocument(files[COVER])
            try:
                picture = front_cover(cover[0], trim[2] - trim[0], COVER_WIDTHS[-1])
            finally:
                cover.close()
            index["cover"] = encode(picture, COVER_WIDTHS, out)
        pages = len(book)
        for left, right in choose_spreads(book, post_pages):
            shown = [n for n in (left, right) if 1 <= n <= pages]
            image = render_spread(book, shown, SPREAD_WIDTHS[-1])
            alt = (f"Les pages {shown[0]} et {shown[-1]} du livre, en regard"
                   if len(shown) == 2 else f"La page {shown[0]} du livre")
            entry = encode(Picture(f"pages-{shown[0]}", image, alt), SPREAD_WIDTHS, out)
            entry["pages"] = shown
            entry["screen_page"] = screen_page(shown, post_pages, screen_pages)
            index["spreads"].append(entry)
    finally:
        book.close()
    out[INDEX] = (json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True)
                  + "\n").encode()
    return out


def trim_box(page: Any) -> Box:
    """The page's trim box (the page as cut), its media box when it has none."""
    box = tuple(page.get_trimbox())
    return box if box[2] > box[0] else tuple(page.get_mediabox())


def page_format(pdf: bytes) -> dict[str, int]:
    """The first page's size as cut, in whole millimetres, and the bleed around it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        trim, media = trim_box(page), tuple(page.get_mediabox())
    finally:
        document.close()
    return {"width_mm": round((trim[2] - trim[0]) / PT_PER_MM),
            "height_mm": round((trim[3] - trim[1]) / PT_PER_MM),
            "bleed_mm": round(max(0.0, trim[0] - media[0]) / PT_PER_MM)}


def crop_to(page: Any, box: Box) -> tuple[float, float, float, float]:
    """PDFium's ``crop`` (what to cut from the left, bottom, right and top of the media
    box) that leaves ``box``."""
    media = tuple(page.get_mediabox())
    return (box[0] - media[0], box[1] - media[1], media[2] - box[2], media[3] - box[3])


def render_box(page: Any, box: Box, width: int) -> Any:
    """``box`` of ``page`` rendered ``width`` pixels wide, as an RGB PIL image."""
    scale = width / (box[2] - box[0])
    bitmap = page.render(scale=scale, crop=crop_to(page, box), may_draw_forms=False)
    image = bitmap.to_pil().convert("RGB")
    if image.width != width:  # PDFium rounds the size down: a pixel short at most
        image = image.resize((width, round(image.height * width / image.width)))
    return image


def front_cover(page: Any, panel_width: float, width: int) -> Picture:
    """The front panel of the cover (the right-hand page width of the trim box: the
    wrap is back, spine, front), with the words printed on it as its alt text."""
    trim = trim_box(page)
    front = (max(trim[0], trim[2] - panel_width), trim[1], trim[2], trim[3])
    text_page = page.get_textpage()
    try:
        words = " ".join(text_page.get_text_bounded(*front).split())
    finally:
        text_page.close()
    alt = f"La couverture du livre : {words}" if words else "La couverture du livre"
    return Picture("couverture", render_box(page, front, width), alt)


def render_spread(book: Any, pages: list[int], width: int) -> Any:
    """Two facing pages side by side (a left page alone when it is the last)."""
    from PIL import Image

    each = width // 2 if len(pages) == 2 else width
    images = [render_box(book[n - 1], trim_box(book[n - 1]), each) for n in pages]
    height = max(image.height for image in images)
    spread = Image.new("RGB", (sum(image.width for image in images), height), "white")
    x = 0
    for image in images:
        spread.paste(image, (x, 0))
        x += image.width
    return spread


def spread_of(page: int) -> tuple[int, int]:
    """The facing pages of ``page`` in a printed book: page 1 is a recto alone, then
    even on the left, odd on the right."""
    left = page - (page % 2)
    return (left, left + 1)


def image_area(page: Any) -> float:
    """The area, in square points, of the images drawn on a page (the photographs)."""
    import pypdfium2.raw as pdfium_c

    area = 0.0
    for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = item.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return area


def choose_spreads(book: Any, post_pages: Mapping[Any, int]) -> list[tuple[int, int]]:
    """Where the day opens (the spread of the earliest page a post is on), then the
    spread of the largest photograph after it, nearest the middle on a tie, else the
    spread of the middle post; one spread when the book has only one."""
    pages = len(book)
    placed = sorted(set(post_pages.values()))
    if not placed:
        return [spread_of(min(pages, 3))] if pages > 1 else [(1, 1)]
    opening = spread_of(placed[0])
    middle = (placed[0] + placed[-1]) / 2
    best: tuple[float, float, tuple[int, int]] | None = None
    for page in range(opening[1] + 1, placed[-1] + 1):
        area = image_area(book[page - 1])
        if area <= 0:
            continue
        candidate = (-area, abs(page - middle), spread_of(page))
        if best is None or candidate < best:
            best = candidate
    second = best[2] if best else spread_of(placed[len(placed) // 2])
    return [opening] if second == opening else [opening, second]


def screen_page(pages: list[int], post_pages: Mapping[Any, int],
                screen_pages: Mapping[Any, int]) -> int:
    """The screen edition's page of the first post printed on ``pages`` (the screen
    edition has no blank pages, so its numbers differ); 0 when no post is there."""
    on_spread = sorted((page, screen_pages[key]) for key, page in post_pages.items()
                       if page in pages and key in screen_pages)
    return on_spread[0][1] if on_spread else 0


def encode(picture: Picture, widths: tuple[int, ...], out: dict[str, bytes]) -> dict[str, Any]:
    """WebP and JPEG at each width (never wider than rendered) into ``out``; what the
    site needs to draw it (``srcset`` lists, size, alt)."""
    from PIL import Image

    image = picture.image
    entry: dict[str, Any] = {"alt": picture.alt, "width": image.width,
                             "height": image.height, "webp": [], "jpeg": []}
    for width in sorted({min(w, image.width) for w in widths}, reverse=True):
        height = round(image.height * width / image.width)
        resized = image if width == image.width else image.resize(
            (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for fmt, ext in (("webp", "webp"), ("jpeg", "jpg")):
            name = f"{FOLDER}/{picture.stem}-{width}.{ext}"
            buffer = io.BytesIO()
            if fmt == "webp":
                resized.save(buffer, "WEBP", quality=QUALITY["webp"], method=3)
            else:
                resized.save(buffer, "JPEG", quality=QUALITY["jpeg"], optimize=True,
                             progressive=True)
            out[name] = buffer.getvalue()
            entry[fmt].insert(0, [name, width])
    return entry
