"""The cover (issue 14): nothing styled as a link, the date once, the spine read from
the foot up and only when it is wide enough."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from conftest import run_folder

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")

MM = 72 / 25.4
TRIM_W = 148 * MM
BLEED = 3 * MM


def spine_chars(cover: Path, spine_mm: float) -> list[dict]:
    """The characters drawn between the back and the front panels."""
    with pdfplumber.open(cover) as pdf:
        page = pdf.pages[0]
        left, right = BLEED + TRIM_W, BLEED + TRIM_W + spine_mm * MM
        return [c for c in page.chars if left - 0.5 <= (c["x0"] + c["x1"]) / 2 <= right + 0.5]


def test_sample_cover_has_no_link_and_the_date_once(sample_build: Path) -> None:
    cover = sample_build / "livre" / "couverture.pdf"
    reader = pypdf.PdfReader(cover)
    assert not any(page.get("/Annots") for page in reader.pages)
    with pdfplumber.open(cover) as pdf:
        page = pdf.pages[0]
        front = page.filter(lambda o: o.get("x0", 0) > page.width - BLEED - TRIM_W)
        back = page.filter(lambda o: o.get("x1", page.width) < BLEED + TRIM_W)
        text = " ".join((front.extract_text() or "").split())
        back_text = " ".join((back.extract_text() or "").split())
    assert text.count("19 avril 2013") == 1, text
    assert "<span" not in back_text and "#placedutertre" in back_text  # text, not markup


@pytest.fixture(scope="module")
def thick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A book on thick paper: its spine is wide enough for the title (the run's
    shared one, which the preflight's tests read too)."""
    return project.shared_book(run_folder(tmp_path_factory), "BOOK_PAPER_THICKNESS_MM=0.5",
                               "BOOK_SCREEN=False", "BOOK_CRIERS=False").edition


def test_wide_spine_reads_from_the_foot_up(thick: Path) -> None:
    pages = len(pypdf.PdfReader(thick / "livre.pdf").pages)
    chars = spine_chars(thick / "couverture.pdf", pages * 0.5)
    assert chars, "no title on a spine of %.1f mm" % (pages * 0.5)
    # Text direction (matrix a, b) pointing up the page: rotated a quarter-turn
    # anticlockwise, so the reader tilts the head left, as on French spines.
    assert all(abs(c["matrix"][0]) < 1e-6 and c["matrix"][1] > 0 for c in chars)
    ys = [c["y0"] for c in chars if c["text"].strip()]
    assert ys == sorted(ys)  # in reading order, each letter higher than the last


def test_narrow_spine_is_plain_and_the_build_says_so(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The run's shared book on the default paper; its layout logged what it said."""
    book = project.shared_book(run_folder(tmp_path_factory), "BOOK_SCREEN=False",
                               "BOOK_CRIERS=False")
    pages = len(pypdf.PdfReader(book.edition / "livre.pdf").pages)
    assert pages * 0.06 < 6
    assert not spine_chars(book.edition / "couverture.pdf", pages * 0.06)
    assert book.said("BOOK_SPINE_TEXT_MIN_MM")
