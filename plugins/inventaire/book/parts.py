"""The interior laid out in parts, each once: front matter, chapters, back matter.

Laying the whole book out twice (placeholders, then the real page numbers) cost two
full layouts. But only the front matter (small) and the back matter (the indexes)
print page numbers, and neither changes where a chapter's posts fall, so:

1. the front matter (half-title to contents) is laid out with placeholder numbers:
   its page count tells where the first chapter starts (the next recto);
2. the chapters are laid out once, their folios starting at that page
   (``counter-reset``) on the right side (``html { break-before }``); every post's
   page is read from that layout;
3. the back matter (indexes, colophon) is laid out once, on the next recto, with
   those pages known;
4. the front matter again, now with the contents' numbers (a few pages);

and the pages are joined in one ``Document`` (``Document.copy``), with WeasyPrint's
blank pages where a part must start on a recto, as the single document did. Links,
bookmarks and anchors stay on their pages, so the screen edition keeps its links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inventaire.book.layout import Renderer, anchor_pages, release

# part, chapters (None: all), toc pages or index pages → HTML
HtmlOf = Callable[..., str]
# the chapters laid out, the book's page of their first, how many layouts they had
# already → how many things it changed for one more layout (0: none)
Refine = Callable[[Any, int, int], int]
MOST_LAYOUTS = 3  # of the chapters: as they are, plates floated, spreads balanced


def start_css(page: int) -> str:
    """CSS making a part's first page number ``page``, on its side (odd: a recto)."""
    side = "right" if page % 2 else "left"
    return f"@page :first {{ counter-reset: page {page}; }}\nhtml {{ break-before: {side}; }}\n"


def next_recto(last_page: int) -> int:
    """The first odd page after ``last_page``."""
    return last_page + 1 if last_page % 2 == 0 else last_page + 2


def shifted(pages: dict[str, int], start: int) -> dict[str, int]:
    """A part's anchor pages (from 1) as the book's pages, the part starting at ``start``."""
    return {anchor: number + start - 1 for anchor, number in pages.items()}


@dataclass
class Parts:
    """Where the parts start, their page counts, and every anchor's page in the book."""

    front_pages: int = 0
    body_start: int = 0
    body_pages: int = 0
    back_start: int = 0
    back_pages: int = 0
    anchors: dict[str, int] = field(default_factory=dict)

    @property
    def body_end(self) -> int:
        return self.body_start + self.body_pages - 1

    def place_body(self, front_pages: int, body_pages: int) -> None:
        self.front_pages = front_pages
        self.body_start = next_recto(front_pages)
        self.body_pages = body_pages
        self.back_start = next_recto(self.body_end)

    @property
    def total(self) -> int:
        return self.back_start + self.back_pages - 1


class PartsLayout:
    """Lays the interior out part by part with one :class:`Renderer`."""

    def __init__(self, renderer: Renderer, html_of: HtmlOf, css: str, blank: Any,
                 options: dict[str, Any], notes: Any = None,
                 refine: Refine | None = None) -> None:
        self.renderer = renderer
        self.html_of = html_of
        self.css = css
        self.blank = blank
        self.notes = notes if notes is not None else blank  # the book's last pages
        self.options = options
        # plates floated to fill a page (book/plateflow.py), spreads balanced
        # (book/balance.py): each asks for one more layout of the chapters
        self.refine = refine

    def render(self, html: str, label: str, start: int = 0) -> Any:
        css = start_css(start) + self.css if start else self.css
        return self.renderer.render(html, css, label, **self.options)

    def front(self, toc_pages: dict[str, int] | None, label: str) -> Any:
        return self.render(self.html_of("front", toc_pages=toc_pages or {}), label)

    def lay_out(self) -> tuple[Any, Parts]:
        """The whole interior as one ``Document``, and where everything is."""
        front = self.front(None, "front")
        book, parts, numbered = self._after(front, "body")
        if len(numbered.pages) != parts.front_pages:
            # Rare: the numbered contents took another page; the rest moves by two.
            book, parts, _numbered = self._after(numbered, "body again")
        return book, parts

    def _after(self, front: Any, label: str) -> tuple[Any, Parts, Any]:
        """Body and back laid out after ``front``, then the front numbered: the joined
        book, where everything is, and the numbered front (it may have grown)."""
        parts = Parts()
        start = next_recto(len(front.pages))
        body = self.render(self.html_of("body"), label, start)
        for done in range(1, MOST_LAYOUTS + 1):  # the last call only checks
            if self.refine is None or not self.refine(body, start, done) \
                    or done == MOST_LAYOUTS:
                break
            # The refiner read what it needed: this layout goes before the next is
            # made, which then reuses its room instead of doubling the peak.
            body = None
            release()
            body = self.render(self.html_of("body"), f"{label}, refined {done}", start)
        release()  # what the chapters' layout left in cycles, before the back matter
        parts.place_body(len(front.pages), len(body.pages))
        parts.anchors.update(shifted(anchor_pages(body), parts.body_start))
        back = self.back(parts)
        numbered = self.final_front(parts, front)
        return self.join(numbered, [body], back, parts), parts, numbered

    def back(self, parts: Parts) -> Any:
        html = self.html_of("back", pages=dict(parts.anchors))
        back = self.render(html, "back", parts.back_start)
        parts.back_pages = len(back.pages)
        parts.anchors.update(shifted(anchor_pages(back), parts.back_start))
        return back

    def final_front(self, parts: Parts, front: Any) -> Any:
        parts.anchors.update(anchor_pages(front))
        return self.front(parts.anchors, "front, numbered")

    def padding(self, count: int) -> list[Any]:
        """The pages that bring the print edition to a multiple of four: the reader's
        notes (a printed book does not end on blank leaves)."""
        if count > len(self.notes.pages):
            raise ValueError("the notes document has too few pages")
        return list(self.notes.pages[:count])

    def blanks(self, count: int) -> list[Any]:
        if count > len(self.blank.pages):
            raise ValueError("the blank document has too few pages")
        return list(self.blank.pages[:count])

    def join(self, front: Any, bodies: list[Any], back: Any, parts: Parts) -> Any:
        pages = [*front.pages, *self.blanks(parts.body_start - parts.front_pages - 1)]
        for body in bodies:
            pages += body.pages
        pages += [*self.blanks(parts.back_start - parts.body_end - 1), *back.pages]
        return front.copy(pages)
