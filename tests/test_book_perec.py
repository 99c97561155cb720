"""Perec's form (issue 14): sittings by place with their heads, the apparatus receding,
the day's own hashtags printed once.

Read back from the sample day's book (the session's build) and from small books.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")


@pytest.fixture(scope="module")
def texts(sample_build: Path) -> list[str]:
    return [pdfcheck.norm(t) for t in pdfcheck.page_texts(sample_build / "livre" / "livre.pdf")]


def body(texts: list[str]) -> list[str]:
    """The chapters' pages: after the contents, before the first index."""
    toc = next(i for i, t in enumerate(texts) if t.startswith("Sommaire"))
    index = next(i for i, t in enumerate(texts) if t.startswith("Index des"))
    return texts[toc + 1:index]


def test_sittings_name_their_place_not_the_city(texts: list[str]) -> None:
    whole = " ".join(body(texts))
    assert "Lieu : Paris " not in whole
    assert "Lieu : Place des Vosges" in whole and "Lieu : Place Saint-Sulpice" in whole
    assert whole.count("Temps :") == whole.count("Date :")  # weather once an hour


def test_no_lead_line_and_no_day_hashtag_ending_an_entry(texts: list[str],
                                                         sample_build: Path) -> None:
    whole = " ".join(body(texts))
    assert not re.search(r"\d+ h \d+ · @", whole)  # the old grey « 7 h 13 · @handle »
    raw = body(pdfcheck.page_texts(sample_build / "livre" / "livre.pdf"))
    ends = [line for t in raw for line in t.splitlines() if line.rstrip().endswith("#jdtap")]
    assert not ends, ends[:3]
    assert "Louis Jacob" in whole  # the author signs after the text


def test_day_hashtags_printed_once_and_the_rule_stated(texts: list[str]) -> None:
    title = next(t for t in texts if t.startswith("Un jour de tweets à Paris Tentative"))
    assert "#jdtap" in title
    colophon = next(t for t in texts if t.startswith("Colophon"))
    assert "mots-dièse de la journée (#jdtap)" in colophon


@pytest.mark.parametrize("keep", [False, True])
def test_a_setting_keeps_the_day_hashtags(tmp_path: Path, keep: bool) -> None:
    # Twelve posts, four of them with #jdtap: enough to tell kept from dropped.
    edition = project.build_book(tmp_path, "INVENTAIRE_HASHTAGS=['jdtap']",
                                 f"BOOK_KEEP_DAY_HASHTAGS={keep}", "BOOK_SCREEN=False",
                                 "BOOK_COVER=False", "BOOK_CRIERS=False", count=12)
    raw = pdfcheck.page_texts(edition / "livre.pdf")
    ends = [line for t in raw for line in t.splitlines() if "#jdtap" in line]
    colophon = pdfcheck.norm(next(t for t in raw if t.lstrip().startswith("Colophon")))
    if keep:
        assert len(ends) > 3
        assert "mots-dièse de la journée compris" in colophon
    else:
        assert len(ends) == 2  # the title page and the colophon
        assert "omis" in colophon
