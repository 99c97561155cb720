"""The screen edition (issue 14): single pages, without the blank pages the print
layout needs, every index number still the folio printed on its page."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pypdf

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")


def test_screen_edition_has_no_blank_page(sample_build: Path) -> None:
    screen = sample_build / "livre" / "livre-ecran.pdf"
    livre = sample_build / "livre" / "livre.pdf"
    with pdfcheck.opened(screen) as pdf:
        empty = [page.page_number for page in pdf.pages
                 if not (page.extract_text() or "").strip() and not page.images]
    assert not empty, empty
    assert len(pypdf.PdfReader(screen).pages) < len(pypdf.PdfReader(livre).pages)


def test_screen_index_numbers_are_the_printed_folios(sample_build: Path) -> None:
    texts = pdfcheck.page_texts(sample_build / "livre" / "livre-ecran.pdf")
    folios = {}
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and lines[-1].isdigit():
            folios[int(lines[-1])] = pdfcheck.norm(text)
    places = pdfcheck.place_entries(pdfcheck.column_texts(
        sample_build / "livre" / "livre-ecran.pdf"))
    assert places
    for place in places:
        for sitting in place.sittings:
            assert sitting.first in folios, (place.label, sitting)
            assert place.label in folios[sitting.first], (place.label, sitting)
