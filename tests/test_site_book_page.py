"""The book's page, ``/livre/`` (issue 16, item 4): the cover and two spreads as
pictures made from the PDFs where the book is made (``book/previews.py``), each
edition with its description, pages, format and size, the criers' sheets linked.
Read from the sample day's publish build; the choice of spreads and the failure of
the renderer from the book step's own files."""

from __future__ import annotations

import json
import logging
import re
from html import unescape
from pathlib import Path

import pytest
from inventaire.book import previews
from inventaire.book.pages import read_manifest
from PIL import Image

pytestmark = pytest.mark.slow


def book_page(build: Path) -> str:
    return (build / "livre" / "index.html").read_text(encoding="utf-8")


def edition(build: Path) -> Path:
    """The sample build's edition folder (its cache is beside its output)."""
    return build.parent / "cache" / "book" / "edition"


def test_the_cover_and_two_spreads_are_shown_from_files_the_build_published(
        sample_build: Path) -> None:
    page = book_page(sample_build)
    cover = re.search(r'<figure class="book-cover">(.*?)</figure>', page, re.S)
    assert cover, "no cover on /livre/"
    spreads = re.findall(r'<figure class="book-spread">(.*?)</figure>', page, re.S)
    assert len(spreads) == 2
    for figure in [cover.group(1), *spreads]:
        img = re.search(r'<img src="([^"]+)" srcset="([^"]+)"[^>]*width="(\d+)" '
                        r'height="(\d+)" alt="([^"]*)"', figure)
        assert img, figure
        assert img.group(5), "a picture of the book without alt text"
        webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', figure)
        assert webp
        for srcset in (img.group(2), webp.group(1)):
            for item in srcset.split(", "):
                url, width = item.split(" ")
                file = (sample_build / "livre" / url).resolve()
                assert file.is_file(), url
                with Image.open(file) as image:
                    assert image.width == int(width.removesuffix("w")), url
    assert "Un jour de tweets" in unescape(cover.group(1)), "the cover's alt has its words"
    for figure in spreads:  # each spread opens at its largest, to be read on a phone
        zoom = re.search(r'<a class="book-spread-zoom" href="([^"]+)">', figure)
        assert zoom and zoom.group(1).endswith("-1400.jpg"), figure[:200]
        assert (sample_build / "livre" / zoom.group(1)).resolve().is_file()


def test_the_spreads_are_the_days_opening_and_a_photograph(sample_build: Path) -> None:
    manifest = read_manifest(edition(sample_build))
    assert manifest is not None
    index = json.loads((edition(sample_build) / previews.INDEX).read_text("utf-8"))
    first_page = min(manifest.post_pages.values())
    opening, other = index["spreads"]
    assert first_page in opening["pages"] and opening["pages"][0] % 2 == 0
    import pypdfium2

    book = pypdfium2.PdfDocument(edition(sample_build) / "livre.pdf")
    try:
        assert any(previews.image_area(book[n - 1]) > 0 for n in other["pages"])
    finally:
        book.close()
    # The screen edition opens where the spread's first post is.
    shown = {k: v for k, v in manifest.post_pages.items() if v in other["pages"]}
    first = min(shown, key=lambda k: (shown[k], manifest.screen_pages.get(k, 0)))
    assert other["screen_page"] == manifest.screen_pages[first]
    page = book_page(sample_build)
    assert f'livre-ecran.pdf#page={other["screen_page"]}"' in page


def test_each_edition_says_what_it_is_its_pages_format_and_size(sample_build: Path) -> None:
    page = unescape(book_page(sample_build)).replace("\u00a0", " ").replace("\u202f", " ")
    facts = re.findall(r'<p class="edition-facts">(.*?)</p>', page)
    assert len(facts) == 3
    printed, screen, cover = facts
    assert re.fullmatch(r"PDF, \d+ pages, 148 × 210 mm, [\d,]+ ?[kM]o", printed), printed
    assert "148 × 210 mm" in screen and "1 page, " in cover
    assert "3 mm de fond perdu" in page and "imprimeur" in page


def test_the_criers_sheets_are_linked_by_their_places_names(sample_build: Path) -> None:
    page = book_page(sample_build)
    sheets = re.findall(r'<li><a href="\.\./(livre/crieurs/[^"]+\.pdf)" download>([^<]+)</a>',
                        page)
    on_disk = sorted(p.name for p in (sample_build / "livre" / "crieurs").glob("*.pdf"))
    assert sorted(Path(url).name for url, _name in sheets) == on_disk and on_disk
    assert all(name.startswith("Place ") for _url, name in sheets)


def test_spreads_of_a_printed_book_face_each_other() -> None:
    assert previews.spread_of(1) == (0, 1)
    assert previews.spread_of(8) == (8, 9) == previews.spread_of(9)


def test_a_pdf_the_renderer_refuses_leaves_the_book_without_pictures(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        made = previews.make_previews({"livre.pdf": b"%PDF-1.7 not a pdf"}, {}, {})
    assert made == {}
    assert "could not be made" in caplog.text
    assert previews.make_previews({}, {}, {}) == {}
