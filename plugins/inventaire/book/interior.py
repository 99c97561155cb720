"""The interior: ``livre.pdf`` (print, with bleed) and ``livre-ecran.pdf`` (screen).

Both come from one template and the same geometry, so a page number printed in an
index is right in both files. The print edition is in the chosen colour mode, without
links or bookmarks (print shops refuse annotations); the screen edition is always in
colour, with clickable contents and indexes, bookmarks and tags.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from inventaire.book.chapters import (
    BookContent,
    IndexEntry,
    absolute_links,
    build_content,
    editors_html,
    quote_spacing,
    unlink,
)
from inventaire.book.color import Palette
from inventaire.book.day import Day, EditorsPage
from inventaire.book.edition import MM_PER_PT, BookEdition, css_mm, find_icc_profile
from inventaire.book.emoji import EmojiImages
from inventaire.book.imprint import Imprint
from inventaire.book.layout import (
    Renderer,
    anchor_pages,
    blank_html,
    notes_html,
    pad_to_multiple,
    release,
)
from inventaire.book.parts import PartsLayout
from inventaire.book.photos import PlateMaker
from inventaire.book.posttext import detach_spaces, drop_day_hashtags, mark_long_words
from inventaire.book.press import Interior, for_print, for_screen, screen_post_pages
from inventaire.book.refine import on_grid, refiner
from inventaire.book.templates import Templates
from inventaire.core.fonts import FONT_NAMES, font_face_css, missing_glyphs
from inventaire.core.places import fold
from inventaire.core.text.typography import format_day, french_spacing

logger = logging.getLogger(__name__)

PLACEHOLDER = "000"


@dataclass
class SittingRow:
    """« 14 h, 27–28 »: a sitting's hour, its pages as printed, its first post's anchor."""

    hour: str
    pages: str
    anchor: str


@dataclass
class ReadingRow:
    """« 11 h, 14, 15 »: when the crier read, the pages of the posts read then."""

    time: str
    refs: list[tuple[str, str]]  # (page as printed, anchor of the first post there)


@dataclass
class IndexRow:
    label: str
    refs: list[tuple[str, str]]  # (page as printed, anchor of the first post there)
    sittings: list[SittingRow] = field(default_factory=list)
    readings: list[ReadingRow] = field(default_factory=list)


def page_range(first: int, last: int) -> str:
    """« 27 », or « 27–28 » (an en dash) when the sitting runs over."""
    return str(first) if last <= first else f"{first}\u2013{last}"


@dataclass
class TocEntry:
    label: str
    anchor: str
    level: int = 1
    page: str = ""  # printed as is; empty: WeasyPrint's target-counter() finds it


@dataclass
class BookView:
    """Everything the interior template shows."""

    title: str
    subtitle: str
    author: str
    keywords: str
    created: str
    date_label: str
    city: str
    edition_label: str
    mode: str
    preface: EditorsPage | None
    colophon: EditorsPage | None
    chapters: list[Any]
    toc: list[TocEntry]
    contributors: list[IndexRow] = field(default_factory=list)
    places: list[IndexRow] = field(default_factory=list)
    hashtags: list[IndexRow] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # as the entries sign, by name
    post_count: int = 0
    contributor_count: int = 0
    fonts: str = FONT_NAMES
    day_hashtags: list[str] = field(default_factory=list)
    imprint: Imprint = field(default_factory=Imprint)
    year: str = ""  # of the © line: the PDFs' date (SOURCE_DATE_EPOCH, else the day)
    tags_dropped: bool = True
    printer_settings: str = ""
    line_mm: float = 0.0  # the baseline grid's step: a post's gap is one, or more


def page_refs(anchors: Sequence[str], pages: dict[str, int] | None) -> list[tuple[str, str]]:
    """Distinct pages in order, each with the first anchor on it; placeholders before
    the first pass."""
    if pages is None:
        return [(PLACEHOLDER, a) for a in anchors]
    first: dict[int, str] = {}
    for anchor in anchors:
        first.setdefault(pages[anchor], anchor)
    return [(str(n), first[n]) for n in sorted(first)]


def index_rows(entries: Sequence[IndexEntry], pages: dict[str, int] | None) -> list[IndexRow]:
    """Index lines: distinct pages in order; placeholders before the first pass."""
    rows = []
    for entry in entries:
        sittings = [SittingRow(ref.hour, PLACEHOLDER if pages is None
                               else page_range(pages[ref.first], pages[ref.last]), ref.first)
                    for ref in entry.sittings]
        by_time: dict[str, list[str]] = {}
        for reading in entry.readings:
            by_time.setdefault(reading.time, []).append(reading.anchor)
        readings = [ReadingRow(time, page_refs(anchors, pages))
                    for time, anchors in by_time.items()]
        rows.append(IndexRow(entry.label, page_refs(entry.anchors, pages), sittings,
                             readings))
    return rows


def toc_entries(content: BookContent, preface: bool,
                toc_pages: dict[str, int] | None = None) -> list[TocEntry]:
    """The contents; ``toc_pages`` (anchor → page) prints the numbers as they are, for
    a book laid out in parts where the entries are not in the contents' document."""
    entries = [TocEntry("Préface", "preface")] if preface else []
    entries += [TocEntry(c.title, c.anchor) for c in content.chapters]
    entries += [TocEntry("Index des contributeurs", "index-contributeurs"),
                TocEntry("Index des lieux", "index-lieux")]
    if content.hashtags:
        entries.append(TocEntry("Index des mots-dièse", "index-mots-diese"))
    entries.append(TocEntry("Colophon", "colophon"))
    if toc_pages is not None:
        for entry in entries:
            entry.page = str(toc_pages.get(entry.anchor, PLACEHOLDER))
    return entries


def contributor_names(content: BookContent) -> list[str]:
    """Each contributor once, as their entries sign (name, else @handle), by name."""
    names = {p.author: p.name for p in content.posts}
    return sorted(names.values(), key=lambda n: (fold(n.lstrip("@")), n))


def geometry(edition: BookEdition) -> dict[str, str]:
    top, outside, bottom, inside = edition.margins
    return {"trim_w": css_mm(edition.trim[0]), "trim_h": css_mm(edition.trim[1]),
            "bleed": css_mm(edition.bleed), "top": css_mm(top), "outside": css_mm(outside),
            "bottom": css_mm(bottom), "inside": css_mm(inside)}


def printer_settings(edition: BookEdition) -> str:
    colour = {"rgb": "couleur (sRGB)", "gray": "niveaux de gris",
              "cmyk": "quadrichromie (PDF/X-4)"}[edition.color]
    return (f"Format {edition.trim[0]:g} × {edition.trim[1]:g} mm, fonds perdus "
            f"{edition.bleed:g} mm, {colour}, photographies à {edition.plate_ppi} ppp.")


class InteriorBuilder:
    """Lays the book out for one edition (its colour mode and cache folder)."""

    def __init__(self, edition: BookEdition, day: Day, content_path: Path, cache_dir: Path,
                 templates: Templates, created: str, site_url: str = "") -> None:
        self.site_url = site_url
        self.edition = edition
        self.day = day
        self.content_path = content_path
        self.cache_dir = cache_dir
        self.templates = templates
        self.created = created

    def content_for(self, articles: Sequence[Any], mode: str, links: bool,
                    renderer: Renderer) -> BookContent:
        emoji = EmojiImages(mode, self.cache_dir, renderer.fetcher)
        plates = PlateMaker(self.edition.with_color(mode), self.content_path, self.cache_dir,
                            renderer.fetcher)

        day_tags = [] if self.edition.keep_day_hashtags else self.day.hashtags

        def html_of(article: Any) -> str:
            html = drop_day_hashtags(quote_spacing(str(article.content)), day_tags)
            html = absolute_links(html, self.site_url) if links else unlink(html)
            html = mark_long_words(html, self.edition.hyphenate_max)
            return detach_spaces(emoji.replace(html))

        def plates_of(post: Any) -> list[Any]:
            where = f"post {post.id} (@{post.author})"
            found = [plates.plate(m, where) for m in post.media]
            return [on_grid(p, self.edition.line_mm) for p in found if p is not None]

        content = build_content(articles, self.day, self.edition.chapters, html_of, plates_of)
        for post in content.posts:
            post.html = Markup(post.html)
        emoji.report()
        return content

    def view(self, content: BookContent, pages: dict[str, int] | None, mode: str,
             chapters: Sequence[Any] | None = None,
             toc_pages: dict[str, int] | None = None) -> BookView:
        e = self.edition
        handles = sorted({p.author for p in content.posts}, key=lambda h: (h.casefold(), h))
        day = self.day.date or (content.posts[0].post.date.date() if content.posts else None)
        preface = self.day.preface
        if preface:
            preface = EditorsPage(french_spacing(preface.title),
                                  Markup(editors_html(preface.html)), preface.meta)
        colophon = self.day.colophon
        if colophon:
            colophon = EditorsPage(french_spacing(colophon.title),
                                   Markup(editors_html(colophon.html)), colophon.meta)
        for chapter in content.chapters:
            chapter.intro_html = Markup(chapter.intro_html)
        return BookView(
            title=french_spacing(e.title), subtitle=french_spacing(e.subtitle),
            author=french_spacing(e.author or e.sitename),
            keywords=f"inventaire, {self.day.city}, Perec",
            created=self.created, date_label=format_day(day) if day else "",
            city=self.day.city, edition_label={"rgb": "couleur", "gray": "en niveaux de gris",
                                               "cmyk": "quadrichromie"}[mode],
            mode=e.chapters, preface=preface, colophon=colophon,
            chapters=list(content.chapters if chapters is None else chapters),
            toc=toc_entries(content, preface is not None, toc_pages),
            contributors=index_rows(content.contributors, pages),
            places=index_rows(content.places, pages),
            hashtags=index_rows(content.hashtags, pages), handles=handles,
            names=contributor_names(content),
            post_count=len(content.posts), contributor_count=len(handles),
            printer_settings=printer_settings(e), day_hashtags=list(self.day.hashtags),
            tags_dropped=not e.keep_day_hashtags, imprint=e.imprint, year=self.created[:4],
            line_mm=e.line_mm)

    def css(self, mode: str, bleed: bool, interactive: bool) -> str:
        """The stylesheet: ``bleed`` for print, ``interactive`` for links and bookmarks."""
        extra = ""
        if mode == "cmyk":
            profile = find_icc_profile(self.edition)
            if profile is None:
                logger.warning("Book: no CMYK ICC profile found — the cmyk edition has no "
                               "output intent; set BOOK_ICC_PROFILE to the printer's profile")
            else:
                extra = (f"@color-profile device-cmyk {{ src: url('{profile.as_uri()}'); "
                         "components: cyan, magenta, yellow, black; }\n")
        return extra + self.templates.render(
            "book/livre.css", fonts=font_face_css(), g=geometry(self.edition),
            p=Palette.for_mode(mode), print=bleed, marks=self.edition.crop_marks,
            links=interactive, bookmarks=interactive, font_size=self.edition.font_size,
            run_on=self.edition.run_on, room=css_mm(self.edition.run_on_room_mm),
            by_place=self.edition.chapters == "place", lines=self.lines)

    def lines(self, count: float, less_pt: float = 0) -> str:
        """``count`` lines of the baseline grid (less ``less_pt`` points: a rule's
        width), as a CSS length."""
        return css_mm(count * self.edition.line_mm - less_pt * MM_PER_PT)

    def blank_css(self) -> str:
        """Pages with nothing on them, not even a folio, at the print edition's size."""
        g = geometry(self.edition)
        marks = "marks: crop;" if self.edition.crop_marks else ""
        return f"@page {{ size: {g['trim_w']} {g['trim_h']}; bleed: {g['bleed']}; {marks} }}"

    def html(self, content: BookContent, pages: dict[str, int] | None, mode: str,
             links: bool, part: str = "all", chapters: Sequence[Any] | None = None,
             toc_pages: dict[str, int] | None = None) -> str:
        """The interior's HTML: the whole book (``part="all"``) or one of its parts."""
        view = self.view(content, pages, mode, chapters, toc_pages)
        return self.templates.render("book/livre.html", book=view, links=links, part=part)

    def parts_layout(self, content: BookContent, mode: str, links: bool, css: str,
                     renderer: Renderer, options: dict[str, Any]) -> PartsLayout:
        def html_of(part: str, pages: dict[str, int] | None = None,
                    chapters: Sequence[Any] | None = None,
                    toc_pages: dict[str, int] | None = None) -> str:
            return self.html(content, pages, mode, links, part, chapters, toc_pages)

        blank = renderer.render(blank_html(), self.blank_css(), "blank pages", **options)
        notes = renderer.render(notes_html(max(1, self.edition.signature - 1)), css,
                                "reader's notes", **options)

        return PartsLayout(renderer, html_of, css, blank, options, notes,
                           refiner(content, self.edition))

    def build(self, articles: Sequence[Any], renderer: Renderer) -> Interior:
        """Each part laid out once (:mod:`.parts`), then the PDFs.

        In colour (the default) one layout serves both editions: it is laid out with
        links and bookmarks, which print loses (:func:`for_print`) and the screen
        keeps, with its bleed taken off (:func:`for_screen`). The gray and cmyk
        editions need their own colour layout for the screen. A big book's chapters
        are laid out in worker processes (:mod:`.parallel`).
        """
        e = self.edition
        if e.workers > 1 and len(articles) > e.parallel_posts:  # one post per article
            # Started first: their fork server imports WeasyPrint while the content
            # is made here.
            from inventaire.book.parallel import build_parallel, start_workers

            workers = start_workers(e.workers)
            try:
                content, layout, shared = self.prepare(articles, renderer)
                return build_parallel(self, articles, content, layout, shared, workers)
            finally:
                workers.close()
        content, layout, shared = self.prepare(articles, renderer)
        final, parts = layout.lay_out()
        pages = parts.anchors
        padded = pad_to_multiple(for_print(final), layout.notes, e.signature)
        print_pdf = renderer.write(padded, "write print", **layout.options)
        page_count = len(padded.pages)
        screen_pdf, screen_pages, on_screen = None, 0, {}
        if shared:
            screen = for_screen(final, layout.blank.pages, single=True)
            screen_pages, on_screen = len(screen.pages), anchor_pages(screen)
            screen_pdf = self.write_screen(screen, renderer)
        elif e.screen:
            # The print layout is written: it goes before the screen's is made.
            del final, padded
            release()
            screen_pdf, screen_pages, on_screen = self.screen(articles, pages, renderer)
        post_pages = {p.anchor: pages[p.anchor] for p in content.posts}
        return Interior(print_pdf, screen_pdf, page_count, screen_pages, post_pages,
                        content, renderer, screen_post_pages(content, on_screen))

    def prepare(self, articles: Sequence[Any],
                renderer: Renderer) -> tuple[BookContent, PartsLayout, bool]:
        """The content, the parts' layout and whether one layout serves both editions."""
        e = self.edition
        shared = e.color == "rgb" and e.screen
        content = self.content_for(articles, e.color, links=shared, renderer=renderer)
        check_glyphs(content)
        css = self.css(e.color, bleed=True, interactive=shared)
        options: dict[str, Any] = {"pdf_variant": "pdf/x-4"} if e.color == "cmyk" else {}
        return content, self.parts_layout(content, e.color, shared, css, renderer, options), \
            shared

    def screen(self, articles: Sequence[Any], pages: dict[str, int],
               renderer: Renderer) -> tuple[bytes, int, dict[str, int]]:
        """The screen edition (always in colour), its page count and the page of every
        anchor in it."""
        content = self.content_for(articles, "rgb", links=True, renderer=renderer)
        layout = self.parts_layout(content, "rgb", True,
                                   self.css("rgb", bleed=False, interactive=True), renderer,
                                   {})
        document, parts = layout.lay_out()
        document = for_screen(document, layout.blank.pages, single=True)
        moved = [p.anchor for p in content.posts
                 if parts.anchors.get(p.anchor) != pages.get(p.anchor)]
        if moved:
            logger.warning("Book: the screen edition differs from print on %d posts' pages",
                           len(moved))
        return self.write_screen(document, renderer), len(document.pages), \
            anchor_pages(document)

    def write_screen(self, document: Any, renderer: Renderer) -> bytes:
        """The screen PDF, tagged for screen readers when WeasyPrint manages it."""
        if self.edition.screen_tags:
            try:
                return renderer.write(document, "write screen", pdf_tags=True)
            except Exception as error:  # WeasyPrint's tagging is young: keep the edition
                logger.warning("Book: tagged PDF failed (%s); writing it untagged", error)
        return renderer.write(document, "write screen")


def check_glyphs(content: BookContent) -> None:
    """Warn, naming the post, about characters no font of the book can draw."""
    for post in content.posts:
        missing = missing_glyphs(post.post.text)
        if missing:
            shown = " ".join(f"U+{ord(c):04X}" for c in sorted(missing))
            logger.warning("post %s (@%s): no font of the book has %s — it would print as "
                           "a box; replace the character in the post's file", post.post.id,
                           post.author, shown)
