"""The day cut two ways, as Perec cut his: by hour (each sitting) and by place.

Pure functions over Pelican's published Articles (each carries ``article.post``), so
they are tested without running Pelican. Neighbours (previous and next post in time)
are set here too, on the Articles themselves, for the permalink pages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.day import weather_at
from inventaire.core.errors import PostFileError
from inventaire.core.figures import HOURS, hour_url, place_url
from inventaire.core.markdown import make_markdown, markdown_html
from inventaire.core.places import Place, fold, load_places
from inventaire.core.text.typography import format_hour

logger = logging.getLogger(__name__)


def site_places(settings: Mapping[str, Any], content: str) -> dict[str, Place]:
    """The gazetteer under ``content`` (``INVENTAIRE_PLACES_PATH``); a file that cannot
    be read is logged as an error and the site is built without places."""
    folder = Path(content) / inventaire_settings.get(settings, "INVENTAIRE_PLACES_PATH")
    try:
        return load_places(folder)
    except PostFileError as error:
        logger.error("%s", error)
        return {}


class PlaceNames:
    """Slug, name and address of a record's ``place``, as templates and the map read them."""

    place: Place

    @property
    def slug(self) -> str:
        return self.place.slug

    @property
    def name(self) -> str:
        return self.place.name

    @property
    def url(self) -> str:
        return place_url(self.place.slug)


@dataclass(frozen=True)
class PlaceSummary(PlaceNames):
    """A place as the map and the hours' pages show it: name, address, number of posts.

    Not the posts themselves: the map and the hours need no more than this.
    """

    place: Place
    count: int


@dataclass
class PlaceGroup(PlaceNames):
    """A place of the gazetteer with the posts made there, hour by hour."""

    place: Place
    articles: list[Any] = field(default_factory=list)
    intro_html: str = ""
    previous: PlaceGroup | None = field(default=None, repr=False, compare=False)
    next: PlaceGroup | None = field(default=None, repr=False, compare=False)

    @property
    def count(self) -> int:
        return len(self.articles)

    def summary(self) -> PlaceSummary:
        return PlaceSummary(self.place, self.count)

    @property
    def by_hour(self) -> list[tuple[int, list[Any]]]:
        """``[(14, [articles…]), …]``: the place's own sittings."""
        hours: dict[int, list[Any]] = {}
        for article in self.articles:
            hours.setdefault(article.post.date.hour, []).append(article)
        return sorted(hours.items())


@dataclass
class Hour:
    """One of the day's 24 sittings."""

    hour: int
    articles: list[Any] = field(default_factory=list)
    weather: str = ""
    places: list[PlaceSummary] = field(default_factory=list)
    previous: Hour | None = None
    next: Hour | None = None

    @property
    def slug(self) -> str:
        return f"{self.hour:02d}"

    @property
    def url(self) -> str:
        return hour_url(self.hour)

    @property
    def label(self) -> str:
        """« 14 h »."""
        return format_hour(self.hour)

    @property
    def count(self) -> int:
        return len(self.articles)


class TimeOrder(tuple[Any, ...]):
    """Articles already in time order: :func:`in_time_order` hands it back as it is,
    so that the hours, the places, the neighbours and the home page, each of which
    wants the posts in time order, share one sort of the day (10,000 keys) instead of
    making their own. A tuple, so that nothing can put it out of order afterwards."""

    __slots__ = ()


def in_time_order(articles: Sequence[Any]) -> TimeOrder:
    """``articles`` by :meth:`~inventaire.core.model.Post.sort_key` (sorted only once)."""
    if isinstance(articles, TimeOrder):
        return articles
    return TimeOrder(sorted(articles, key=lambda a: a.post.sort_key()))


def set_neighbours(articles: Sequence[Any]) -> None:
    """``article.previous_post`` / ``article.next_post`` in time order (None at the ends)."""
    ordered = in_time_order(articles)
    for index, article in enumerate(ordered):
        article.previous_post = ordered[index - 1] if index > 0 else None
        article.next_post = ordered[index + 1] if index + 1 < len(ordered) else None


def place_groups(articles: Sequence[Any], places: dict[str, Place]) -> dict[str, PlaceGroup]:
    """Every place of the gazetteer (even without posts), by slug, posts in time order.

    A post whose place is not in the gazetteer is kept off the place pages (``inventaire
    check`` reports it); its permalink still names the slug.
    """
    markdown = make_markdown()  # the editors' one configuration, as the book's
    groups: dict[str, PlaceGroup] = {}
    for slug, place in places.items():
        intro = markdown_html(place.intro, markdown) if place.intro else ""
        groups[slug] = PlaceGroup(place=place, intro_html=intro)
    for article in in_time_order(articles):
        group = groups.get(article.post.place)
        if group is not None:
            group.articles.append(article)
        article.place = group
    return groups


def link_places(groups: Sequence[PlaceGroup]) -> None:
    """``previous`` / ``next`` of each place page, in the order of the places' list."""
    for index, group in enumerate(groups):
        group.previous = groups[index - 1] if index > 0 else None
        group.next = groups[index + 1] if index + 1 < len(groups) else None


def hours_of_day(articles: Sequence[Any], weather: Mapping[int, str],
                 groups: dict[str, PlaceGroup]) -> list[Hour]:
    """The 24 hours, each with its posts in time order, its weather (the last note so
    far, as in the book: :func:`inventaire.core.day.weather_at`) and its places."""
    hours = [Hour(hour=h, weather=weather_at(weather, h)) for h in HOURS]
    for article in in_time_order(articles):
        hours[article.post.date.hour].articles.append(article)
    for hour in hours:
        seen: dict[str, PlaceSummary] = {}
        for article in hour.articles:
            group = groups.get(article.post.place)
            if group is not None and group.slug not in seen:
                seen[group.slug] = group.summary()
        hour.places = list(seen.values())
    for index, hour in enumerate(hours):
        hour.previous = hours[index - 1] if index > 0 else None
        hour.next = hours[index + 1] if index + 1 < len(hours) else None
    return hours


def featured(articles: Sequence[Any], limit: int = 6) -> list[Any]:
    """The editors' choice (``featured: true``); else posts read by a crier; else an
    even spread over the day, so the home page never shows an empty shelf."""
    ordered = in_time_order(articles)
    chosen = [a for a in ordered if a.post.featured]
    if not chosen:
        chosen = [a for a in ordered if a.post.declaimed]
    if not chosen and ordered:
        step = max(1, len(ordered) // limit)
        chosen = list(ordered[::step])
    return chosen[:limit]


# « Place de la Bastille » is filed under B, as in a gazetteer's index: the kind of
# place and its article are not what a reader looks a name up by.
_GENERIC = re.compile(r"^(?:(?:place|rue|square|parvis|quai|pont|jardin|avenue|boulevard"
                      r"|esplanade|cour|passage|porte|carrefour|rond-point)\s+)?"
                      r"(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’]|la|le|les|l['’])\s*)?")


def place_sort_key(name: str) -> tuple[str, str]:
    """The alphabetical order of the places' list: by the proper name (« Bastille »,
    « Hôtel-de-Ville », « République »…), case and accents folded, French style."""
    folded = fold(name).strip()
    return _GENERIC.sub("", folded, count=1) or folded, folded


@dataclass(frozen=True)
class HourRun:
    """One line of the hours' list: an hour, or a run of consecutive empty hours
    (« 0 h – 6 h, rien n'a été noté ») folded into one line."""

    hours: tuple[Hour, ...]

    @property
    def first(self) -> Hour:
        return self.hours[0]

    @property
    def last(self) -> Hour:
        return self.hours[-1]

    @property
    def folded(self) -> bool:
        return len(self.hours) > 1


def hour_runs(hours: Sequence[Hour], at_least: int = 2) -> list[HourRun]:
    """The hours in order, each run of ``at_least`` or more empty hours in a row as one
    line (the night, when nobody wrote), every other hour on a line of its own."""
    runs: list[HourRun] = []
    empty: list[Hour] = []
    for hour in [*hours, None]:
        if hour is not None and not hour.count:
            empty.append(hour)
            continue
        if len(empty) >= at_least:
            runs.append(HourRun(tuple(empty)))
        else:
            runs.extend(HourRun((h,)) for h in empty)
        empty = []
        if hour is not None:
            runs.append(HourRun((hour,)))
    return runs
