"""The book's content model: chapters, Perec's sittings, the posts and the indexes.

Built once from the Articles, independent of WeasyPrint: every element that a page
number will point at gets an ``anchor`` (an HTML id), and the layout pass reads back
on which page each anchor landed.

- ``BOOK_CHAPTERS = "hour"`` (Perec's chronology): one chapter per hour, cut into
  sittings by place (in the order the places first appear that hour), each with
  its head « Lieu : place des Vosges », the hour's first sitting also with the date
  and « Temps »;
- ``"place"``: the mirror: one chapter per place, opened by the place's
  introduction, and one sitting per hour spent there.

A post's apparatus recedes (Perec noted the time in the margin of his notebook):
its time as a small run-in figure, its author after the text in small capitals.
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
from inventaire.book.posttext import printed_hashtags
from inventaire.book.posttext import unlink as unlink
from inventaire.core.model import Post
from inventaire.core.places import fold
from inventaire.core.text.typography import (
    format_day,
    format_hour,
    format_time,
    french_spacing,
)
from inventaire.core.text.typography import quote_spacing as quote_spacing

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
    declaimed: str = ""  # « lu par le crieur à 16 h »
    name: str = ""  # the author's name, else their @handle, as printed after the text
    floated: bool = False  # its plates print after a later post (book/plateflow.py)
    carried: list[BookPost] = field(default_factory=list)  # posts whose plates follow
    stretch_mm: float = 0.0  # white added under it: its page ends on its facing page's line


@dataclass
class Sitting:
    """Perec's sitting: date, hour, place, weather, then the inventory."""

    anchor: str
    date: str
    hour: str
    place: str
    weather: str
    posts: list[BookPost]
    first: bool = True  # the chapter's first sitting: its head also gives date and weather
    slug: str = ""  # the place's, in the gazetteer (ELSEWHERE: none)

    @property
    def round_hour(self) -> str:
        """« 14 h »: the hour of the sitting, as the running head names it."""
        return format_hour(self.posts[0].post.date.hour) if self.posts else ""


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
class SittingRef:
    """One sitting as the index of places gives it: its hour and the anchors of its
    first and last posts (the page range; the head never leaves the first post)."""

    hour: str
    first: str
    last: str


@dataclass
class ReadingRef:
    """A post a crier read aloud at a place: when (« 16 h », « 16 h 05 »), sorted by
    ``minutes``, and the post's anchor (its page is the post's)."""

    time: str
    minutes: int
    anchor: str


@dataclass
class IndexEntry:
    """A heading of an index and the posts it points to; pages come after layout.
    An entry of the index of places lists its ``sittings`` rather than bare pages:
    thirty page numbers after a place's name (nearly every page) tell a reader
    nothing; « 14 h, 27–28 » says when and where to read."""

    label: str
    sort_key: str
    anchors: list[str]
    sittings: list[SittingRef] = field(default_factory=list)
    readings: list[ReadingRef] = field(default_factory=list)  # the crier's, by time


@dataclass
class BookContent:
    chapters: list[Chapter]
    posts: list[BookPost]
    contributors: list[IndexEntry]
    places: list[IndexEntry]
    hashtags: list[IndexEntry] = field(default_factory=list)


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


def spoken_time(text: str) -> str:
    """« 16 h » for ``"16:00"``, « 16 h 05 » for ``"16:05"``; else the editors' text."""
    hour, sep, minute = text.partition(":")
    if not (sep and hour.isdigit() and minute[:2].isdigit()):
        return text
    return format_hour(int(hour), int(minute[:2]) or None)


def declaimed_label(post: Post, day: Day) -> str:
    """When (and, read elsewhere, where) a crier read the post, as the book notes it."""
    if post.declaimed is None:
        return ""
    when = spoken_time(post.declaimed.time)
    if post.declaimed.place == post.place:
        return f"lu par le crieur à {when}"
    name = place_name(day, post.declaimed.place) or post.declaimed.place
    return f"lu par le crieur, {name}, à {when}"


def printed_name(post: Post) -> str:
    """The author as the entry signs it: their name, else their handle."""
    return french_spacing(post.author_name.strip()) if post.author_name.strip() \
        else f"@{post.author}"


def make_posts(articles: Sequence[Any], day: Day, html_of: Callable[[Any], str],
               plates_of: Callable[[Post], list[Plate]]) -> list[BookPost]:
    return [BookPost(anchor=f"p-{a.post.network}-{a.post.id}", article=a, post=a.post,
                     time=format_time(a.post.date), author=a.post.author,
                     place=place_name(day, a.post.place), html=html_of(a),
                     plates=plates_of(a.post), declaimed=declaimed_label(a.post, day),
                     name=printed_name(a.post))
            for a in articles]


def date_label(day: Day, posts: Sequence[BookPost]) -> str:
    if day.date is not None:
        return format_day(day.date)
    return format_day(posts[0].post.date) if posts else ""


def place_key(post: BookPost, day: Day) -> str:
    """The gazetteer's slug of the post's place, or :data:`ELSEWHERE`."""
    return post.post.place if post.post.place in day.places else ELSEWHERE


def elsewhere(day: Day) -> str:
    return french_spacing(f"Ailleurs à {day.city}")


def chapters_by_hour(posts: Sequence[BookPost], day: Day) -> list[Chapter]:
    """Perec's chronology: one chapter per hour, one sitting per place within it (in
    the order the places first appear that hour; each sitting in time order)."""
    chapters = []
    for hour, group in groupby(posts, key=lambda p: p.post.date.hour):
        by_place: dict[str, list[BookPost]] = {}
        for post in group:
            by_place.setdefault(place_key(post, day), []).append(post)
        sittings: list[Sitting] = []
        for slug, items in by_place.items():
            sittings.append(Sitting(
                anchor=f"s-{hour:02d}-{slug}", date=date_label(day, items),
                hour=items[0].time, place=place_name(day, slug) or elsewhere(day),
                weather=french_spacing(day.weather_at(hour)), posts=items,
                first=not sittings, slug=slug))
        chapters.append(Chapter(anchor=f"ch-{hour:02d}", title=format_hour(hour),
                                intro_html="", sittings=sittings))
    return chapters


def chapters_by_place(posts: Sequence[BookPost], day: Day) -> list[Chapter]:
    """One chapter per place (gazetteer order), one sitting per hour spent there."""
    by_place: dict[str, list[BookPost]] = {}
    for post in posts:
        by_place.setdefault(place_key(post, day), []).append(post)
    order = [s for s in day.places if s in by_place]
    if ELSEWHERE in by_place:
        order.append(ELSEWHERE)
    chapters = []
    for slug in order:
        place = day.places.get(slug)
        name = place_name(day, slug) or elsewhere(day)
        sittings = []
        for hour, group in groupby(by_place[slug], key=lambda p: p.post.date.hour):
            items = list(group)
            sittings.append(Sitting(anchor=f"s-{slug}-{hour:02d}",
                                    date=date_label(day, items), hour=items[0].time,
                                    place=name, weather=french_spacing(day.weather_at(hour)),
                                    posts=items, slug=slug))
        intro = ""
        if place and place.intro:  # as load_day made it (the book's links), else plain
            intro = editors_html(day.intros[slug] if slug in day.intros
                                 else markdown_html(place.intro))
        chapters.append(Chapter(anchor=f"ch-{slug}", title=name, intro_html=intro,
                                sittings=sittings))
    return chapters


def contributors_index(posts: Sequence[BookPost]) -> list[IndexEntry]:
    """Every author → their posts: « Name (@handle) » (the handle alone when no name is
    known), sorted by name as the entries sign them, case and accents folded."""
    entries: dict[str, IndexEntry] = {}
    for post in posts:
        handle = post.author
        name = post.name if not post.name.startswith("@") else ""
        # The name between bidi isolates (FSI, PDI): a right-to-left override in it
        # must not reverse « (@handle) » (WeasyPrint has no unicode-bidi: isolate).
        label = f"\u2068{name}\u2069 (@{handle})" if name else f"@{handle}"
        entry = entries.setdefault(handle, IndexEntry(label, fold(name or handle), []))
        entry.anchors.append(post.anchor)
    return sorted(entries.values(), key=lambda e: (e.sort_key, e.label))


def places_index(chapters: Sequence[Chapter], day: Day) -> list[IndexEntry]:
    """Every place of the gazetteer → its sittings, whose heads name it (« Lieu : … »),
    and the posts its crier read aloud there (« crieur : 11 h, 14 »), wherever they
    were written.

    Each sitting is pointed at through its first post, which its head never leaves
    (``break-after: avoid``): an index anchor is always a post's, whose page every
    layout reports (the parallel workers', the benchmark's)."""
    entries: dict[str, IndexEntry] = {}
    for chapter in chapters:
        for sitting in chapter.sittings:
            name = place_name(day, sitting.slug)
            if not name:
                continue
            entry = entries.setdefault(sitting.slug, IndexEntry(name, fold(name), []))
            entry.anchors.append(sitting.posts[0].anchor)
            entry.sittings.append(SittingRef(format_hour(sitting.posts[0].post.date.hour),
                                             sitting.posts[0].anchor,
                                             sitting.posts[-1].anchor))
    for chapter in chapters:
        for post in chapter.posts:
            read = post.post.declaimed
            name = place_name(day, read.place) if read is not None else ""
            if read is None or not name:
                continue
            entry = entries.setdefault(read.place, IndexEntry(name, fold(name), []))
            entry.readings.append(ReadingRef(spoken_time(read.time), minutes_of(read.time),
                                             post.anchor))
    for entry in entries.values():  # by place: the hours in order; by hour, already
        entry.sittings.sort(key=lambda ref: int(ref.hour.split()[0]))
        entry.readings.sort(key=lambda ref: ref.minutes)
    return sorted(entries.values(), key=lambda e: (e.sort_key, e.label))


def minutes_of(text: str) -> int:
    """``"16:05"`` → 965, to sort the crier's readings (an unreadable time last)."""
    hour, _sep, minute = text.partition(":")
    if hour.isdigit() and minute[:2].isdigit():
        return int(hour) * 60 + int(minute[:2])
    return 24 * 60


def hashtags_index(posts: Sequence[BookPost], day_tags: Sequence[str]) -> list[IndexEntry]:
    """Every hashtag an entry prints, but the day's own (they tag every post) → its
    posts. Case is folded (#Paris and #paris are one entry), printed in the form most
    posts use; sorted without accents or case."""
    day = {fold(tag.lstrip("#")) for tag in day_tags}
    entries: dict[str, IndexEntry] = {}
    forms: dict[str, dict[str, int]] = {}
    for post in posts:
        for tag in dict.fromkeys(printed_hashtags(post.html)):
            key = fold(tag)
            if key in day:
                continue
            entry = entries.setdefault(key, IndexEntry("", key, []))
            if post.anchor not in entry.anchors:
                entry.anchors.append(post.anchor)
            seen = forms.setdefault(key, {})
            seen[tag] = seen.get(tag, 0) + 1
    for key, entry in entries.items():
        entry.label = "#" + max(forms[key].items(), key=lambda item: item[1])[0]
    return sorted(entries.values(), key=lambda e: (e.sort_key, e.label))


def build_content(articles: Sequence[Any], day: Day, mode: str,
                  html_of: Callable[[Any], str],
                  plates_of: Callable[[Post], list[Plate]]) -> BookContent:
    posts = make_posts(articles, day, html_of, plates_of)
    chapters = chapters_by_place(posts, day) if mode == "place" else chapters_by_hour(posts, day)
    return BookContent(chapters=chapters, posts=posts, contributors=contributors_index(posts),
                       places=places_index(chapters, day),
                       hashtags=hashtags_index(posts, day.hashtags))
