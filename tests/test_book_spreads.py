"""Spreads (issue 14, point 3): facing pages end on the same line where the content
allows (a baseline grid, then the short page of a spread given white between its
entries, book/balance.py), and a plate is always on the spread of its post's text
(a plate floats only from a verso to the facing recto, book/plateflow.py).

Read back from the sample day's PDFs: the print interior's last lines (pdfplumber,
book/pagefill.py), and the screen edition's named destinations (a post's end, its
plate) with the print folio each of their pages carries.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pypdf
import pytest
from inventaire.book import preflight as preflight_module
from inventaire.book.balance import PageEnd, stretch
from inventaire.book.chapters import BookPost
from inventaire.book.edition import BookEdition
from inventaire.book.pagefill import PageFill, Spread, chapter_pages, spreads
from inventaire.book.plateflow import PX_PER_MM, Box, float_in
from inventaire.book.preflight import preflight

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")

LINE = 4.889 * PX_PER_MM  # the body's line at 10.5 pt, in CSS px


def edition_folder(sample_build: Path) -> Path:
    return sample_build.parent / "cache" / "book" / "edition"


def folio_of_pages(screen: Path) -> list[int | None]:
    """Each screen page's print folio (its last line), None where it has none."""
    folios: list[int | None] = []
    for text in pdfcheck.page_texts(screen):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        folios.append(int(lines[-1]) if lines and lines[-1].isdigit() else None)
    return folios


def spread_of(page: int) -> int:
    """Pages 2 and 3 face each other (spread 1), 4 and 5 (spread 2)…"""
    return page // 2


def test_every_plate_is_on_the_spread_of_its_posts_text(sample_build: Path) -> None:
    screen = sample_build / "livre" / "livre-ecran.pdf"
    reader = pypdf.PdfReader(screen)
    folios = folio_of_pages(screen)
    dests = reader.named_destinations
    plates = [name for name in dests if name.endswith("-planche")]
    assert len(plates) >= 10  # the sample day's photos
    for plate in plates:
        end = plate.removesuffix("-planche") + "-fin"  # the post's last line
        plate_page = folios[reader.get_destination_page_number(dests[plate])]
        end_page = folios[reader.get_destination_page_number(dests[end])]
        assert plate_page is not None and end_page is not None, plate
        assert spread_of(plate_page) == spread_of(end_page), (plate, end_page, plate_page)
        assert plate_page >= end_page, plate


def test_facing_pages_of_the_sample_day_end_on_the_same_line(sample_build: Path) -> None:
    """Two thirds of the spreads at least: the others end an hour (the next one starts
    a page when less than a third is left) or have a plate and too few gaps to take
    the difference. Without balancing none did (0 of 21); with it 15 of 21."""
    folder = edition_folder(sample_build)
    chapters = chapter_pages(folder)
    assert chapters is not None
    edition = BookEdition.from_settings({})
    found = spreads(pdfcheck.page_fills(folder / "livre.pdf", edition.margins), *chapters)
    balanced = [s for s in found if s.balanced]
    assert len(found) >= 15
    assert 3 * len(balanced) >= 2 * len(found), (len(balanced), len(found))


def test_preflight_prints_each_pages_fill_and_the_spreads(
        sample_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preflight reads the page fills through ``pdfcheck.page_fills``: the fills
    of the same PDF the test before read are not read again."""
    monkeypatch.setattr(preflight_module, "read_fill", pdfcheck.page_fills)
    folder = edition_folder(sample_build)
    report = preflight(folder, BookEdition.from_settings({}))
    pages = len(pypdf.PdfReader(folder / "livre.pdf").pages)
    listed = " ".join(report.notes)
    for number in range(1, pages + 1):
        assert f" {number} " in f" {listed} ".replace("  ", " "), number
    assert any("spreads end on the same line" in note for note in report.notes)
    assert not [p for p in report.problems if "full" in p.what]


def test_preflight_flags_a_page_under_the_threshold() -> None:
    from inventaire.book.pagefill import underfull

    fills = [PageFill(n, share, 10.0) for n, share in
             enumerate([0.9, 0.9, 0.2, 0.9, 0.1], start=1)]
    fills += [PageFill(6, 0.9, 40.0, plate_first=True),  # so page 5 is excused
              PageFill(7, 0.0, None),  # blank: the layout needs it
              PageFill(8, 0.3, 10.0)]  # the day's last page
    assert [f.number for f in underfull(fills, 1, 8, least=0.35)] == [3]


def post(anchor: str, plates: int = 0) -> BookPost:
    return BookPost(anchor, None, None, "", "", "", "",  # type: ignore[arg-type]
                    plates=[object()] * plates)  # type: ignore[list-item]


@pytest.mark.parametrize(("start", "moves"), [(2, True), (1, False)])
def test_a_plate_floats_only_from_a_verso(start: int, moves: bool) -> None:
    """The first body page is the book's page ``start``: the hole is on it, the post
    went over with its plate to the next page; it floats only when that next page
    faces the hole's page."""
    before, photo = post("a"), post("b", plates=1)
    where = {"a": Box(0, 100, 300), "b": Box(1, 60, 400), "b-planche": Box(1, 100, 400)}
    assert float_in([before, photo], where, foot=700, least=50, gap=18, start=start) == moves
    assert photo.floated == moves


def test_stretch_gives_whole_lines_under_a_sittings_last_post_first() -> None:
    posts = [post(name) for name in "abcd"]
    page = PageEnd(end=400, gaps=posts[:3], sitting_ends={"b"})
    assert stretch(page, 2 * LINE, LINE)
    given = [p.stretch_mm * PX_PER_MM for p in posts]
    assert given[1] == pytest.approx(LINE)  # a whole line under the sitting's end
    assert given[0] == pytest.approx(LINE / 2) and given[2] == pytest.approx(LINE / 2)
    assert given[3] == 0


def test_stretch_refuses_more_than_the_page_allows() -> None:
    few = PageEnd(end=400, gaps=[post("a"), post("b")])
    assert not stretch(few, 3 * LINE, LINE)  # more than a line per gap
    many = PageEnd(end=400, gaps=[post(str(n)) for n in range(9)])
    assert not stretch(many, 6 * LINE, LINE)  # more than five lines on a page
    assert not stretch(PageEnd(end=400), LINE, LINE)  # no gap
    assert all(p.stretch_mm == 0 for p in few.gaps + many.gaps)


def test_a_spread_is_balanced_on_the_same_baseline() -> None:
    assert Spread(PageFill(2, 0.9, 473.4), PageFill(3, 0.9, 472.9)).balanced
    assert not Spread(PageFill(2, 0.9, 473.4), PageFill(3, 0.9, 459.5)).balanced


class FakePage:
    def __init__(self, anchors: dict[str, tuple[float, float, float, float]]) -> None:
        self.anchors = anchors


def test_page_ends_read_from_the_anchors() -> None:
    """A post going on to the next page fills its page; a post's box on the page
    where it ends gives the page's end; gaps are the posts with an entry below them,
    and those above an hour's title are known."""
    from inventaire.book.balance import page_ends
    from inventaire.book.chapters import BookContent, Chapter, Sitting

    a, b, c, d = (post(name) for name in "abcd")
    content = BookContent(chapters=[
        Chapter("ch-07", "7 h", "", [Sitting("s1", "", "", "", "", [a, b])]),
        Chapter("ch-08", "8 h", "", [Sitting("s2", "", "", "", "", [c, d])])],
        posts=[a, b, c, d], contributors=[], places=[])
    document = type("Document", (), {"pages": [
        FakePage({"a": (0, 60, 400, 100), "b": (0, 120, 400, 200), "ch-08": (0, 260, 400, 290),
                  "c": (0, 300, 400, 700)}),  # c goes on to the next page
        FakePage({"c": (0, 60, 400, 90), "d": (0, 110, 400, 180)})]})()
    first, second = page_ends(document, content)
    assert first.full and [p.anchor for p in first.gaps] == ["a", "b"]
    assert first.sitting_ends == {"b"} and first.above_hour == {"a", "b"}
    assert first.below_hour().gaps == []
    assert not second.full and second.end == 180 and [p.anchor for p in second.gaps] == ["c"]
