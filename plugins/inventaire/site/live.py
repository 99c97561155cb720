"""The day's live pages: a crier's phone page per place, the wall, the home block.

* ``/crieurs/<place>/`` for each place of the gazetteer with a crier: the posts
  marked ``declaimed`` there (selected, never refused — the criers' sheets' rule),
  round by round, one post to a screen, as they are to be spoken (hashtags and
  handles set apart, in small type), the next one a tap away, the time of the next
  round always in view, and the round's printable sheet linked when
  ``inventaire live`` (or ``inventaire criers``) made it.
* ``/mur/``: the latest selected posts in large type, one after the other, for a
  screen in a public place: no link, nothing fetched from anywhere.
* ``live`` in the context, for the home page's « la journée en direct » block
  (shown only while ``LIVE_DAY`` is on): the last selected posts and the next round.

A generator of its own, run before :class:`.generator.SiteGenerator` (whose output
ends the render workers' share, :mod:`.workers`). Post text is given to the templates
as plain strings: Jinja escapes them.
"""

from __future__ import annotations

import heapq
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.generators import Generator

from inventaire.core import settings as inventaire_settings
from inventaire.core.atomic import link_or_copy
from inventaire.core.model import Post
from inventaire.core.places import Place
from inventaire.core.text.render import entities_for
from inventaire.core.text.typography import format_hour, format_time, french_spacing
from inventaire.site import workers
from inventaire.site.groups import site_places
from inventaire.site.writer import write_page

logger = logging.getLogger(__name__)

WALL_POSTS = 30  # the wall cycles through this many
HOME_POSTS = 6
ROUNDS = "criers"  # the round sheets' folder under CACHE_PATH (book/criers_hour.py)


@dataclass
class Spoken:
    """A post as a crier says it."""

    text: str
    apart: list[str]
    author: str
    time: str
    url: str


@dataclass
class Round:
    hour: int
    label: str
    posts: list[Spoken]
    sheet: str = ""  # the round's PDF, relative to the site's root, when it exists


@dataclass
class CrierPage:
    slug: str
    name: str
    url: str
    rounds: list[Round] = field(default_factory=list)


def spoken(post: Post) -> tuple[str, list[str]]:
    """The text to say (hashtags and handles taken out) and what was taken out."""
    text, apart, position = [], [], 0
    for entity in entities_for(post):
        if entity.kind in ("hashtag", "mention", "cashtag"):
            text.append(post.text[position:entity.start])
            apart.append(post.text[entity.start:entity.end])
            position = entity.end
    text.append(post.text[position:])
    said = " ".join("".join(text).split())
    return french_spacing(said), apart


def round_of(time: str) -> int | None:
    head = str(time).strip().split(":", 1)[0]
    return int(head) if head.isdigit() and int(head) < 24 else None


def crier_pages(articles: list[Any], places: dict[str, Place], book: str,
                sheets: Path) -> list[CrierPage]:
    """Each place with a crier and its rounds (hours with posts marked there)."""
    pages = {slug: CrierPage(slug, place.name, f"crieurs/{slug}/")
             for slug, place in places.items() if place.crier}
    by_round: dict[tuple[str, int], list[tuple[str, Any]]] = {}
    for article in articles:
        post = article.post
        mark = post.declaimed
        if mark is None or post.status != "selected" or post.consent == "refused":
            continue
        hour = round_of(mark.time)
        if mark.place in pages and hour is not None:
            by_round.setdefault((mark.place, hour), []).append((mark.time.zfill(5), article))
    for (slug, hour), items in sorted(by_round.items()):
        items.sort(key=lambda item: (item[0], item[1].post.sort_key()))
        posts = []
        for _time, article in items:
            text, apart = spoken(article.post)
            posts.append(Spoken(text, apart, article.post.author,
                                format_time(article.post.date), article.url))
        name = f"crieurs/{slug}/{hour:02d}h.pdf"
        sheet = f"{book}/{name}" if (sheets / slug / f"{hour:02d}h.pdf").is_file() else ""
        pages[slug].rounds.append(Round(hour, format_hour(hour), posts, sheet))
    return list(pages.values())


@dataclass
class Coming:
    """A place's next round on the home page: where, when, how many texts so far."""

    crier: CrierPage
    label: str
    count: int


@dataclass
class Live:
    """The home block's data: whether the day is on, its last posts, the next round."""

    on: bool
    posts: list[Any]
    next_round: str = ""
    coming: list[Coming] = field(default_factory=list)


def next_hour(now: datetime) -> int:
    """The round to come: 15 for any time in 14 h (the criers read at HH:00)."""
    return (now.hour + 1) % 24


def coming_rounds(criers: list[CrierPage], hour: int) -> list[Coming]:
    """Each place with a crier, its round at ``hour`` and the texts chosen for it."""
    found = []
    for crier in criers:
        here = next((r for r in crier.rounds if r.hour == hour), None)
        found.append(Coming(crier, format_hour(hour), len(here.posts) if here else 0))
    return found


class LiveGenerator(Generator):
    """Writes ``crieurs/<place>/`` and ``mur/``; puts ``live`` in the context."""

    def generate_context(self) -> None:
        articles = [a for a in self.context.get("articles", [])
                    if getattr(a, "post", None) is not None]
        # The latest first; only the few shown are put in order (heapq.nlargest is
        # sorted(..., reverse=True)[:n], ties included, without sorting the whole day).
        selected = heapq.nlargest(max(WALL_POSTS, HOME_POSTS),
                                  (a for a in articles if a.post.status == "selected"),
                                  key=lambda a: a.post.sort_key())
        places = site_places(self.settings, self.path)
        cache = Path(str(self.settings.get("CACHE_PATH") or "cache"))
        book = str(inventaire_settings.get(self.settings, "BOOK_OUTPUT"))
        self.criers = crier_pages(articles, places, book, cache / ROUNDS)
        self.wall = [self._wall_post(a) for a in selected[:WALL_POSTS]]
        on = bool(inventaire_settings.get(self.settings, "LIVE_DAY"))
        live = Live(on, selected[:HOME_POSTS])
        if on:  # the clock is read only for a live publication: builds stay reproducible
            hour = next_hour(self._now())
            live.next_round = format_hour(hour)
            live.coming = coming_rounds(self.criers, hour)
        self.context["live"] = live

    def _now(self) -> datetime:
        try:
            zone = ZoneInfo(str(self.settings.get("TIMEZONE") or "UTC"))
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        return datetime.now(zone)

    @staticmethod
    def _wall_post(article: Any) -> dict[str, str]:
        post = article.post
        return {"text": french_spacing(post.text), "author": post.author,
                "name": post.author_name, "time": format_time(post.date)}

    def _write(self, writer: Any, save_as: str, template: str, **kwargs: Any) -> None:
        write_page(self, writer, save_as, template, **kwargs)

    def generate_output(self, writer: Any) -> None:
        for page in self.criers:
            self._write(writer, f"{page.url}index.html", "crieurs", crier=page)
        self._write(writer, "mur/index.html", "mur", wall=self.wall)
        if workers.is_primary(self.context):
            self._publish_sheets()

    def _publish_sheets(self) -> None:
        """The round sheets made so far, into the output's ``livre/crieurs/``."""
        cache = Path(str(self.settings.get("CACHE_PATH") or "cache")) / ROUNDS
        if not cache.is_dir():
            return
        target = Path(self.output_path) / str(inventaire_settings.get(self.settings,
                                                                       "BOOK_OUTPUT"))
        for sheet in sorted(cache.glob("*/*h.pdf")):
            link_or_copy(sheet, target / "crieurs" / sheet.parent.name / sheet.name)
