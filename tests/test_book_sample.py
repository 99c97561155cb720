"""The sample day's book, read back from the PDFs (issue 5's acceptance list).

The book step (:func:`inventaire.book.step.build_book`) lays the sample day out once
for the module, with the publish settings (BOOK_COLOR rgb by default) and relative
site links, into a temporary cache.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from conftest import require_tool
from inventaire.core.settings import DEFAULTS

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")

MM = 72 / 25.4
TRIM = (148 * MM, 210 * MM)
BLEED = 3 * MM
TOLERANCE = 0.5


ROOT = Path(__file__).resolve().parents[1]
project = importlib.import_module("project")


@pytest.fixture(scope="module")
def edition(sample_build: Path) -> Path:
    """The sample day's book, as the session's publish build laid it out (the same
    settings: publishconf.py, relative links); the build published its files."""
    folder = sample_build.parent / "cache" / "book" / "edition"
    assert (folder / "pages.json").is_file(), "the sample build laid out no book"
    for name in ("livre.pdf", "livre-ecran.pdf", "couverture.pdf"):
        assert (sample_build / "livre" / name).read_bytes() == (folder / name).read_bytes()
    return folder


@pytest.fixture(scope="module")
def livre(edition: Path) -> Path:
    return edition / "livre.pdf"


@pytest.fixture(scope="module")
def texts(livre: Path) -> list[str]:
    return pdfcheck.page_texts(livre)


def test_every_page_has_trim_and_bleed_boxes(livre: Path) -> None:
    for number, sizes in enumerate(pdfcheck.boxes(livre), start=1):
        assert "/TrimBox" in sizes and "/BleedBox" in sizes, f"page {number}"
        trim, media, bleed = sizes["/TrimBox"], sizes["/MediaBox"], sizes["/BleedBox"]
        assert abs(trim[0] - TRIM[0]) < TOLERANCE and abs(trim[1] - TRIM[1]) < TOLERANCE
        for side in (0, 1):
            assert abs(media[side] - trim[side] - 2 * BLEED) < TOLERANCE, f"page {number}"
            assert abs(bleed[side] - media[side]) < TOLERANCE, f"page {number}"


def test_page_count_is_a_multiple_of_four(livre: Path) -> None:
    count = len(pypdf.PdfReader(livre).pages)
    assert count % 4 == 0
    assert 8 <= count <= 828


def test_fonts_are_embedded(livre: Path) -> None:
    fonts = pdfcheck.embedded_fonts(livre)
    assert fonts, "no font at all"
    assert all(embedded for _name, embedded in fonts), fonts
    assert any("Garamond" in name for name, _ in fonts)
    # Subset fonts carry a six-letter tag: ABCDEF+Name.
    assert all("+" in name for name, _ in fonts), fonts


def test_pdffonts_agrees(livre: Path) -> None:
    pdffonts = require_tool("pdffonts")
    out = subprocess.run([pdffonts, str(livre)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out
    for line in out:
        emb, sub = line.split()[-5], line.split()[-4]
        assert (emb, sub) == ("yes", "yes"), line


def test_no_replacement_character_and_no_missing_emoji(texts: list[str]) -> None:
    whole = "\n".join(texts)
    assert "\ufffd" not in whole
    assert "[émoji" not in whole


def test_contents_point_to_the_pages_where_entries_start(texts: list[str],
                                                        livre: Path) -> None:
    """Each entry's title is a line of its page's text block (hours run on: an hour
    may open below the top of its page; the running head does not count)."""
    entries = pdfcheck.toc_entries(texts)
    assert len(entries) >= 5
    body = pdfcheck.body_texts(livre)
    for entry in entries:
        lines = [pdfcheck.norm(line) for line in body[entry.pages[0] - 1].splitlines()]
        assert entry.label in lines, (entry, lines[:3])


@pytest.fixture(scope="module")
def columns(livre: Path) -> list[str]:
    """The pages read column by column (the indexes are set in two)."""
    return pdfcheck.column_texts(livre)


@pytest.mark.parametrize("title", ["Index des contributeurs", "Index des mots-dièse"])
def test_index_pages_hold_their_entries(texts: list[str], columns: list[str],
                                        title: str) -> None:
    entries = pdfcheck.index_entries(columns, title)
    assert len(entries) >= 5
    for entry in entries:
        for page in entry.pages:
            label = pdfcheck.printed_label(entry.label)
            assert label.casefold() in pdfcheck.norm(texts[page - 1]).casefold(), \
                (entry.label, page)


def test_hashtag_index_leaves_out_the_days_own(columns: list[str]) -> None:
    labels = [e.label for e in pdfcheck.index_entries(columns, "Index des mots-dièse")]
    assert all(label.startswith("#") for label in labels)
    assert "#jdtap" not in {label.casefold() for label in labels}


def test_places_index_gives_each_sitting_its_hour_and_pages(texts: list[str],
                                                             columns: list[str]) -> None:
    """« Place des Vosges » then « 7 h, 9 ; 10 h, 15–16 »: the sitting's head (with
    the place's name) on its first page, its posts (their times in that hour) on
    every page of the range."""
    places = pdfcheck.place_entries(columns)
    assert len(places) >= 4
    for place in places:
        assert len(place.sittings) >= 2, place
        for sitting in place.sittings:
            first = pdfcheck.norm(texts[sitting.first - 1])
            assert f"Lieu : {place.label}".casefold() in first.casefold(), (place, sitting)
            assert sitting.first <= sitting.last
            for page in range(sitting.first, sitting.last + 1):
                assert f"{sitting.hour} h" in pdfcheck.norm(texts[page - 1]), (place, sitting)


def test_every_contributor_is_in_the_index_and_the_colophon(texts: list[str],
                                                            columns: list[str]) -> None:
    entries = pdfcheck.index_entries(columns, "Index des contributeurs")
    colophon = pdfcheck.norm(next(t for t in texts if t.lstrip().startswith("Colophon")))
    for entry in entries:
        assert entry.label in colophon or entry.label.split()[0] in colophon


def test_photos_print_at_300_ppi_or_more(livre: Path) -> None:
    seen = 0
    with pdfcheck.opened(livre) as pdf:
        for page in pdf.pages:
            for image in page.images:
                seen += 1
                ppi_x = image["srcsize"][0] * 72 / image["width"]
                ppi_y = image["srcsize"][1] * 72 / image["height"]
                assert min(ppi_x, ppi_y) >= 299.5, (page.page_number, image["srcsize"])
    assert seen, "the sample day has photos: none was found in the book"


def test_screen_edition_has_no_bleed_and_links(edition: Path) -> None:
    screen = edition / "livre-ecran.pdf"
    reader = pypdf.PdfReader(screen)
    first = reader.pages[0]
    width = float(first.mediabox.width)
    assert abs(width - TRIM[0]) < TOLERANCE
    assert reader.outline, "no bookmarks"
    links = sum(1 for page in reader.pages for a in page.get("/Annots") or []
                if a.get_object().get("/Subtype") == "/Link")
    assert links > 20
    assert reader.metadata and reader.metadata.title


def test_print_edition_has_no_links_or_bookmarks(livre: Path) -> None:
    reader = pypdf.PdfReader(livre)
    assert not reader.outline
    assert not any(page.get("/Annots") for page in reader.pages)


def test_cover_width_is_two_trims_plus_spine_plus_bleed(edition: Path, livre: Path) -> None:
    pages = len(pypdf.PdfReader(livre).pages)
    cover = pypdf.PdfReader(edition / "couverture.pdf").pages[0]
    spine = pages * DEFAULTS["BOOK_PAPER_THICKNESS_MM"] * MM
    width = float(cover.mediabox.width)
    assert abs(width - (2 * TRIM[0] + spine + 2 * BLEED)) < TOLERANCE
    assert abs(float(cover.mediabox.height) - (TRIM[1] + 2 * BLEED)) < TOLERANCE


def test_criers_sheets_exist_for_places_with_declaimed_posts(edition: Path) -> None:
    sheets = sorted((edition / "crieurs").glob("*.pdf"))
    assert sheets
    for sheet in sheets:
        page = pypdf.PdfReader(sheet).pages[0]
        assert abs(float(page.mediabox.width) - 148 * MM) < TOLERANCE  # A5
