"""The only places where the book uses pypdf's and WeasyPrint's internals.

Neither library offers a public way to do these few things, so they are gathered
here, each behind a small function, and ``tests/test_pdfcompat.py`` checks that each
still behaves as the book expects: an upgrade that changes them fails that test
rather than a book.

pypdf (``pyproject.toml`` pins ``pypdf>=4,<8``; checked against 7.1.1, the installed
version): ``PdfWriter`` has no public method that adds a new indirect object.
Stamping folios (:mod:`inventaire.book.folios`) needs new content streams, and a
content stream must be an indirect object, so :func:`add_indirect` calls
``PdfWriter._add_object``. The public ``clone`` adds an indirect copy of a fresh
object only once its ``indirect_reference`` has been set to ``None`` by hand, which
pypdf documents nowhere either (a fresh object has no such attribute).

WeasyPrint (``pyproject.toml`` pins ``weasyprint>=70,<71``; checked against 70.0): a
laid-out ``Page`` exposes its page box only as ``Page._page_box``, and its
documentation says a ``Page`` should not be built directly. The parallel layout
(:mod:`inventaire.book.parallel`) still needs to read a page's side and whether it
is blank, and to move a page to the other side, then build a ``Page`` from the
moved box. :func:`page_side`, :func:`is_blank` and :func:`moved_page` do that, with
the box tree's attributes (``page_type``, ``margin_left``, ``children``,
``translate``, ``at_keyword``) used nowhere else.
"""

from __future__ import annotations

from typing import Any

# ------------------------------------------------------------------------- pypdf


def add_indirect(writer: Any, obj: Any) -> Any:
    """``obj`` as an indirect object of ``writer``, and its reference.

    An object that is already one of ``writer``'s keeps its reference (added once).
    """
    return writer._add_object(obj)


# -------------------------------------------------------------------- WeasyPrint


def page_side(page: Any) -> str:
    """``"left"`` or ``"right"``: the side the page was laid out on."""
    return str(page._page_box.page_type.side)


def is_blank(page: Any) -> bool:
    """Whether WeasyPrint added the page as a blank one (``@page :blank``)."""
    return bool(page._page_box.page_type.blank)


def moved_page(page: Any, side: str, drop: str) -> Any:
    """A new ``Page`` from ``page``'s boxes: moved across by the difference of its
    margins when ``side`` is not the side it was laid out on, and without its page-margin
    box ``drop`` (e.g. ``"@top-left"``). Its links, anchors and bookmarks are read again
    at their new places. The boxes are changed in place: ``page`` is not to be used
    afterwards."""
    from weasyprint.document import Page

    box = page._page_box
    if box.page_type.side != side:
        dx = box.margin_right - box.margin_left
        for child in box.children:
            child.translate(dx, 0)
    box.children = tuple(c for c in box.children if getattr(c, "at_keyword", None) != drop)
    return Page(box)
