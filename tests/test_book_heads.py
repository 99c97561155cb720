"""Running heads (issue 14, point 5): the verso names the book (by place: the place),
the recto the hour the page opens in (« 14 h »); a page that opens with an hour's
own title has no head above it. Read back from the print PDF: the head is the text
above the text block."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
from conftest import run_folder

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

LIGHT = ("BOOK_SCREEN=False", "BOOK_CRIERS=False", "BOOK_COVER=False")
TITLE = "Un jour de tweets à Paris"
HOUR = re.compile(r"^\d+ h$")


def heads(livre: Path) -> list[str]:
    """The text above each page's text block (its running head), spaces normalised."""
    with pdfcheck.opened(livre) as pdf:
        out = []
        for page in pdf.pages:
            top = pdfcheck.text_block(page)[1]
            left, trim_top, right, _bottom = getattr(page, "trimbox", page.bbox)
            above = page.within_bbox((left, trim_top, right, top), relative=False)
            out.append(pdfcheck.norm(above.extract_text() or ""))
    return out


@pytest.fixture(scope="module")
def by_hour(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ninety posts three minutes apart: hours of several pages, some starting mid-page."""
    return project.build_book(tmp_path_factory.mktemp("heads"), *LIGHT, count=90,
                              step=3) / "livre.pdf"


def test_recto_names_the_hour_the_page_opens_in(by_hour: Path) -> None:
    texts = pdfcheck.page_texts(by_hour)
    body = pdfcheck.body_texts(by_hour)
    hours = [(e.pages[0], e.label) for e in pdfcheck.toc_entries(texts) if HOUR.match(e.label)]
    first, index = hours[0][0], next(e.pages[0] for e in pdfcheck.toc_entries(texts)
                                     if e.label.startswith("Index"))
    running = heads(by_hour)
    checked = mid = 0
    for number in range(first + 1, index):
        lines = [pdfcheck.norm(line) for line in body[number - 1].splitlines() if line.strip()]
        if not lines:
            continue
        opens_hour = HOUR.match(lines[0]) is not None
        if number % 2 == 0:
            assert running[number - 1] == TITLE, number
            continue
        if opens_hour:
            assert running[number - 1] == "", (number, running[number - 1])
            continue
        expected = [label for page, label in hours if page < number][-1]
        assert running[number - 1] == expected, (number, lines[:2])
        checked += 1
        mid += any(page == number for page, _label in hours)
    assert checked >= 2
    assert mid >= 1  # a page where the next hour begins mid-page names the one it opens in


def test_by_place_the_verso_names_the_place(tmp_path_factory: pytest.TempPathFactory
                                           ) -> None:
    """On the run's shared book by place (test_book_variants.py's, in cmyk: the heads
    are the same words in any colour)."""
    livre = project.shared_book(run_folder(tmp_path_factory), *project.BY_PLACE).edition \
        / "livre.pdf"
    names = {name for name, *_rest in project.PLACES.values()} | {"Ailleurs à Paris"}
    texts = pdfcheck.page_texts(livre)
    entries = pdfcheck.toc_entries(texts)
    first = next(e.pages[0] for e in entries if e.label in names)
    index = next(e.pages[0] for e in entries if e.label.startswith("Index"))
    running = heads(livre)
    versos = [running[n - 1] for n in range(first + 1, index) if n % 2 == 0 and running[n - 1]]
    rectos = [running[n - 1] for n in range(first + 1, index) if n % 2 and running[n - 1]]
    assert versos and all(head in names for head in versos), versos
    assert rectos and all(HOUR.match(head) for head in rectos), rectos
