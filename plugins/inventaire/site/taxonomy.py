"""Hashtag, author and place pages without Pelican's quadratic date lists.

Pelican's ArticlesGenerator hands every tag, author and category page a ``dates``
list made by testing each article of the day for membership in the page's own list
(``[a for a in self.dates if a in articles]``). That costs the number of articles
times the summed sizes of the pages: 4.6 s of a 10,000-post build against 0.2 s at
2,000, most of the growth of the cost per post, spent before a single page is
rendered. The same list is the page's articles sorted as ``self.dates`` is sorted
(by date, newest first when ``NEWEST_FIRST_ARCHIVES``; Python's sort is stable, so
ties keep the order of ``self.articles``), which costs one sort of the page alone.

:func:`bind` (``article_generator_finalized``) replaces the three methods on the
generator instance; the pages, templates, context and arguments stay Pelican's.
"""

from __future__ import annotations

import logging
from functools import partial
from operator import attrgetter
from typing import Any

from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

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


def write_pages(generator: ArticlesGenerator, kind: str, attribute: str,
                write: Any) -> None:
    """One page per tag, category or author, with the arguments Pelican gives it."""
    template = generator.get_template(kind)
    items = getattr(generator, attribute)
    pairs = items.items() if isinstance(items, dict) else items
    newest_first = bool(generator.context["NEWEST_FIRST_ARCHIVES"])
    for item, articles in pairs:
        try:
            write(item.save_as, template, generator.context,
                  url=item.url, articles=articles,
                  dates=in_date_order(articles, newest_first),
                  template_name=kind, blog=True, page_name=item.page_name,
                  all_articles=generator.articles, **{kind: item})
        except FileOverwriteFailedError:
            if item.slug:
                logger.error('Failed to write %s page for "%s".', kind, item)
                raise
            logger.info('%s "%s" has an invalid slug; skipping writing its page...',
                        kind.capitalize(), item,
                        extra={"limit_msg": f"Further {attribute} with invalid slugs."})
