"""Hashtag and author pages: in pages of posts, without Pelican's quadratic lists.

Pelican's ArticlesGenerator hands every tag, author and category page a ``dates``
list made by testing each article of the day for membership in the page's own list
(``[a for a in self.dates if a in articles]``). That costs the number of articles
times the summed sizes of the pages: 4.6 s of a 10,000-post build against 0.2 s at
2,000, most of the growth of the cost per post, spent before a single page is
rendered. The same list is the page's articles sorted as ``self.dates`` is sorted
(by date, newest first when ``NEWEST_FIRST_ARCHIVES``; Python's sort is stable, so
ties keep the order of ``self.articles``), which costs one sort of the page alone.

The pages are cut into pages of ``INVENTAIRE_LIST_PAGE_SIZE`` posts in time order
(``/mot-diese/jdtap/``, ``/mot-diese/jdtap/2/``…). The day's own hashtag lists every
post: one page of 2,000 posts weighed 2 MB. Each page gets only its own posts as
``articles`` and ``dates``.
The template also gets ``post_count``, ``first_post`` (the item's earliest post),
``list_page`` and ``list_pages`` (:class:`ListPage`: number, address, first and
last time, to label the pages by the hours they cover), and ``previous_item`` /
``next_item``, the neighbouring items in the list's order as ``(item, articles)``.

:func:`bind` (``article_generator_finalized``) replaces the three methods on the
generator instance; templates, context and the other arguments stay Pelican's.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from operator import attrgetter
from typing import Any

from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

from inventaire.core import settings as inventaire_settings

logger = logging.getLogger(__name__)

# Pelican's method → (template and keyword of the page's item, generator attribute).
TAXONOMIES = {
    "generate_tags": ("tag", "tags"),
    "generate_categories": ("category", "categories"),
    "generate_authors": ("author", "authors"),
}


def bind(generator: Any) -> None:
    """Write ``generator``'s taxonomy pages with :func:`write_pages` (signal handler)."""
    if not isinstance(generator, ArticlesGenerator):
        return
    for method, (kind, attribute) in TAXONOMIES.items():
        setattr(generator, method, partial(write_pages, generator, kind, attribute))


def in_date_order(articles: list[Any], newest_first: bool) -> list[Any]:
    """``articles`` as Pelican's ``dates`` lists them: by date, each article once."""
    unique = list({id(article): article for article in articles}.values())
    return sorted(unique, key=attrgetter("date"), reverse=newest_first)


@dataclass(frozen=True)
class ListPage:
    """One page of a hashtag's or an author's posts, as the pager shows it."""

    number: int
    url: str
    start: datetime | None  # the first post's time
    end: datetime | None  # the last post's time


def page_address(save_as: str, url: str, number: int) -> tuple[str, str]:
    """Where page ``number`` goes: ``tag/index.html`` → ``tag/2/index.html``, url
    ``tag/2/``; a page not named ``index.html`` becomes ``name-2.html``."""
    if number == 1:
        return save_as, url
    folder, leaf = posixpath.split(save_as)
    if leaf == "index.html":
        base = url if url.endswith("/") or not url else url.rsplit("/", 1)[0] + "/"
        return posixpath.join(folder, str(number), leaf), f"{base}{number}/"
    stem, extension = posixpath.splitext(save_as)
    url_stem, url_extension = posixpath.splitext(url)
    return f"{stem}-{number}{extension}", f"{url_stem}-{number}{url_extension}"


def paginate(posts: list[Any], size: int, save_as: str,
             url: str) -> list[tuple[ListPage, list[Any], str]]:
    """``posts`` in pages of ``size`` (0: one page): each page's :class:`ListPage`,
    posts and file."""
    size = size if size > 0 else max(len(posts), 1)
    chunks = [posts[i:i + size] for i in range(0, len(posts), size)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        target, address = page_address(save_as, url, number)
        start = getattr(chunk[0], "date", None) if chunk else None
        end = getattr(chunk[-1], "date", None) if chunk else None
        pages.append((ListPage(number, address, start, end), chunk, target))
    return pages


def write_pages(generator: ArticlesGenerator, kind: str, attribute: str,
                write: Any) -> None:
    """The pages of every tag, category or author, with the arguments Pelican gives
    them (``articles`` and ``dates`` being the page's own posts) and the pager's."""
    template = generator.get_template(kind)
    items = getattr(generator, attribute)
    pairs = items.items() if isinstance(items, dict) else items
    newest_first = bool(generator.context["NEWEST_FIRST_ARCHIVES"])
    size = int(inventaire_settings.get(generator.settings, "INVENTAIRE_LIST_PAGE_SIZE") or 0)
    pairs = list(pairs)
    # Neighbours in the order of the list of all items (by slug, as its template);
    # the pages are written in Pelican's order.
    listed_items = sorted((pair for pair in pairs if pair[0].save_as),
                          key=lambda pair: str(pair[0].slug))
    where = {id(pair[0]): index for index, pair in enumerate(listed_items)}
    for item, articles in pairs:
        if not item.save_as:  # no page for this kind (places: the site's own pages)
            continue
        index = where[id(item)]
        previous_item = listed_items[index - 1] if index > 0 else None
        next_item = listed_items[index + 1] if index + 1 < len(listed_items) else None
        posts = in_date_order(articles, newest_first)
        pages = paginate(posts, size, item.save_as, item.url)
        listed = tuple(page for page, _chunk, _save_as in pages)
        first = (posts[-1] if newest_first else posts[0]) if posts else None
        for page, chunk, save_as in pages:
            try:
                write(save_as, template, generator.context,
                      url=page.url, articles=chunk, dates=chunk,
                      template_name=kind, blog=True, page_name=item.page_name,
                      all_articles=generator.articles, post_count=len(posts),
                      first_post=first, list_page=page, list_pages=listed,
                      previous_item=previous_item, next_item=next_item, **{kind: item})
            except FileOverwriteFailedError:
                if item.slug:
                    logger.error('Failed to write %s page for "%s".', kind, item)
                    raise
                logger.info('%s "%s" has an invalid slug; skipping writing its page...',
                            kind.capitalize(), item,
                            extra={"limit_msg": f"Further {attribute} with invalid slugs."})
                break
