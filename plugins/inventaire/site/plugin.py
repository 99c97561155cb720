"""Signal handlers of the site plugin (module level: Pelican keeps weak references).

A build of the site reads every file and writes every page into a fresh folder
(``commands/build.py``). Only the preview links, from its last build, the pages whose
inputs are unchanged (:mod:`.reuse`); a publish renders every page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.contents import Article, Page
from pelican.utils import order_content

from inventaire.core import settings as inventaire_settings

from . import articlememo, readmemo, reuse, sitemap
from .filters import FILTERS
from .generator import SiteGenerator
from .htmlpages import EditorsHTMLReader
from .live import LiveGenerator
from .reader import InventaireReader
from .search import index_site

logger = logging.getLogger(__name__)

COMPILED_TEMPLATES = "inventaire_compiled_templates"  # in a build's shared context


def add_reader(readers: Any) -> None:
    """Our reader takes ``.md`` so that posts are never read as Markdown; ``.html``
    files are read by Pelican's reader and sanitised (:mod:`.htmlpages`)."""
    readers.reader_classes["md"] = InventaireReader
    for extension in EditorsHTMLReader.file_extensions:
        readers.reader_classes[extension] = EditorsHTMLReader


def add_filters(pelican: Any) -> None:
    """French dates, hours and spacing for every template.

    Jinja's ``auto_reload`` is turned off: it looks at each template file's date
    every time a page asks for it (every ``extends`` and ``import``, several times a
    page). A build makes its environments new and the templates do not change during
    it; the preview's builder starts each build with new ones too."""
    filters = dict(FILTERS)
    filters.update(pelican.settings.get("JINJA_FILTERS") or {})
    pelican.settings["JINJA_FILTERS"] = filters
    pelican.settings["JINJA_ENVIRONMENT"] = {
        **(pelican.settings.get("JINJA_ENVIRONMENT") or {}), "auto_reload": False}


def share_templates(generator: Any) -> None:
    """``generator_init``: the templates compiled once (Jinja's bytecode cache,
    :class:`.readmemo.CompiledTemplates`) — once per build, where Pelican compiled
    them again for each generator's environment, and once for all the builds of the
    preview's builder. Set on the environment, not in ``JINJA_ENVIRONMENT``: the
    settings are described in the build's signatures, and a cache is no setting."""
    environment = getattr(generator, "env", None)
    if environment is None:
        return
    if readmemo.enabled(generator.settings):
        environment.bytecode_cache = readmemo.TEMPLATES
    else:  # this build's generators share the build's context
        environment.bytecode_cache = generator.context.setdefault(
            COMPILED_TEMPLATES, readmemo.CompiledTemplates())


def keep_addresses(content: Any) -> None:
    """``content_object_init``: a post's or a page's file name and address, formatted once.

    Pelican formats ``save_as`` and ``url`` from the settings at every read (the
    post's metadata, slugs and source path each time), and a build reads them several
    times a post, and every page of the site links to each editors' page (the menu).
    Once the post is made they cannot change — unless Pelican's
    ``WITH_FUTURE_DATES = False`` turns a future post into a draft after this signal,
    and then they are left to Pelican. ``override_save_as`` and ``override_url`` are
    Pelican's own fields for a file's ``save_as:`` and ``url:`` metadata."""
    post = getattr(content, "post", None) is not None and content.settings.get(
        "WITH_FUTURE_DATES", True)
    if not (post or isinstance(content, Page)):
        return
    content.override_save_as, content.override_url = addresses(content)


def keep_articles(generator: Any) -> None:
    """``article_generator_init``: in the preview's builder, the posts Pelican made in
    the last build and whose inputs did not change are taken from memory
    (:mod:`.articlememo`); :func:`keep_addresses` is the one handler of their making
    that the memory keeps the work of."""
    articlememo.install(generator, frozenset({keep_addresses}))


def addresses(content: Any) -> tuple[str, str]:
    """``save_as`` and ``url`` as Pelican's ``get_url_setting`` gives them (the
    content's own ``save_as:``/``url:`` first, else the setting of its kind, status and
    language), with Pelican's ``url_format`` read once for both instead of once each.
    Another content class (a subclass may choose other settings) asks Pelican."""
    kind = {Article: "article", Page: "page"}.get(type(content))
    if kind is None:
        return content.save_as, content.url
    if content.status == "draft":
        kind = "draft" if kind == "article" else "draft_page"
    lang = "" if content.in_default_lang else "lang_"
    fields: UrlFields | None = None
    found: list[str] = []
    for key in ("save_as", "url"):
        given = getattr(content, f"override_{key}", None)
        if given is None:
            fields = UrlFields(content) if fields is None else fields
            given = str(content.settings[f"{kind}_{lang}{key}".upper()]).format_map(fields)
        found.append(given)
    return found[0], found[1]


class UrlFields(dict[str, Any]):
    """Pelican's ``url_format`` fields, all of them made only when a pattern asks for
    one other than the slug: the posts' addresses ask for the slug alone, and
    ``url_format`` copies the metadata and works out the source's relative path and
    the author's slug for every post at every build."""

    def __init__(self, content: Any) -> None:
        super().__init__(slug=getattr(content, "slug", ""))  # as url_format sets it
        self.content = content
        self.whole = False

    def __missing__(self, key: str) -> Any:
        if self.whole:
            raise KeyError(key)
        self.whole = True
        self.update(self.content.url_format)
        return self[key]


def stable_order(generator: Any) -> None:
    """``article_generator_pretaxonomy``: posts of the same second in one order at
    every build.

    Pelican lists the files it reads in a set, whose order changes from one run to
    the next, and sorts them by date only: two posts of the same second then came in
    either order, on the hour, hashtag and author pages and in the feeds, and two
    builds of one project differed. The lists are put in file order first, then
    sorted again as ``ARTICLE_ORDER_BY`` says (a stable sort keeps the file order
    among equals), before Pelican groups them."""
    order = generator.settings.get("ARTICLE_ORDER_BY")
    for name in ("articles", "hidden_articles", "drafts"):
        items = list(getattr(generator, name, None) or ())
        items.sort(key=lambda item: item.source_path or "")
        setattr(generator, name, order_content(items, order))


def get_generators(_pelican: Any) -> tuple[type[LiveGenerator], type[SiteGenerator]]:
    """The live pages first: SiteGenerator's output ends the render workers' share."""
    return LiveGenerator, SiteGenerator


def finish(pelican: Any) -> None:
    """``finalized``: the sitemap, then the search index, over the finished site.

    One handler, so the order does not depend on how signals order receivers. Every
    page is written by then: the render workers were joined at the end of the last
    generator that renders pages (``SiteGenerator.generate_output``).
    """
    if not readmemo.enabled(pelican.settings):
        readmemo.forget()  # what the cores parsed for this build only
    output = Path(pelican.output_path)
    # The preview's pages kept in place are in output/, not in this build's folder.
    kept = reuse.kept_pages(Path(str(pelican.settings.get("CACHE_PATH") or "cache")))
    html = sorted(set(sitemap.html_pages(output))
                  | {name for name in kept if name.endswith(".html")})  # not the feed
    sitemap.write_sitemap(output, html, str(pelican.settings.get("SITEURL") or ""),
                          str(pelican.settings.get("TIMEZONE") or ""))
    if inventaire_settings.get(pelican.settings, "INVENTAIRE_SEARCH"):
        index_site(output, html)
    else:
        logger.info("search: no index (INVENTAIRE_SEARCH is False)")
