"""``inventaire preflight`` (issue 14, point 9): a good build passes; each problem a
printer refuses, injected into a copy of the PDFs, is reported with its page and
makes the command exit 1."""

from __future__ import annotations

import functools
import importlib
import shutil
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import run_folder
from inventaire.book import preflight as preflight_module
from inventaire.book.edition import BookEdition
from inventaire.book.preflight import Problem, preflight
from inventaire.commands.cli import main
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

LIGHT = ("BOOK_SCREEN=False", "BOOK_CRIERS=False")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture project with its book laid out (its folder holds pelicanconf.py): the
    run's shared one, which the tests only read (a PDF to change is copied first)."""
    return project.shared_book(run_folder(tmp_path_factory), *LIGHT).folder


CHECK_PLACEMENT = preflight_module.check_placement


@pytest.fixture(autouse=True)
def fills_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preflight reads how full each page is (``read_fill``, the slowest of its
    readings) through ``pdfcheck.page_fills``, and where characters and images sit
    (``check_placement``, the next slowest) through ``pdfcheck.placement``: once for
    the same PDF bytes and margins, which several tests here check again (a changed
    PDF is read anew)."""
    monkeypatch.setattr(preflight_module, "read_fill", pdfcheck.page_fills)
    monkeypatch.setattr(preflight_module, "check_placement",
                        functools.partial(pdfcheck.placement, CHECK_PLACEMENT))


def edition_of(folder: Path, *sets: str) -> BookEdition:
    return BookEdition.from_settings(project.load_settings(folder, *sets))


def copy_edition(built: Path, target: Path) -> Path:
    shutil.copytree(built / "cache" / "book" / "edition", target)
    return target


def rewrite(path: Path, change: object) -> None:
    """Apply ``change(writer)`` to the PDF at ``path``, in place."""
    reader = pypdf.PdfReader(path)
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # pypdf would write 1.3
    change(writer)  # type: ignore[operator]
    with open(path, "wb") as handle:
        writer.write(handle)


def resources(page: pypdf.PageObject) -> Any:
    return page["/Resources"].get_object()


def errors_on(problems: list[Problem], file: str) -> list[tuple[int, str]]:
    return [(p.page, p.what) for p in problems if p.severity == "error" and p.file == file]


def test_a_good_build_passes(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = preflight(built / "cache" / "book" / "edition", edition_of(built))
    assert report.problems == []
    assert any(c.startswith("livre.pdf") for c in report.checked)
    assert any(c.startswith("couverture.pdf") for c in report.checked)
    assert main(["--project", str(built), "preflight"]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_a_page_without_its_bleed_box(built: Path, tmp_path: Path) -> None:
    folder = copy_edition(built, tmp_path / "edition")

    def drop(writer: pypdf.PdfWriter) -> None:
        del writer.pages[2][NameObject("/BleedBox")]

    rewrite(folder / "livre.pdf", drop)
    found = errors_on(preflight(folder, edition_of(built)).problems, "livre.pdf")
    assert found == [(3, "no /BleedBox")]


def test_a_font_not_embedded(built: Path, tmp_path: Path) -> None:
    """A crafted page: Helvetica named but not embedded, as some PDF tools leave it."""
    folder = copy_edition(built, tmp_path / "edition")

    def add_font(writer: pypdf.PdfWriter) -> None:
        page = writer.pages[4]
        font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                 NameObject("/Subtype"): NameObject("/Type1"),
                                 NameObject("/BaseFont"): NameObject("/Helvetica")})
        # The pages share one resource dictionary: this page gets its own copy.
        resources = DictionaryObject(page["/Resources"].get_object())  # type: ignore[call-overload]
        fonts = DictionaryObject(resources.get("/Font", DictionaryObject()).get_object())
        fonts[NameObject("/FHelv")] = font
        resources[NameObject("/Font")] = fonts
        page[NameObject("/Resources")] = resources
        stream = DecodedStreamObject()
        stream.set_data(b"BT /FHelv 10 Tf 100 100 Td (Helvetica) Tj ET")
        contents = page.get_contents()
        assert contents is not None
        stream.set_data(contents.get_data() + b"\n" + stream.get_data())
        page.replace_contents(stream)  # type: ignore[arg-type]

    rewrite(folder / "livre.pdf", add_font)
    found = errors_on(preflight(folder, edition_of(built)).problems, "livre.pdf")
    assert (5, "font Helvetica is not embedded") in found


def test_a_wrong_page_count(built: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_edition(built, tmp_path / "edition")
    pages = len(pypdf.PdfReader(folder / "livre.pdf").pages)

    def drop_last(writer: pypdf.PdfWriter) -> None:
        writer.remove_page(len(writer.pages) - 1)

    rewrite(folder / "livre.pdf", drop_last)
    problems = preflight(folder, edition_of(built)).problems
    whole = errors_on(problems, "livre.pdf")
    assert whole == [(0, f"{pages - 1} pages, not a multiple of 4 (BOOK_SIGNATURE)")]
    code = main(["--project", str(built), "preflight", "--folder", str(folder)])
    out = capsys.readouterr().out
    assert code == 1 and "livre.pdf: error: " in out and "add 1 page(s)" in out


def test_a_spine_of_another_paper(built: Path) -> None:
    """The cover laid out for 0.06 mm a page, checked against 0.1 mm: its spine is
    too narrow for the interior it wraps."""
    folder = built / "cache" / "book" / "edition"
    pages = len(pypdf.PdfReader(folder / "livre.pdf").pages)
    found = errors_on(preflight(folder, edition_of(built, "BOOK_PAPER_THICKNESS_MM=0.1"))
                      .problems, "couverture.pdf")
    assert found == [(1, f"spine {pages * 0.06:.1f} mm wide, but {pages} pages × 0.1 mm "
                         f"(BOOK_PAPER_THICKNESS_MM) make {pages * 0.1:.1f} mm")]


# One book with two flaws, each in a file of its own: plates resampled to 150 ppi (in
# livre.pdf) and the title forced onto a spine too narrow for it (in couverture.pdf).
FLAWED = (*LIGHT, "BOOK_PLATE_PPI=150", "BOOK_SPINE_TEXT_MIN_MM=0")


@pytest.fixture(scope="module")
def flawed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project.shared_book(run_folder(tmp_path_factory), *FLAWED).folder


def test_a_photo_under_300_ppi(flawed: Path) -> None:
    """Plates resampled to 150 ppi: an error on the plate's page, named in ppi."""
    folder = flawed
    edition = folder / "cache" / "book" / "edition"
    found = errors_on(preflight(edition, edition_of(folder)).problems, "livre.pdf")
    lows = [(page, what) for page, what in found if "ppi" in what]
    assert lows and all("at 150 ppi" in what or "at 149 ppi" in what for _p, what in lows)
    pdf = pypdf.PdfReader(edition / "livre.pdf")
    with_images = {n for n, page in enumerate(pdf.pages, start=1)
                   if any(x.get_object().get("/Subtype") == "/Image"
                          for x in (resources(page).get("/XObject") or {}).values())}
    assert {page for page, _w in lows} <= with_images


def test_text_past_the_trim(built: Path, tmp_path: Path) -> None:
    """A line moved into the margin: the characters outside the safe zone, page 5."""
    folder = copy_edition(built, tmp_path / "edition")

    def shift(writer: pypdf.PdfWriter) -> None:
        page = writer.pages[4]
        contents = page.get_contents()
        assert contents is not None
        stream = DecodedStreamObject()
        stream.set_data(b"q 1 0 0 1 -60 0 cm\n" + contents.get_data() + b"\nQ")
        page.replace_contents(stream)  # type: ignore[arg-type]

    rewrite(folder / "livre.pdf", shift)
    found = errors_on(preflight(folder, edition_of(built)).problems, "livre.pdf")
    assert [page for page, what in found if "characters" in what] == [5]


def test_rgb_in_the_gray_edition(built: Path, tmp_path: Path) -> None:
    """The colour edition checked as if it were the gray one: its RGB is reported."""
    folder = copy_edition(built, tmp_path / "edition")
    found = errors_on(preflight(folder, edition_of(built, "BOOK_COLOR='gray'")).problems,
                      "livre.pdf")
    assert any("RGB" in what and "gray edition" in what for _p, what in found)


def test_spine_text_too_close_to_the_folds(flawed: Path,
                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    """A title forced onto a 1.4 mm spine (BOOK_SPINE_TEXT_MIN_MM = 0) is refused; on
    a spine of thick paper it passes."""
    narrow = flawed / "cache" / "book" / "edition"
    found = errors_on(preflight(narrow, edition_of(flawed, "BOOK_SPINE_TEXT_MIN_MM=0")).problems,
                      "couverture.pdf")
    assert len(found) == 1 and found[0][0] == 1 and "from a fold" in found[0][1]
    thick = project.shared_book(run_folder(tmp_path_factory), *LIGHT,
                                "BOOK_PAPER_THICKNESS_MM=0.5")  # the cover's test's too
    report = preflight(thick.edition, edition_of(thick.folder, "BOOK_PAPER_THICKNESS_MM=0.5"))
    assert report.errors == []
