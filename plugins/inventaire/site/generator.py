"""The site's own pages: the hours, the places, the map, the figures, the book, search.

Pelican's ArticlesGenerator already writes the permalinks (``/post/<id>/``), the
author and hashtag pages, the home page and the feed. This generator runs after it:
``generate_context`` cuts the published posts by hour and by place, counts the
figures, plans the photos and sets each Article's neighbours — all before any page is
written, so the permalinks can use them — and ``generate_output`` writes the pages
Pelican has no notion of.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from pelican.urlwrappers import Tag

from inventaire.core import settings as inventaire_settings
from inventaire.core.fonts import user_cache_dir
from inventaire.site import assets, pictures, reuse, workers
from inventaire.site.basemap import basemap_file
from inventaire.site.bookpages import book_page, read_book_pages
from inventaire.site.charts import bar_chart, hour_chart
from inventaire.site.citymap import CityMap
from inventaire.site.day import load_day
from inventaire.site.figures import count_figures
from inventaire.site.gallery import gallery
from inventaire.site.groups import (
    featured,
    hour_runs,
    hours_of_day,
    in_time_order,
    link_places,
    place_groups,
    place_sort_key,
    set_neighbours,
    site_places,
)
from inventaire.site.hasard import chosen_at_build, post_urls, write_list
from inventaire.site.shared import label_counts, most_shared
from inventaire.site.writer import write_page

logger = logging.getLogger(__name__)

# Page → (template, save_as). The addresses are README.md's (« Web addresses »).
SINGLE_PAGES = {
    "hours": "heure/index.html",
    "places": "lieu/index.html",
    "map": "carte/index.html",
    "figures": "chiffres/index.html",
    "book": "livre/index.html",
    "photos": "photos/index.html",
    "hasard": "hasard/index.html",
    "search": "recherche/index.html",
    "404": "404.html",
}


SCREEN_EDITION = "livre-ecran"  # the book's edition for the screen, in pages.json


class SiteGenerator(Generator):
    """Hours, places, map, figures, book and search pages of the archive."""

    ends_render_share = True  # see site/workers.py

    def generate_context(self) -> None:
        articles = in_time_order([a for a in self.context.get("articles", [])
                                  if getattr(a, "post", None) is not None])
        self.posts = articles
        for article in articles:
            # Final once the context is made; set already by plugin.keep_addresses
            # unless WITH_FUTURE_DATES is False (Pelican may make a post a draft).
            article.override_url = article.url
        posts = [a.post for a in articles]
        places = site_places(self.settings, self.path)
        groups = place_groups(articles, places)
        pages = list(self.context.get("pages", [])) + list(self.context.get("hidden_pages", []))
        day = load_day(self.settings, pages, posts)
        hours = hours_of_day(articles, day.weather, groups)
        set_neighbours(articles)
        label_counts(articles)
        self.picture_jobs: list[pictures.Derivative] = []
        output = Path(self.output_path)
        self._add_book(articles)
        for article in articles:
            article.pictures = [pictures.plan_picture(m, Path(self.path), output,
                                                      self.picture_jobs)
                                for m in article.post.media]
        figures = count_figures(posts,
                                {slug: g.name for slug, g in groups.items()},
                                day.hashtags, self._tag_url)
        self.hours = hours
        self.place_groups = sorted(groups.values(), key=lambda g: place_sort_key(g.name))
        link_places(self.place_groups)
        self.context["book_page"] = book_page(
            self.book, str(inventaire_settings.get(self.settings, "BOOK_OUTPUT")),
            {slug: g.name for slug, g in groups.items()}, self.context["book_screen_path"])
        used = [g for g in self.place_groups if g.count]
        self.context.update({
            "day": day,
            "hours": hours,
            "hour_runs": hour_runs(hours),
            "place_groups": self.place_groups,
            "used_place_groups": used,
            "featured_posts": featured(articles),
            "figures": figures,
            "posts_in_time_order": list(articles),
            "gallery": gallery(articles),
            "most_shared": most_shared(articles),
            "hasard_url": chosen_at_build(post_urls(articles)),
            "city_map": CityMap([g.summary() for g in used],
                                basemap_file(self.settings, Path(self.path))),
            "bar_chart": bar_chart,
            "hour_chart": hour_chart,
            "show_candidates": bool(inventaire_settings.get(
                self.settings, "INVENTAIRE_SHOW_CANDIDATES")),
        })

    def _add_book(self, articles: Sequence[Any]) -> None:
        """Each post's page in the book and the book's editions, from the
        ``pages.json`` the book step left (``INVENTAIRE_BOOK_PAGES``)."""
        book = read_book_pages(inventaire_settings.get(self.settings, "INVENTAIRE_BOOK_PAGES"))
        self.book = book
        self.context["book_editions"] = book.editions
        # « page 28 » opens the screen edition where the post is: its own page there,
        # which differs from the printed page (no blank pages on screen).
        screen = [e for e in book.editions if e.get("name") == SCREEN_EDITION]
        self.context["book_screen_path"] = str(screen[0]["path"]) if screen else ""
        for article in articles:
            key = f"{article.post.network}:{article.post.id}"
            if key in book.posts:
                article.book_page = book.posts[key]
                article.book_screen_page = book.screen.get(key)

    def _tag_url(self, name: str) -> str:
        return str(Tag(name, self.settings).url)

    def _write(self, writer: Any, save_as: str, template: str, **kwargs: Any) -> None:
        write_page(self, writer, save_as, template, **kwargs)

    def generate_output(self, writer: Any) -> None:
        for hour in self.hours:
            self._write(writer, f"{hour.url}index.html", "hour", hour=hour)
        for group in self.place_groups:
            self._write(writer, f"{group.url}index.html", "place", place=group)
        for template, save_as in SINGLE_PAGES.items():
            self._write(writer, save_as, template, book_editions_list=self._editions())
        if not workers.is_primary(self.context):
            return  # a render worker: the pages of its share only
        self._write_files()
        workers.join(self.context)  # the workers stop after this generator
        page_reuse = self.context.get(reuse.REUSE)
        if page_reuse is not None:  # every page is written: the preview's record
            page_reuse.save(Path(self.output_path))

    def _write_files(self) -> None:
        """What is not a page, in the parent while the workers render: photos, fonts,
        robots.txt, the posts' list of « au hasard »."""
        output = Path(self.output_path)
        cache = Path(str(self.settings.get("CACHE_PATH") or "cache")) / "pictures"
        written = pictures.write_all(self.picture_jobs, cache)
        if written:
            logger.info("pictures: encoded %d derivatives", written)
        assets.copy_fonts(output, user_cache_dir() / "fonts")
        assets.write_robots(output, self.settings.get("SITEURL", ""))
        write_list(output, post_urls(self.posts))

    def _editions(self) -> list[dict[str, Any]]:
        """The book's editions as the book plugin left them, only those on disk."""
        editions = self.context.get("book_editions") or []
        return [e for e in editions if isinstance(e, dict) and e.get("path")]

