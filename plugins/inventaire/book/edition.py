"""From Articles to the book's PDFs: the interior, the screen edition and the cover.

The same HTML (one Jinja template, ``theme/templates/book/livre.html``) serves both
editions; only the ``@page`` rules differ (bleed for print, none for the screen).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from .. import settings as inventaire_settings
from ..fonts import font_face_css
from ..postfile import write_atomic

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BookEdition:
    """The book's settings, read once."""

    title: str
    subtitle: str
    trim: str
    bleed: str
    chapters: str
    color: str
    paper_mm: float

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> BookEdition:
        def get(name: str) -> Any:
            return inventaire_settings.get(settings, name)

        return cls(
            title=get("BOOK_TITLE") or settings.get("SITENAME", ""),
            subtitle=get("BOOK_SUBTITLE"),
            trim=get("BOOK_TRIM"),
            bleed=get("BOOK_BLEED"),
            chapters=get("BOOK_CHAPTERS"),
            color=get("BOOK_COLOR"),
            paper_mm=float(get("BOOK_PAPER_THICKNESS_MM")),
        )


def book_articles(articles: Sequence[Any]) -> list[Any]:
    """The posts that go in the book, in time order."""
    chosen = [a for a in articles if a.post.status == "selected" and a.post.book]
    return sorted(chosen, key=lambda a: a.post.sort_key())


def chapters_by_hour(articles: Sequence[Any]) -> list[tuple[str, list[Any]]]:
    """Perec's chronology: one sitting per hour of the day."""
    return [(f"{hour:02d}", list(group))
            for hour, group in groupby(articles, key=lambda a: a.post.date.hour)]


def page_css(edition: BookEdition, bleed: bool) -> str:
    """The ``@page`` rules of one edition: trim, and bleed for print only."""
    bleed_rule = f"bleed: {edition.bleed};" if bleed else ""
    return f"@page {{ size: {edition.trim}; {bleed_rule} }}\n"


def render_pdf(html: str, css: str, base_url: Path, target: Path) -> None:
    """Lay out ``html`` and write the PDF atomically."""
    from weasyprint import CSS, HTML

    pdf = HTML(string=html, base_url=str(base_url)).write_pdf(stylesheets=[CSS(string=css)])
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".pdf.tmp")
    tmp.write_bytes(pdf)
    tmp.replace(target)


def build_book(articles: Sequence[Any], edition: BookEdition, out_dir: Path,
               get_template: Callable[[str], Any], context: dict[str, Any],
               content_path: Path) -> list[Path]:
    """Write the three PDFs; returns their paths."""
    posts = book_articles(articles)
    chapters = chapters_by_hour(posts)
    template = get_template("book/livre")
    html = template.render(context, edition=edition, chapters=chapters, posts=posts)
    fonts = font_face_css()
    written = []
    interior = out_dir / "livre.pdf"
    render_pdf(html, fonts + page_css(edition, bleed=True), content_path, interior)
    written.append(interior)
    screen = out_dir / "livre-ecran.pdf"
    render_pdf(html, fonts + page_css(edition, bleed=False), content_path, screen)
    written.append(screen)
    cover = out_dir / "couverture.pdf"
    cover_html = get_template("book/couverture").render(context, edition=edition,
                                                        pages=len(posts))
    render_pdf(cover_html, fonts, content_path, cover)
    written.append(cover)
    write_atomic(out_dir / "index.txt", "\n".join(p.name for p in written) + "\n")
    return written
