"""The book's content model: chapters, Perec's sittings, the posts and the indexes.

Built once from the Articles, independent of WeasyPrint: every element that a page
number will point at gets an ``anchor`` (an HTML id), and the layout pass reads back
on which page each anchor landed.

- ``BOOK_CHAPTERS = "hour"`` (Perec's chronology): one chapter per hour, which is one
  sitting, « Lieu : Paris », each post naming its place;
- ``"place"``: one chapter per place, opened by the place's introduction, and one
  sitting per hour spent there, « Lieu : place Saint-Sulpice ».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape, unescape
from itertools import groupby
from typing import Any

from inventaire.book.day import Day, markdown_html
from inventaire.book.photos import Plate
from inventaire.book.posttext import absolute_links as absolute_links  # re-exported
from inventaire.book.posttext import quote_spacing as quote_spacing
from inventaire.book.posttext import unlink as unlink
from inventaire.core.model import Post
from inventaire.core.places import fold
from inventaire.core.text.typography import (
    format_day,
    format_hour,
    format_time,
    french_spacing,
)

ELSEWHERE = "ailleurs"


@dataclass
class BookPost:
    """One post as the book prints it."""

    anchor: str
    article: Any
    post: Post
    time: str
    author: str
    place: str
    html: str
    plates: list[Plate] = field(default_factory=list)
    declaimed: str = ""  # « lu place Saint-Sulpice à 14 h 45 »


@dataclass
class Sitting:
    """Perec's sitting: date, hour, place, weather, then the inventory."""

    anchor: str
    date: str
    hour: str
    place: str
    weather: str
    posts: list[BookPost]


@dataclass
class Chapter:
    anchor: str
    title: str
    intro_html: str
    sittings: list[Sitting]

    @property
    def posts(self) -> list[BookPost]:
        return [p for s in self.sittings for p in s.posts]


@dataclass
class IndexEntry:
    """A heading of an index and the posts it points to; pages come after layout."""

    label: str
    sort_key: str
    anchors: list[str]


@dataclass
class BookContent:
    chapters: list[Chapter]
    posts: list[BookPost]
    contributors: list[IndexEntry]
    places: list[IndexEntry]


def in_book(article: Any, require_consent: bool) -> bool:
    """Selected, meant for the book, and not refused (granted only, if required)."""
    post = getattr(article, "post", None)
    return isinstance(post, Post) and post.printable(require_consent)


def book_articles(articles: Sequence[Any], require_consent: bool = False) -> list[Any]:
    """The posts that go in the book, in time order."""
    chosen = [a for a in articles if in_book(a, require_consent)]
    return sorted(chosen, key=lambda a: a.post.sort_key())


_TAG = re.compile(r"(<[^>]*>)")


def editors_html(html: str) -> str:
    """The editors' own HTML (preface, introductions) with French spacing in its text."""
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):
        if parts[index].strip():
            # Entities first (« &rsquo; » ends with a semicolon French spacing would move).
            text = french_spacing(unescape(parts[index]))
            parts[index] = escape(text, quote=False)
    return "".join(parts)


def place_name(day: Day, slug: str) -> str:
    """The place's name as the editors wrote it, in French typography (’, spaces)."""
    place = day.places.get(slug)
    return french_spacing(place.name) if place else ""


def declaimed_label(post: Post, day: Day) -> str:
    """Where and when a crier read the post, as the book notes it."""
    if post.declaimed is None:
        return ""
    name = place_name(day, post.declaimed.place) or post.declaimed.place
    hour, sep, minute = post.declaimed.time.partition(":")
    when = (format_hour(int(hour), int(minute[:2])) if sep and hour.isdigit()
            and minute[:2].isdigit() else post.declaimed.time)
    return f"lu par le crieur, {name}, à {when}"


def make_posts(articles: Sequence[Any], day: Day, html_of: Callable[[Any], str],
               plates_of: Callable[[Post], list[Plate]]) -> list[BookPost]:
    return [BookPost(anchor=f"p-{a.post.network}-{a.post.id}", article=a, post=a.post,
                     time=format_time(a.post.date), author=a.post.author,
                     place=place_name(day, a.post.place), html=html_of(a),
                     plates=plates_of(a.post), declaimed=declaimed_label(a.post, day))
            for a in articles]


def date_label(day: Day, posts: Sequence[BookPost]) -> str:
    if day.date is not None:
        return format_day(day.date)
    return format_day(posts[0].post.date) if posts else ""


def chapters_by_hour(posts: Sequence[BookPost], day: Day) -> list[Chapter]:
    """Perec's chronology: one chapter, and one sitting, per hour of the day."""
    chapters = []
    for hour, group in groupby(posts, key=lambda p: p.post.date.hour):
        items = list(group)
        sitting = Sitting(anchor=f"s-{hour:02d}", date=date_label(day, items),
                          hour=items[0].time, place=day.city,
                          weather=french_spacing(day.weather_at(hour)), posts=items)
        chapters.append(Chapter(anchor=f"ch-{hour:02d}", title=format_hour(hour),
                                intro_html="", sittings=[sitting]))
    return chapters


def chapters_by_place(posts: Sequence[BookPost], day: Day) -> list[Chapter]:
    """One chapter per place (gazetteer order), one sitting per hour spent there."""
    by_place: dict[str, list[BookPost]] = {}
    for post in posts:
        slug = post.post.place if post.post.place in day.places else ELSEWHERE
        by_place.setdefault(slug, []).append(post)
    order = [s for s in day.places if s in by_place]
    if ELSEWHERE in by_place:
        order.append(ELSEWHERE)
    chapters = []
    for slug in order:
        place = day.places.get(slug)
        name = place_name(day, slug) or french_spacing(f"Ailleurs à {day.city}")
        sittings = []
        for hour, group in groupby(by_place[slug], key=lambda p: p.post.date.hour):
            items = list(group)
            sittings.append(Sitting(anchor=f"s-{slug}-{hour:02d}",
                                    date=date_label(day, items), hour=items[0].time,
                                    place=name, weather=french_spacing(day.weather_at(hour)),
                                    posts=items))
        intro = editors_html(markdown_html(place.intro)) if place and place.intro else ""
        chapters.append(Chapter(anchor=f"ch-{slug}", title=name, intro_html=intro,
                                sittings=sittings))
    return chapters


def contributors_index(posts: Sequence[BookPost]) -> list[IndexEntry]:
    """Every author's handle → their posts, in alphabetical order, case and accents folded."""
    entries: dict[str, IndexEntry] = {}
    for post in posts:
        handle = post.author
        entry = entries.setdefault(handle, IndexEntry(f"@{handle}", fold(handle), []))
        entry.anchors.append(post.anchor)
    return sorted(entries.values(), key=lambda e: (e.sort_key, e.label))


def places_index(posts: Sequence[BookPost], day: Day) -> list[IndexEntry]:
    """Every place of the gazetteer → the posts made (or declaimed) there."""
    entries: dict[str, IndexEntry] = {}
    for post in posts:
        slugs = [post.post.place]
        if post.post.declaimed and post.post.declaimed.place not in slugs:
            slugs.append(post.post.declaimed.place)
        for slug in slugs:
            name = place_name(day, slug)
            if not name:
                continue
            entry = entries.setdefault(slug, IndexEntry(name, fold(name), []))
            entry.anchors.append(post.anchor)
    return sorted(entries.values(), key=lambda e: (e.sort_key, e.label))


def build_content(articles: Sequence[Any], day: Day, mode: str,
                  html_of: Callable[[Any], str],
                  plates_of: Callable[[Post], list[Plate]]) -> BookContent:
    posts = make_posts(articles, day, html_of, plates_of)
    chapters = chapters_by_place(posts, day) if mode == "place" else chapters_by_hour(posts, day)
    return BookContent(chapters=chapters, posts=posts, contributors=contributors_index(posts),
                       places=places_index(posts, day))
