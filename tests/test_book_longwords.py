"""Very long words and addresses (issue 18, finding 12, book side): a post with a
5,000-character word and a 3,000-character address is laid out (the word is not
hyphenated, which took WeasyPrint minutes, but broken anywhere), every character
stays inside the trim, and the text is printed verbatim, no hyphen added."""

from __future__ import annotations

import importlib
import re
import sys
from datetime import datetime
from pathlib import Path

import pdfplumber
import pytest
from inventaire.book.edition import BookEdition
from inventaire.book.posttext import mark_long_words
from inventaire.book.preflight import preflight
from inventaire.core.model import Declaimed, Post
from inventaire.core.postfile import write_post

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")

WORD = ("anticonstitutionnellement" * 200)[:5000]
URL = "https://exemple.fr/?q=" + ("abcdefghij" * 300)[:2978]


def test_mark_long_words_keeps_every_character() -> None:
    html = ('Un <span class="hashtag">#' + "x" * 60 + "</span> mot " + "y" * 41
            + ' et <span class="url">' + "z" * 50 + "</span> court")
    marked = mark_long_words(html, 40)
    assert re.sub(r"<[^>]*>", "", marked) == re.sub(r"<[^>]*>", "", html)
    assert marked.count('class="long-word"') == 1  # the plain word; the tag and URL as they were
    assert '<span class="long-word">' + "y" * 41 + "</span>" in marked
    assert mark_long_words(html, 0) == html


# The interior and the criers' sheets, where the posts' words are printed (the
# cover and the screen edition print none of them).
PRINT = ("BOOK_SCREEN=False", "BOOK_COVER=False")


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    project.make_project(folder, count=6)
    post = Post(id="325312345678999999", network="twitter", author="longue",
                date=datetime(2013, 4, 19, 10, 1, tzinfo=project.PARIS),
                text=f"Un mot : {WORD} et une adresse {URL} fin.",
                place="place-saint-sulpice", status="selected", consent="granted",
                declaimed=Declaimed(place="place-saint-sulpice", time="11:00"))
    write_post(post, folder / "content" / "posts")
    project.run_step(folder, *PRINT)
    return folder


def test_long_words_stay_inside_the_trim(long_book: Path) -> None:
    edition = long_book / "cache" / "book" / "edition"
    files = [edition / "livre.pdf", *sorted((edition / "crieurs").glob("*.pdf"))]
    for path in files:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                left, top, right, bottom = getattr(page, "trimbox", page.bbox)
                outside = [c["text"] for c in page.chars
                           if c["x0"] < left - 0.5 or c["x1"] > right + 0.5
                           or c["top"] < top - 0.5 or c["bottom"] > bottom + 0.5]
                assert not outside, f"{path.name} p. {number}: {''.join(outside)[:40]}"
    settings = project.load_settings(long_book, *PRINT)
    report = preflight(edition, BookEdition.from_settings(settings))
    assert report.errors == []


def test_long_words_print_verbatim(long_book: Path) -> None:
    edition = long_book / "cache" / "book" / "edition"
    for path in [edition / "livre.pdf", edition / "crieurs" / "place-saint-sulpice.pdf"]:
        with pdfplumber.open(path) as pdf:
            pages = ["".join((p.extract_text() or "").split()) for p in pdf.pages]
        # The pages joined without their running heads (the title, an hour) and
        # folios (the sheets': « place Saint-Sulpice · 2 / 12 »): the word and the
        # address whole, no hyphen at their breaks.
        text = "".join(re.sub(r"^(?:UnjourdetweetsàParis|\d+h(?!\d))|"
                              r"(?:placeSaint-Sulpice·\d+/)?\d+$", "", page)
                       for page in pages)
        assert WORD in text, path.name
        assert URL in text, path.name
