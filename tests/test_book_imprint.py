"""Front and back matter of an edition (issue 14): the imprint from the settings, the
ISBN checked, lines left out when a setting is empty, the reader's notes at the end."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pypdf
import pytest
from conftest import run_folder
from inventaire.book.edition import BookEdition, BookSettingError
from inventaire.book.imprint import check_isbn, isbn13_check_digit

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

IMPRINT = ("BOOK_ISBN='978-0-306-40615-7'", "BOOK_DEPOT_LEGAL='avril 2013'",
           "BOOK_PRINTER='Imprimerie Floch, Mayenne'", "BOOK_PAPER='Munken Print 90 g'",
           "BOOK_PRINT_RUN=500")
LIGHT = ("BOOK_SCREEN=False", "BOOK_COVER=False", "BOOK_CRIERS=False")


def test_isbn_check_digit() -> None:
    assert isbn13_check_digit("978030640615") == 7
    assert check_isbn(" 978-0-306-40615-7 ") == "978-0-306-40615-7"
    assert check_isbn("9782070368228") == "9782070368228"


@pytest.mark.parametrize(("value", "fix"), [("978-0-306-40615-3", "should be 7"),
                                            ("2-07-036822-X", "13 digits")])
def test_wrong_isbn_names_the_setting_and_the_fix(value: str, fix: str) -> None:
    with pytest.raises(BookSettingError) as error:
        BookEdition.from_settings({"BOOK_ISBN": value})
    assert "BOOK_ISBN" in str(error.value) and fix in str(error.value)


def test_wrong_print_run_names_the_setting() -> None:
    with pytest.raises(BookSettingError, match="BOOK_PRINT_RUN"):
        BookEdition.from_settings({"BOOK_PRINT_RUN": "cinq cents"})


@pytest.fixture(scope="module")
def imprinted(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    edition = project.build_book(tmp_path_factory.mktemp("imprint"), *IMPRINT, *LIGHT)
    return [pdfcheck.norm(t) for t in pdfcheck.page_texts(edition / "livre.pdf")]


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interior without any imprint setting: the run's shared book (the cover,
    which the preflight's and cover's tests read, is laid out apart from it)."""
    return project.shared_book(run_folder(tmp_path_factory), "BOOK_SCREEN=False",
                               "BOOK_CRIERS=False").edition / "livre.pdf"


def test_one_imprint_page_with_every_line(imprinted: list[str]) -> None:
    pages = [t for t in imprinted if "ISBN" in t]
    assert len(pages) == 1
    page = pages[0]
    for line in ("© Ville de Paris, 2013", "ISBN 978-0-306-40615-7", "Dépôt légal : avril 2013",
                 "Impression : Imprimerie Floch, Mayenne", "Papier : Munken Print 90 g",
                 "Il a été tiré de cet ouvrage 500 exemplaires numérotés de 1 à 500",
                 "Exemplaire no"):
        assert line in page, (line, page)
    colophon = next(t for t in imprinted if t.startswith("Colophon"))
    assert "Achevé d’imprimer sur les presses de Imprimerie Floch" in colophon


def test_empty_settings_leave_their_lines_out(bare: Path) -> None:
    whole = " ".join(pdfcheck.norm(t) for t in pdfcheck.page_texts(bare))
    for absent in ("ISBN", "Dépôt légal", "Impression", "Papier :", "exemplaires",
                   "sur les presses"):
        assert absent not in whole
    assert "© Ville de Paris" in whole


def test_colophon_says_who_did_what_once(bare: Path) -> None:
    texts = [pdfcheck.norm(t) for t in pdfcheck.page_texts(bare)]
    whole = " ".join(texts)
    assert whole.count("Choix et édition") + whole.count("Sélection") <= 1
    colophon = next(t for t in texts if t.startswith("Colophon"))
    assert colophon.count("Garamond") <= 1


def test_the_book_ends_on_the_readers_notes_not_blank_pages(bare: Path) -> None:
    texts = [pdfcheck.norm(t) for t in pdfcheck.page_texts(bare)]
    assert len(pypdf.PdfReader(bare).pages) % 4 == 0
    colophon = max(i for i, t in enumerate(texts) if t.startswith("Colophon"))
    after = texts[colophon + 1:]
    assert after, "this small book needs padding: the test checks the notes pages"
    for text in after:
        assert text.startswith("Notes du lecteur") and "Date :" in text and "Temps :" in text
