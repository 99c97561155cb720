"""Chapter groups laid out without knowing where they start; folios stamped after.

A group's layout depends on its start page in only two ways: its folios, and its
page sides (mirrored margins, the running head of a verso or a recto). The content
box is as wide on either side, so lines and page breaks are the same whatever the
start. So a worker lays its group out once, as if it began on a recto, with no
folio and with both running heads on every page (:data:`WORKER_CSS`); once the
groups before it are counted, :func:`placed` moves each page that changes side by
the difference of its margins and keeps only that side's running head. The folios
are then laid out alone, one small document of the body's pages
(:func:`stamp_html`, same ``@page`` rules and font as the book), and each of its
pages is drawn over the body's page of the same number (:func:`stamp_pages`).
"""

from __future__ import annotations

import re
from typing import Any

from inventaire.book import pdfcompat

# Worker: no folio; a recto also carries the verso's head and the reverse, so a page
# that changes side keeps the right one. ``:blank`` and a chapter's first page still
# suppress both (their selectors are more specific than ``:left`` and ``:right``).
WORKER_CSS = """
@page :left { @bottom-left { content: none; } @top-right { content: string(chapter); } }
@page :right { @bottom-right { content: none; } @top-left { content: string(booktitle); } }
"""

# Folio document: nothing but the folios (no heads, no crop marks drawn twice).
STAMP_CSS = """
@page { marks: none; }
@page :left, :right { @top-left { content: none; } @top-right { content: none; } }
html, body { background: none; }
.folio-page { margin: 0; height: 0; }
.folio-page + .folio-page { break-before: page; }
"""


def placed(page: Any, right: bool) -> Any:
    """The worker's ``page`` as a recto (``right``) or a verso: moved across when it
    changes side, with that side's running head only; a new WeasyPrint ``Page`` (its
    links, anchors and bookmarks read again at their new places)."""
    if right:
        return pdfcompat.moved_page(page, "right", drop="@top-left")
    return pdfcompat.moved_page(page, "left", drop="@top-right")


def is_blank(page: Any) -> bool:
    return pdfcompat.is_blank(page)


def stamp_html(body_html: str, pages: int) -> str:
    """``pages`` empty pages in the body's ``<html>`` element (its language and data)."""
    match = re.search(r"<html\b[^>]*>", body_html)
    opening = match.group(0) if match else "<html>"
    return (f"<!DOCTYPE html>{opening}<head><meta charset=\"utf-8\"></head><body>"
            + '<div class="folio-page"></div>' * pages + "</body></html>")


def stamp_pages(writer: Any, first: int, stamp: bytes, skip: set[int]) -> None:
    """Draw the folio document's pages over ``writer``'s pages from index ``first``,
    but not over those in ``skip`` (blank pages, folio-less in the book too).

    Each folio page becomes a form XObject drawn after the page's own content: the
    page's stream is left as it is (pypdf's ``merge_page`` would decode and rewrite
    every page's content uncompressed), and the folio font is shared by all pages."""
    import io

    import pypdf
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    reader = pypdf.PdfReader(io.BytesIO(stamp))
    # The page's stream leaves its own transformation (WeasyPrint's y flip and scale)
    # in place: it is wrapped in q … Q so that the folio is drawn in page space.
    push, draw = DecodedStreamObject(), DecodedStreamObject()
    push.set_data(b"q\n")
    draw.set_data(b"\nQ q /Folio Do Q\n")
    push_ref, draw_ref = pdfcompat.add_indirect(writer, push), pdfcompat.add_indirect(writer, draw)
    for index, source in enumerate(reader.pages):
        if index in skip:
            continue
        target = writer.pages[first + index]
        content: Any = source["/Contents"].get_object()
        if isinstance(content, ArrayObject):  # not what WeasyPrint writes
            target.merge_page(source)
            continue
        form: Any = content.clone(writer)
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = source.mediabox
        form[NameObject("/Resources")] = source["/Resources"].clone(writer)
        form_ref = pdfcompat.add_indirect(writer, form)  # the clone's own reference when it has one
        # The page's own resources, copied: WeasyPrint may share them between pages.
        resources = DictionaryObject(target["/Resources"].get_object())
        xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
        xobjects[NameObject("/Folio")] = form_ref
        resources[NameObject("/XObject")] = xobjects
        target[NameObject("/Resources")] = resources
        own = target.raw_get("/Contents")  # the stream's reference, not the stream
        own_list = list(own.get_object()) if isinstance(own.get_object(), ArrayObject) \
            else [own]
        target[NameObject("/Contents")] = ArrayObject([push_ref, *own_list, draw_ref])
