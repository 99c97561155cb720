"""The criers' round: at a round hour, one sheet per place, ``crieurs/<place>/<HH>h.pdf``.

The day's sheets (:mod:`.criers`, ``crieurs/<place>.pdf``) hold every post read at a
place, laid out with the book. During the day a crier needs the next round only, as
soon as the editors have chosen it: the posts marked ``declaimed: {place, time}``
for that place and that hour (a ``time`` of ``15:00`` or ``15:20`` both belong to
the 15 h round), selected, never withdrawn or refused (:func:`.criers.sheet_posts`'s
rule), at the places of the gazetteer that have a crier (``crier: true``). The sheet
is the day's sheet — the same template, the same large type, the text set apart
from its hashtags and handles — made on its own in a second or two, without laying
the book out.

Sheets are written (atomically) into ``<cache>/criers/<place>/<HH>h.pdf``, which every
build of the site publishes under ``livre/crieurs/`` (the site's round pages link
them), and straight into the output folders given, so a crier can print one before
the next build.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from inventaire.book.criers import build_sheets, render_sheets, sheet_posts
from inventaire.book.day import load_day
from inventaire.book.edition import BookEdition
from inventaire.book.emoji import EmojiImages
from inventaire.book.layout import Renderer
from inventaire.book.posts import book_articles_of, read_posts
from inventaire.book.templates import Templates, template_folders
from inventaire.core import settings as inventaire_settings
from inventaire.core.atomic import write_atomic
from inventaire.core.places import Place
from inventaire.core.text.typography import format_day

logger = logging.getLogger(__name__)

ROUNDS = "criers"  # under CACHE_PATH


def round_hour(time: str) -> int | None:
    """The round a declaimed time belongs to: 15 for ``"15:00"`` or ``"15:20"``."""
    head = str(time).strip().split(":", 1)[0]
    return int(head) if head.isdigit() and int(head) < 24 else None


def round_posts(articles: Sequence[Any], hour: int, places: Mapping[str, Place]
                ) -> dict[str, list[Any]]:
    """Place slug → the articles to read there at ``hour``, in reading order; only
    places that have a crier."""
    chosen: dict[str, list[Any]] = {}
    for slug, items in sheet_posts(articles).items():
        place = places.get(slug)
        if place is None or not place.crier:
            continue
        here = [a for a in items if round_hour(a.post.declaimed.time) == hour]
        if here:
            chosen[slug] = here
    return chosen


def sheet_name(slug: str, hour: int) -> str:
    """``crieurs/<place>/<HH>h.pdf``, relative to the book's folder."""
    return f"crieurs/{slug}/{hour:02d}h.pdf"


def make_round(settings: Mapping[str, Any], content: Path, cache: Path, hour: int,
               outputs: Iterable[Path] = ()) -> dict[str, list[Any]]:
    """Lay out the round of ``hour`` and write its sheets; returns what each holds."""
    settings = dict(settings)
    day = load_day(content, settings)
    articles = book_articles_of(read_posts(content), settings)
    chosen = round_posts(articles, hour, day.places)
    if not chosen:
        logger.warning("criers: no post marked for %02d h at a place with a crier", hour)
        return chosen
    renderer = Renderer(content)
    emoji = EmojiImages("rgb", cache / "book", renderer.fetcher)
    label = format_day(day.date) if day.date else ""
    label = f"{label} — lecture de {hour}\u00a0h".lstrip(" —")
    sheets = build_sheets([a for items in chosen.values() for a in items], day, label, emoji)
    pdfs = render_sheets(sheets, BookEdition.from_settings(settings),
                         Templates(template_folders(settings)), renderer)
    book = str(inventaire_settings.get(settings, "BOOK_OUTPUT"))
    for slug, pdf in pdfs.items():
        write_atomic(cache / ROUNDS / slug / f"{hour:02d}h.pdf", pdf)
        for output in outputs:
            if output.is_dir():
                write_atomic(output / book / sheet_name(slug, hour), pdf)
    return chosen
