"""The criers' sheets: ``livre/crieurs/<place>.pdf``, the posts to read aloud there.

One sheet per place that has posts marked ``declaimed`` there, in the order they are
read (the declaimed time, then the post's), in large type on A5 so that a crier can
hold it in one hand in the street.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from inventaire.book.chapters import quote_spacing, spoken_time, unlink
from inventaire.book.day import Day
from inventaire.book.edition import BookEdition, css_mm
from inventaire.book.emoji import EmojiImages
from inventaire.book.layout import Renderer
from inventaire.book.posttext import set_apart
from inventaire.book.templates import Templates
from inventaire.core.fonts import font_face_css
from inventaire.core.model import Post
from inventaire.core.text.typography import french_spacing


@dataclass
class CrierItem:
    time: str
    declaimed: str
    author: str
    html: str  # what the crier says: without hashtags and handles
    apart: list[str] = field(default_factory=list)  # those, printed apart in small type


@dataclass
class CrierSheet:
    slug: str
    place: str
    date_label: str
    items: list[CrierItem]


def declaimed_time(text: str) -> str:
    """« 14 h 45 » for ``"14:45"``, « 13 h » for ``"13:00"`` (the round hours the criers
    read at); what the editors wrote when it is not HH:MM."""
    return spoken_time(text)


def sheet_posts(articles: Sequence[Any]) -> dict[str, list[Any]]:
    """Declaimed posts by place, in reading order; withdrawn or refused ones never."""
    by_place: dict[str, list[Any]] = {}
    for article in articles:
        post = getattr(article, "post", None)
        if not isinstance(post, Post) or post.declaimed is None:
            continue
        if post.status != "selected" or post.consent == "refused":
            continue
        by_place.setdefault(post.declaimed.place, []).append(article)
    for items in by_place.values():
        items.sort(key=lambda a: (a.post.declaimed.time.zfill(5), a.post.sort_key()))
    return by_place


def build_sheets(articles: Sequence[Any], day: Day, date_label: str,
                 emoji: EmojiImages) -> list[CrierSheet]:
    from inventaire.core.text.typography import format_time

    sheets = []
    for slug, items in sorted(sheet_posts(articles).items()):
        place = day.places.get(slug)
        entries = []
        for a in items:
            spoken, apart = set_apart(unlink(quote_spacing(str(a.content))))
            entries.append(CrierItem(time=format_time(a.post.date),
                                     declaimed=declaimed_time(a.post.declaimed.time),
                                     author=a.post.author,
                                     html=Markup(emoji.replace(spoken)), apart=apart))
        sheets.append(CrierSheet(
            slug=slug, place=french_spacing(place.name) if place else slug,
            date_label=date_label, items=entries))
    return sheets


def render_sheets(sheets: Sequence[CrierSheet], edition: BookEdition, templates: Templates,
                  renderer: Renderer) -> dict[str, bytes]:
    """``slug`` → PDF bytes."""
    size = f"{css_mm(edition.criers_size[0])} {css_mm(edition.criers_size[1])}"
    out = {}
    for sheet in sheets:
        html = templates.render("book/crieurs.html", sheet=sheet, size=size,
                                font_size=edition.criers_font_size,
                                fonts=Markup(font_face_css()))
        document = renderer.render(html, "", f"criers {sheet.slug}")
        out[sheet.slug] = renderer.write(document, f"write criers {sheet.slug}")
    return out
