"""The back cover's EAN-13 (issue 14, point 6): the ISBN's barcode as vector bars in a
white zone of the standard's size, lower right of the back, clear of the spine and of
the trim's safety margin; the bars read back as python-barcode's own module pattern.
No ISBN: no barcode and no empty zone, and the build says so."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from barcode import EAN13
from conftest import run_folder

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")

MM = 72 / 25.4
TRIM_W, TRIM_H = 148.0, 210.0
SAFE = 5.0  # BOOK_SAFE_MARGIN's default
X = 0.33  # the module at 100 %
ISBN = "978-2-07-036822-8"
LIGHT = ("BOOK_SCREEN=False", "BOOK_CRIERS=False")


def in_trim(page: Any, obj: dict[str, Any]) -> tuple[float, float, float, float]:
    """An object's box in mm from the trimmed sheet's top-left corner."""
    left, top = page.trimbox[0], page.trimbox[1]
    return ((obj["x0"] - left) / MM, (obj["top"] - top) / MM,
            (obj["x1"] - left) / MM, (obj["bottom"] - top) / MM)


def dark(obj: dict[str, Any]) -> bool:
    colour = obj.get("non_stroking_color")
    return bool(obj.get("fill")) and colour in ((0.0, 0.0, 0.0), (0,), (0.0,), 0)


def zone_objects(cover: Path) -> tuple[list[Any], list[Any], list[Any], int]:
    """The back panel's lower half: dark rectangles, white rectangles, characters,
    and how many images are there."""
    with pdfplumber.open(cover) as pdf:
        page = pdf.pages[0]
        rects = [(in_trim(page, r), r) for r in page.rects]
        low = [(box, r) for box, r in rects if box[1] > TRIM_H / 2 and box[2] < TRIM_W]
        bars = sorted(box for box, r in low if dark(r) and box[3] - box[1] > 15)
        whites = [box for box, r in low if r.get("non_stroking_color") == (1.0, 1.0, 1.0)]
        chars = [(c["text"], in_trim(page, c)) for c in page.chars]
        chars = [(t, b) for t, b in chars if b[1] > TRIM_H / 2 and b[2] < TRIM_W]
        images = [i for i in page.images
                  if in_trim(page, i)[1] > TRIM_H / 2 and in_trim(page, i)[2] < TRIM_W]
    return bars, whites, chars, len(images)


def decode(bars: list[tuple[float, ...]]) -> str:
    """The 95 modules the bars draw, from their positions and widths."""
    start = bars[0][0]
    modules = ["0"] * 95
    for x0, _top, x1, _bottom in bars:
        first, width = round((x0 - start) / X), round((x1 - x0) / X)
        for index in range(first, first + width):
            modules[index] = "1"
    return "".join(modules)


@pytest.fixture(scope="module")
def with_isbn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project.build_book(tmp_path_factory.mktemp("isbn"), f"BOOK_ISBN={ISBN!r}",
                              "BOOK_PRICE='12 €'", *LIGHT) / "couverture.pdf"


def test_barcode_reads_as_the_isbn(with_isbn: Path) -> None:
    bars, _whites, chars, images = zone_objects(with_isbn)
    expected = EAN13("978207036822", guardbar=True).build()[0].replace("G", "1")
    assert decode(bars) == expected
    assert images == 0  # vectors, not a picture of bars
    digits = "".join(t for t, box in sorted(chars, key=lambda c: c[1][0])
                      if t.isdigit() and bars[0][3] - 3 < box[1] < bars[0][3])
    assert digits == "9782070368228"  # under the bars, the first in the quiet zone
    text = "".join(t for t, _b in sorted(chars, key=lambda c: (round(c[1][1]), c[1][0])))
    assert "ISBN978-2-07-036822-8" in text.replace(" ", "").replace("\u00a0", "")
    assert "Prix" in text and "12" in text


def test_barcode_zone_size_and_place(with_isbn: Path) -> None:
    bars, whites, _chars, _images = zone_objects(with_isbn)
    left, right = bars[0][0], bars[-1][2]
    assert right - left == pytest.approx(95 * X, abs=0.05)  # 100 %: 31.35 mm of symbol
    assert bars[0][3] - bars[0][1] == pytest.approx(22.85 + 5 * X, abs=0.05)  # a guard bar
    zone = next(w for w in whites if w[0] <= left and w[2] >= right)
    # Quiet zones: 11 modules of white before the symbol, 7 after.
    assert left - zone[0] >= 11 * X - 0.01 and zone[2] - right >= 7 * X - 0.01
    assert 37.2 <= zone[2] - zone[0] <= 42 and 25.9 <= zone[3] - zone[1] <= 40
    # Lower right of the back, inside the trim less its safety margin, off the spine.
    assert zone[0] > TRIM_W / 2 and zone[1] > TRIM_H / 2
    assert zone[2] <= TRIM_W - SAFE and zone[3] <= TRIM_H - SAFE
    assert all(b[3] <= TRIM_H - SAFE for b in bars)


def test_no_isbn_no_barcode_and_said(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The book without an ISBN is the run's shared one (the preflight's, the cover's):
    the layout logged what it said."""
    book = project.shared_book(run_folder(tmp_path_factory), *LIGHT)
    bars, whites, _chars, _images = zone_objects(book.edition / "couverture.pdf")
    assert bars == [] and whites == []
    assert book.said("BOOK_ISBN", "barcode", level=logging.INFO)
