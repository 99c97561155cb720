"""Plates that float (issue 14, point 3): a photo that does not fit at the foot of a
page opens the next page, captioned with its post's time and author, and the text
(its post's, then the sitting's next ones) fills the page before instead of a hole.
``BOOK_FLOAT_PLATES = False`` keeps the old rule (a post goes over with its plate)."""

from __future__ import annotations

import importlib
import re
import sys
from datetime import datetime
from pathlib import Path

import pytest
from inventaire.core.model import Media, Post
from inventaire.core.postfile import write_post

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

LIGHT = ("BOOK_SCREEN=False", "BOOK_CRIERS=False", "BOOK_COVER=False")
PHOTO_TIMES = [(9, 8), (9, 26), (9, 44), (10, 2), (10, 20)]
CAPTION = re.compile(r"^(\d+ h \d\d), (.+)$")


def make(folder: Path) -> Path:
    """Forty posts two minutes apart and five more with a large photo, at one place."""
    project.make_project(folder, count=40, step=2)
    for number, (hour, minute) in enumerate(PHOTO_TIMES):
        write_post(Post(
            id=str(325312345678950000 + number), network="twitter", author="photographe",
            author_name="Paule Photo",
            date=datetime(2013, 4, 19, hour, minute, 30, tzinfo=project.PARIS),
            text=f"Une photo de la place, la {number + 1}e.", place="place-saint-sulpice",
            status="selected", consent="granted",
            media=[Media(file="media/large.jpg", alt="Un dégradé.")]),
            folder / "content" / "posts")
    return folder


def holes_before_plates(livre: Path) -> float:
    """The room left at the foot of each page before a page that prints a plate."""
    full = pdfcheck.fullness(livre)
    return sum(1 - full[n - 2] for n in pdfcheck.plate_pages(livre) if n > 1)


def captions(livre: Path) -> list[tuple[int, str, str, float]]:
    """The floated plates' captions « 9 h 08, Paule Photo »: page, time, name, and how
    far the plate's top is from the text block's (mm)."""
    found = []
    with pdfcheck.opened(livre) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            top = pdfcheck.text_block(page)[1]
            images = sorted(i["top"] for i in page.images)
            for line in (page.extract_text() or "").splitlines():
                match = CAPTION.match(pdfcheck.norm(line))
                if match and images:
                    found.append((number, match[1], match[2], (images[0] - top) / pdfcheck.MM))
    return found


@pytest.fixture(scope="module")
def floated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = make(tmp_path_factory.mktemp("float"))
    result = project.run_step(folder, *LIGHT)
    return result.folder / "livre.pdf", result.post_pages


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make(tmp_path_factory.mktemp("kept"))
    return project.run_step(folder, *LIGHT, "BOOK_FLOAT_PLATES=False").folder / "livre.pdf"


def test_a_floated_plate_opens_the_next_page_under_its_posts_caption(
        floated: tuple[Path, dict]) -> None:
    livre, post_pages = floated
    found = captions(livre)
    assert found, "no plate floated in this layout"
    ids = {f"{h} h {m:02d}": str(325312345678950000 + n)
           for n, (h, m) in enumerate(PHOTO_TIMES)}
    for page, time, name, from_top in found:
        assert name == "Paule Photo"
        assert from_top < 1, (page, time)  # the plate opens the page
        post_page = post_pages[("twitter", ids[time])]
        assert page == post_page + 1, (time, page, post_page)  # its text ends the page before


def test_floating_fills_the_pages_before_plates(floated: tuple[Path, dict],
                                                kept: Path) -> None:
    assert not captions(kept)
    assert holes_before_plates(floated[0]) < holes_before_plates(kept) - 0.1


def post_starts(livre: Path) -> list[str]:
    """Each entry's first line (it opens with its time), in the book's order."""
    lines = [pdfcheck.norm(line) for text in pdfcheck.body_texts(livre)
             for line in text.splitlines()]
    return [line for line in lines if re.match(r"^\d+ h \d\d ", line)
            and not CAPTION.match(line)]


def test_the_text_keeps_its_order(floated: tuple[Path, dict], kept: Path) -> None:
    """Only plates move: the entries in the same order as without floating."""
    starts = post_starts(floated[0])
    assert len(starts) >= 40
    assert [s[:8] for s in starts] == [s[:8] for s in post_starts(kept)]
