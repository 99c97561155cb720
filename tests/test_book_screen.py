"""The screen edition (issue 14): single pages, without the blank pages the print
layout needs, every index number still the folio printed on its page."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pdfplumber
import pypdf

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")


def test_screen_edition_has_no_blank_page(sample_build: Path) -> None:
    screen = sample_build / "livre" / "livre-ecran.pdf"
    livre = sample_build / "livre" / "livre.pdf"
    with pdfplumber.open(screen) as pdf:
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
    entries = pdfcheck.index_entries(texts, "Index des lieux")
    assert entries
    for entry in entries:
        for page in entry.pages:
            if page in folios:  # a chapter's opening page carries its folio too
                assert entry.label in folios[page], (entry.label, page)
