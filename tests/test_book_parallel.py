"""The book's chapters laid out in worker processes and joined: the same book.

A 40-post project is built twice, in one process (``BOOK_WORKERS=1``) and with two
workers (the threshold lowered by ``BOOK_PARALLEL_POSTS``), then both are read back:
same pages with the same text at the same places (a group starting on a verso is
laid out from a recto, then moved across: 40 posts eighteen minutes apart make the
first group odd, of 7 pages; the book has 28, its contents 17 entries),
folios continuous (stamped on the joined PDF), contents and indexes pointing at the
right pages, boxes on every page, the screen edition's links and bookmarks.

Both are laid out with every hour on a new page (``BOOK_HOUR_NEW_PAGE``): hours that
run on run on within a group only, each group's first hour starting a page, so the
same book in one process differs there. A third build, two workers with hours
running on, is checked on its own: folios, contents and indexes. The third is read
in print only: it is laid out without its screen edition.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pypdf
import pytest
from inventaire.book import parallel as book_parallel

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

POSTS = 40  # eighteen minutes apart: the first of the two groups has an odd page count
STEP = 18  # minutes: twelve hours, 9 h to 21 h, enough entries for the contents
THRESHOLD = "BOOK_PARALLEL_POSTS=20"  # half the posts: two workers lay the book out
LIGHT = ["BOOK_COVER=False", "BOOK_CRIERS=False"]


def build(folder: Path, *sets: str) -> Path:
    return project.build_book(folder, *LIGHT, *sets, count=POSTS, step=STEP)


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("single"), "BOOK_WORKERS=1",
                 "BOOK_HOUR_NEW_PAGE=True")


@pytest.fixture(scope="module")
def parallel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("parallel"), "BOOK_WORKERS=2", THRESHOLD,
                 "BOOK_HOUR_NEW_PAGE=True")


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two workers, hours running on (the default); its print edition only, of the
    same posts (twice the threshold, twelve hours: enough entries)."""
    return build(tmp_path_factory.mktemp("running"), "BOOK_WORKERS=2", THRESHOLD,
                 "BOOK_SCREEN=False")


def text_lefts(pdf: Path) -> list[float]:
    """Each page's leftmost text position (points), with the page's mirrored margins."""
    lefts = []
    for page in pypdf.PdfReader(pdf).pages:
        xs: list[float] = []
        page.extract_text(visitor_text=lambda text, cm, tm, *_, xs=xs: xs.append(
            cm[0] * tm[4] + cm[2] * tm[5] + cm[4]) if text.strip() else None)
        lefts.append(min(xs, default=0.0))
    return lefts


def folio(text: str) -> int | None:
    """The page number printed alone on the page's last line, if any."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and re.fullmatch(r"\d+", lines[-1]):
        return int(lines[-1])
    return None


def test_same_pages_and_text_as_one_process(single: Path, parallel: Path) -> None:
    one = [pdfcheck.norm(t) for t in pdfcheck.page_texts(single / "livre.pdf")]
    two = [pdfcheck.norm(t) for t in pdfcheck.page_texts(parallel / "livre.pdf")]
    assert len(one) == len(two) and len(two) % 4 == 0
    assert len(two) > 20  # enough pages for the chapters to be cut into groups
    for number, (a, b) in enumerate(zip(one, two, strict=True), start=1):
        assert a == b, f"page {number} differs"


def test_a_group_changes_side_and_every_page_is_in_place(single: Path,
                                                         parallel: Path) -> None:
    workers = book_parallel.LAST_WORKERS
    assert len(workers) == 2 and workers[0]["pages"] % 2 == 1  # group 2 starts on a verso
    one, two = text_lefts(single / "livre.pdf"), text_lefts(parallel / "livre.pdf")
    assert len(one) == len(two)
    for number, (a, b) in enumerate(zip(one, two, strict=True), start=1):
        assert abs(a - b) < 0.5, f"page {number}: text starts at {b:.1f}, not {a:.1f}"


@pytest.mark.parametrize("book", ["parallel", "running"])
def test_folios_are_continuous(book: str, request: pytest.FixtureRequest) -> None:
    texts = pdfcheck.page_texts(request.getfixturevalue(book) / "livre.pdf")
    printed = [(number, folio(t)) for number, t in enumerate(texts, start=1)]
    numbered = [(n, f) for n, f in printed if f is not None]
    assert len(numbered) > len(texts) // 2
    assert all(n == f for n, f in numbered), [x for x in numbered if x[0] != x[1]][:5]


@pytest.mark.parametrize("book", ["parallel", "running"])
def test_contents_and_indexes_point_to_their_entries(book: str,
                                                     request: pytest.FixtureRequest) -> None:
    texts = pdfcheck.page_texts(request.getfixturevalue(book) / "livre.pdf")
    entries = pdfcheck.toc_entries(texts)
    assert len(entries) >= 10
    for entry in entries:
        assert entry.label in pdfcheck.norm(texts[entry.pages[0] - 1]), entry
    columns = pdfcheck.column_texts(request.getfixturevalue(book) / "livre.pdf")
    rows = pdfcheck.index_entries(columns, "Index des contributeurs")
    assert rows
    for row in rows:
        label = pdfcheck.printed_label(row.label)
        for page in row.pages:
            assert label in pdfcheck.norm(texts[page - 1]), (row, page)
    places = pdfcheck.place_entries(columns)
    assert places
    for place in places:
        for sitting in place.sittings:
            first = pdfcheck.norm(texts[sitting.first - 1]).casefold()
            assert f"lieu : {place.label}".casefold() in first, (place, sitting)
            for page in range(sitting.first, sitting.last + 1):
                assert f"{sitting.hour} h" in pdfcheck.norm(texts[page - 1]), (place, sitting)


def test_every_page_has_its_boxes(parallel: Path) -> None:
    mm = 72 / 25.4
    for number, sizes in enumerate(pdfcheck.boxes(parallel / "livre.pdf"), start=1):
        assert "/TrimBox" in sizes and "/BleedBox" in sizes, f"page {number}"
        assert abs(sizes["/TrimBox"][0] - 148 * mm) < 0.5, f"page {number}"
        assert abs(sizes["/MediaBox"][0] - sizes["/TrimBox"][0] - 6 * mm) < 0.5


def test_screen_edition_links_and_bookmarks_reach_the_chapters(parallel: Path) -> None:
    reader = pypdf.PdfReader(parallel / "livre-ecran.pdf")
    texts = pdfcheck.page_texts(parallel / "livre-ecran.pdf")
    dests = reader.named_destinations
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if "/Dest" in annot:
                targets.append(str(annot["/Dest"]))
    chapters = [t for t in targets if t.startswith("ch-")]
    posts = [t for t in targets if t.startswith("p-")]
    assert chapters and posts  # contents → chapters, indexes → posts, across parts
    for target in chapters + posts[:40]:
        assert target in dests, target
    for item in reader.outline:
        assert not isinstance(item, list)
        index = reader.get_destination_page_number(item)
        assert index is not None
        assert pdfcheck.norm(str(item.title)) in pdfcheck.norm(texts[index])
    assert len(reader.outline) >= 10
    assert reader.metadata is not None and reader.metadata.title
