"""Visual regression of the book's key pages against reference images.

The sample day's book (the session's publish build) is rendered page by page with
pypdfium2 at a low resolution and compared with the images kept in
``tests/fixtures/book/reference/``: the opening of a sitting, a plate page, the
places index and the cover. A page may differ by a small mean difference (anti-
aliasing); a layout change moves text and fails. When a change to the book is
meant, look at the new images and keep them: ``INVENTAIRE_UPDATE_REFERENCES=1
make test PYTEST_ARGS="-k visual"`` writes them (and the test then fails once, to
say so).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")
pdfium = pytest.importorskip("pypdfium2")

REFERENCES = Path(__file__).parent / "fixtures" / "book" / "reference"
SCALE = 60 / 72  # 60 dpi: enough to see a moved line, small enough to keep in git
# A pixel differs when a channel moves by more than this (anti-aliasing stays under);
# a page may have this share of its pixels differ.
PIXEL_THRESHOLD = 48
TOLERANCE = 0.001


def render(pdf: Path, index: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[index].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        document.close()


def differing_share(one: Image.Image, two: Image.Image) -> float:
    """The share of pixels of two same-size images that differ visibly."""
    difference = ImageChops.difference(one, two).convert("L")
    changed = difference.point(lambda value: 255 if value > PIXEL_THRESHOLD else 0)
    return ImageStat.Stat(changed).mean[0] / 255


def test_a_line_moved_by_two_pixels_is_seen() -> None:
    page, moved = Image.new("RGB", (350, 500), "white"), Image.new("RGB", (350, 500), "white")
    page.paste((20, 20, 20), (60, 100, 300, 109))  # one line of text, as a dark bar
    moved.paste((20, 20, 20), (60, 102, 300, 111))  # the same, two pixels lower
    assert differing_share(page, page) == 0
    assert differing_share(page, moved) > TOLERANCE


def first_page(texts: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(texts) if needle in pdfcheck.norm(text))


def last_page(texts: list[str], needle: str) -> int:
    """The last page saying ``needle``: an index, not the contents naming it."""
    return max(i for i, text in enumerate(texts) if needle in pdfcheck.norm(text))


def key_pages(book: Path) -> dict[str, tuple[Path, int]]:
    """The pages to compare, found by what they say (not by their numbers)."""

    livre = book / "livre.pdf"
    texts = pdfcheck.page_texts(livre)
    with pdfcheck.opened(livre) as pdf:  # a photo, not an emoji: wider than 200 pt
        plate = next(i for i, page in enumerate(pdf.pages)
                     if any(image["width"] > 200 for image in page.images))
    return {
        "opening": (livre, first_page(texts, "Lieu :")),
        "plate": (livre, plate),
        "places-index": (livre, last_page(texts, "Index des lieux")),
        "cover": (book / "couverture.pdf", 0),
    }


@pytest.mark.parametrize("name", ["opening", "plate", "places-index", "cover"])
def test_key_pages_look_as_they_did(sample_build: Path, name: str) -> None:
    pdf, index = key_pages(sample_build / "livre")[name]
    image = render(pdf, index)
    reference = REFERENCES / f"{name}.png"
    if os.environ.get("INVENTAIRE_UPDATE_REFERENCES") or not reference.is_file():
        image.save(reference, optimize=True)
        pytest.fail(f"{reference} written: look at it, keep it, run the test again")
    kept = Image.open(reference).convert("RGB")
    assert kept.size == image.size, f"{name}: page size {image.size} instead of {kept.size}"
    share = differing_share(kept, image)
    assert share <= TOLERANCE, (
        f"{name}: page {index + 1} of {pdf.name} differs from {reference.name} "
        f"({share:.2%} of its pixels); look at both, and keep the new one with "
        "INVENTAIRE_UPDATE_REFERENCES=1 if the change is meant")
