"""Page flow (issue 14, point 3): hours run on, a new one starting a new page only when
less than a third of the page is left (``BOOK_HOUR_NEW_PAGE`` keeps every hour on a
new page), and no page of the day left mostly empty.

Fullness is read back from the print PDF: from the top of the text block to the
lowest text or image in it (pdfplumber), as a reader sees it.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

LEAST = 0.35  # the threshold: no page of the day under 35 % full
LIGHT = ["BOOK_COVER=False", "BOOK_CRIERS=False", "BOOK_SCREEN=False"]


def body_pages(texts: list[str]) -> range:
    """The chapters' pages: from the first chapter's to the page before the indexes."""
    entries = pdfcheck.toc_entries(texts)
    first = next(e.pages[0] for e in entries if e.label[0].isdigit())
    index = next(e.pages[0] for e in entries if e.label.startswith("Index"))
    return range(first, index)


def underfull(livre: Path) -> list[tuple[int, float]]:
    """Pages of the day under :data:`LEAST` full that no rule excuses: the day's last
    page, a page whose next post went over with its plate (a post never leaves its
    plate), and the blank pages the print layout needs before a recto."""
    texts = pdfcheck.page_texts(livre)
    full = pdfcheck.fullness(livre)
    plates = pdfcheck.plate_pages(livre)
    pages = body_pages(texts)
    last = max(n for n in pages if full[n - 1] > 0)
    found = []
    for number in pages:
        share = full[number - 1]
        if share >= LEAST or number == last or number + 1 in plates:
            continue
        if share == 0 and not texts[number - 1].strip():
            continue  # blank: the indexes start on a recto
        found.append((number, round(share, 2)))
    return found


def test_no_page_of_the_sample_day_is_mostly_empty(sample_build: Path) -> None:
    livre = sample_build.parent / "cache" / "book" / "edition" / "livre.pdf"
    assert underfull(livre) == []


def test_sample_hours_run_on(sample_build: Path) -> None:
    """At least one hour opens below the top of its page, its contents number right."""
    livre = sample_build.parent / "cache" / "book" / "edition" / "livre.pdf"
    body = pdfcheck.body_texts(livre)
    hours = [e for e in pdfcheck.toc_entries(pdfcheck.page_texts(livre))
             if e.label[0].isdigit()]
    assert len(hours) > 10
    mid_page = 0
    for entry in hours:
        lines = [pdfcheck.norm(line) for line in body[entry.pages[0] - 1].splitlines()]
        assert entry.label in lines, (entry, lines[:3])
        mid_page += lines.index(entry.label) > 0
    assert mid_page >= 1


@pytest.fixture(scope="module")
def run_on(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project.build_book(tmp_path_factory.mktemp("run-on"), *LIGHT, count=40) \
        / "livre.pdf"


@pytest.fixture(scope="module")
def new_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project.build_book(tmp_path_factory.mktemp("new-page"), *LIGHT,
                              "BOOK_HOUR_NEW_PAGE=True", count=40) / "livre.pdf"


def hour_lines(livre: Path) -> list[tuple[int, int]]:
    """(page, line of the page's text block) where each hour opens, as the contents say
    (the title is printed there as a line of its own)."""
    body = pdfcheck.body_texts(livre)
    found = []
    for entry in pdfcheck.toc_entries(pdfcheck.page_texts(livre)):
        if entry.label[0].isdigit():
            lines = [pdfcheck.norm(line) for line in body[entry.pages[0] - 1].splitlines()]
            assert entry.label in lines, (entry, lines[:3])
            found.append((entry.pages[0], lines.index(entry.label)))
    return found


def test_hours_run_on_by_default(run_on: Path, new_page: Path) -> None:
    running, paged = hour_lines(run_on), hour_lines(new_page)
    assert len(running) == len(paged) >= 5
    assert any(line > 0 for _page, line in running)  # an hour opens mid-page
    assert body_pages(pdfcheck.page_texts(run_on)).stop \
        < body_pages(pdfcheck.page_texts(new_page)).stop
    assert underfull(run_on) == []


def test_book_hour_new_page_opens_every_hour_on_a_page(new_page: Path) -> None:
    lines = hour_lines(new_page)
    assert all(line == 0 for _page, line in lines), lines
    assert len({page for page, _line in lines}) == len(lines)
