"""Builds every file of the book in memory: interior, screen edition, cover, criers' sheets.

Nothing is written here: :mod:`.step` decides whether the book needs laying out
again, calls :func:`build` with the posts it read (:mod:`.posts`), and writes the
files it returns as one edition, atomically.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from inventaire.book.chapters import book_articles
from inventaire.book.cover import CoverView, back_posts, render_cover
from inventaire.book.criers import build_sheets, render_sheets
from inventaire.book.day import Day, load_day
from inventaire.book.edition import BookEdition, BookSettingError, find_icc_profile
from inventaire.book.emoji import EmojiImages
from inventaire.book.interior import InteriorBuilder
from inventaire.book.layout import Renderer, Timing
from inventaire.book.photos import prune_plates
from inventaire.book.templates import Templates, template_folders
from inventaire.core.day import source_date
from inventaire.core.text.typography import format_day, french_spacing

logger = logging.getLogger(__name__)


@dataclass
class BookFiles:
    """The book's files (path relative to the book's folder → bytes) and what to tell."""

    files: dict[str, bytes] = field(default_factory=dict)
    editions: list[dict[str, Any]] = field(default_factory=list)
    post_pages: dict[tuple[str, str], int] = field(default_factory=dict)  # post key → page
    screen_pages: dict[tuple[str, str], int] = field(default_factory=dict)  # … on screen
    pages: int = 0
    timings: list[Timing] = field(default_factory=list)


def creation_date(day: Day) -> str:
    """The PDFs' date: ``SOURCE_DATE_EPOCH`` when set, else midnight of the day itself,
    so that two builds of the same content are byte for byte the same."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    if day.date is None:
        return "2000-01-01T00:00:00+00:00"
    zone = ZoneInfo(day.timezone) if day.timezone else UTC
    midnight = datetime(day.date.year, day.date.month, day.date.day, tzinfo=zone)
    offset = midnight.strftime("%z")
    return midnight.strftime("%Y-%m-%dT%H:%M:%S") + f"{offset[:3]}:{offset[3:]}"


EDITION_TITLES = {
    "livre.pdf": "Livre, fichier pour l’imprimeur",
    "livre-ecran.pdf": "Livre, édition pour l’écran",
    "couverture.pdf": "Couverture",
}


def build(articles: Sequence[Any], settings: dict[str, Any], content_path: Path,
          cache_dir: Path) -> BookFiles:
    """Lay out every file of the book from ``articles``: objects with a ``post``
    (:class:`~inventaire.core.model.Post`) and a ``content`` (its text as HTML,
    :class:`.posts.BookArticle`)."""
    edition = BookEdition.from_settings(settings)
    day = load_day(content_path, settings)
    with source_date(day.midnight_epoch()):
        return lay_out(articles, settings, content_path, cache_dir, edition, day)


def lay_out(articles: Sequence[Any], settings: dict[str, Any], content_path: Path,
            cache_dir: Path, edition: BookEdition, day: Day) -> BookFiles:
    """:func:`build`'s work, the clock pinned."""
    templates = Templates(template_folders(settings))
    chosen = book_articles(articles, edition.require_consent)
    result = BookFiles()
    if not chosen:
        logger.warning("Book: no selected post is meant for the book; nothing to lay out")
        prune_plates(cache_dir, ())
        return result
    renderer = Renderer(content_path)
    trust_files(renderer, day, edition)
    site_url = str(settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "")
    builder = InteriorBuilder(edition, day, content_path, cache_dir, templates,
                              creation_date(day), site_url)
    interior = builder.build(chosen, renderer)
    result.pages = interior.pages
    result.files["livre.pdf"] = interior.print_pdf
    if interior.screen_pdf is not None:
        result.files["livre-ecran.pdf"] = interior.screen_pdf
    for post in interior.content.posts:
        result.post_pages[post.post.key] = interior.post_pages[post.anchor]
        if post.anchor in interior.screen_post_pages:
            result.screen_pages[post.post.key] = interior.screen_post_pages[post.anchor]
    date_label = format_day(day.date) if day.date else format_day(chosen[0].post.date)
    if edition.cover:
        handles = {p.author for p in interior.content.posts}
        view = CoverView(title=french_spacing(edition.title),
                         subtitle=french_spacing(edition.subtitle),
                         date_label=date_label, city=day.city,
                         author=french_spacing(edition.author or edition.sitename),
                         post_count=len(interior.content.posts),
                         contributor_count=len(handles),
                         back_posts=back_posts(interior.content.posts))
        result.files["couverture.pdf"] = render_cover(edition, interior.pages, view,
                                                      templates, renderer, edition.color)
    if edition.criers:
        sheets = build_sheets(articles, day, date_label,
                              EmojiImages("rgb", cache_dir, renderer.fetcher))
        for slug, pdf in render_sheets(sheets, edition, templates, renderer).items():
            result.files[f"crieurs/{slug}.pdf"] = pdf
    result.timings = renderer.timings
    # Every file the layouts read went through the fetcher: the plates among them are
    # the ones this edition prints (the screen edition's too); the others go.
    prune_plates(cache_dir, renderer.fetcher.files.values())
    for name, title in EDITION_TITLES.items():
        if name in result.files:
            result.editions.append({
                "name": name.removesuffix(".pdf"),
                "title": title,
                "path": f"{edition.output}/{name}",
                "pages": {"livre.pdf": interior.pages, "couverture.pdf": 1}.get(
                    name, interior.screen_pages),
                "size_bytes": len(result.files[name]),
            })
    report_timings(result)
    return result


def trust_files(renderer: Renderer, day: Day, edition: BookEdition) -> None:
    """What the layouts may read besides the plates and emoji (:mod:`.fetcher`): the
    editors' images :mod:`.editors` accepted, the CMYK profile the stylesheet names."""
    if day.editors is not None:
        for name, path in day.editors.images.items():
            renderer.fetcher.register(name, path)
    with contextlib.suppress(BookSettingError):  # a wrong setting is reported by the CSS
        profile = find_icc_profile(edition)
        if profile is not None:
            renderer.fetcher.trust(profile)


def report_timings(result: BookFiles) -> None:
    total = sum(t.seconds for t in result.timings)
    logger.info("Book: %d pages in %.1f s, %.3f s per page (%s)", result.pages, total,
                total / result.pages if result.pages else 0.0,
                ", ".join(f"{t.label} {t.seconds:.2f} s" for t in result.timings))
