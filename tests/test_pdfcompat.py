"""The library internals of ``inventaire.book.pdfcompat`` still behave as the book needs.

Each test fails if pypdf or WeasyPrint changes what the book relies on there (see
the module's docstring for the versions checked): a new indirect object in a pypdf
writer, and a WeasyPrint page's side, blankness and move to the other side.
"""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest
from inventaire.book import pdfcompat
from pypdf.generic import ArrayObject, DecodedStreamObject, IndirectObject, NameObject

# ------------------------------------------------------------------------- pypdf


def test_add_indirect_makes_a_new_stream_an_indirect_object() -> None:
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(100, 100)
    stream = DecodedStreamObject()
    stream.set_data(b"q 0 0 10 10 re f Q\n")
    ref = pdfcompat.add_indirect(writer, stream)
    assert isinstance(ref, IndirectObject)
    assert writer.get_object(ref) is stream
    again = pdfcompat.add_indirect(writer, stream)
    assert again.idnum == ref.idnum  # added once
    page[NameObject("/Contents")] = ArrayObject([ref])
    out = io.BytesIO()
    writer.write(out)
    read = pypdf.PdfReader(io.BytesIO(out.getvalue())).pages[0]
    contents = read.raw_get("/Contents")
    assert isinstance(contents, ArrayObject)
    assert isinstance(contents[0], IndirectObject)
    stream_read: Any = contents[0].get_object()
    assert stream_read.get_data() == b"q 0 0 10 10 re f Q\n"


def test_add_indirect_keeps_the_reference_of_a_cloned_stream() -> None:
    source = pypdf.PdfWriter()
    page = source.add_blank_page(100, 100)
    stream = DecodedStreamObject()
    stream.set_data(b"0 0 5 5 re f\n")
    page[NameObject("/Contents")] = pdfcompat.add_indirect(source, stream)
    data = io.BytesIO()
    source.write(data)
    reader = pypdf.PdfReader(io.BytesIO(data.getvalue()))

    writer = pypdf.PdfWriter()
    content: Any = reader.pages[0]["/Contents"].get_object()
    clone = content.clone(writer)
    assert clone.indirect_reference is not None
    ref = pdfcompat.add_indirect(writer, clone)
    assert ref.idnum == clone.indirect_reference.idnum  # not added a second time
    assert writer.get_object(ref) is clone


# -------------------------------------------------------------------- WeasyPrint

# A recto has a 5 mm inner (left) margin and a 20 mm outer one; both running heads.
HTML = """<!DOCTYPE html><html lang="fr"><head><style>
@page { size: 100mm 100mm; margin: 10mm 20mm 10mm 5mm; }
@page :right { @top-left { content: "VERSOHEAD"; } @top-right { content: "RECTOHEAD"; } }
@page :left { margin: 10mm 5mm 10mm 20mm; }
h1 { break-before: right; }
</style></head><body>
<p id="here">Premier.</p>
<h1>Second</h1>
</body></html>"""


@pytest.fixture(scope="module")
def document() -> object:
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(string=HTML).render()


def test_side_and_blank_pages(document: object) -> None:
    pages = document.pages  # type: ignore[attr-defined]
    assert len(pages) == 3  # recto, blank verso, recto
    assert [pdfcompat.page_side(p) for p in pages] == ["right", "left", "right"]
    assert [pdfcompat.is_blank(p) for p in pages] == [False, True, False]


def test_moved_page_goes_across_and_drops_a_margin_box() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    document = weasyprint.HTML(string=HTML).render()
    page = document.pages[0]
    width, height = page.width, page.height
    x, y, *_ = page.anchors["here"]
    moved = pdfcompat.moved_page(page, "left", drop="@top-left")
    assert (moved.width, moved.height) == (width, height)
    dx = 15 * 96 / 25.4  # 20 mm − 5 mm in CSS pixels
    assert moved.anchors["here"][:2] == (pytest.approx(x + dx), pytest.approx(y))
    pdf = document.copy([moved]).write_pdf()
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Premier" in text
    assert "RECTOHEAD" in text
    assert "VERSOHEAD" not in text


def test_moved_page_on_its_own_side_stays_in_place() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    document = weasyprint.HTML(string=HTML).render()
    page = document.pages[0]
    x, y, *_ = page.anchors["here"]
    moved = pdfcompat.moved_page(page, "right", drop="@top-right")
    assert moved.anchors["here"][:2] == (pytest.approx(x), pytest.approx(y))
    text = pypdf.PdfReader(io.BytesIO(document.copy([moved]).write_pdf())).pages[0] \
        .extract_text()
    assert "VERSOHEAD" in text
    assert "RECTOHEAD" not in text
