"""Signal handlers of the site plugin (module level: Pelican keeps weak references).

A build of the site reads every file and writes every page into a fresh folder
(``commands/build.py``). Only the preview links, from its last build, the pages whose
inputs are unchanged (:mod:`.reuse`); a publish renders every page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings

from . import readmemo, reuse, sitemap
from .filters import FILTERS
from .generator import SiteGenerator
from .htmlpages import EditorsHTMLReader
from .live import LiveGenerator
from .reader import InventaireReader
from .search import index_site

logger = logging.getLogger(__name__)


def add_reader(readers: Any) -> None:
    """Our reader takes ``.md`` so that posts are never read as Markdown; ``.html``
    files are read by Pelican's reader and sanitised (:mod:`.htmlpages`)."""
    readers.reader_classes["md"] = InventaireReader
    for extension in EditorsHTMLReader.file_extensions:
        readers.reader_classes[extension] = EditorsHTMLReader


def add_filters(pelican: Any) -> None:
    """French dates, hours and spacing for every template; in the preview's builder,
    the templates compiled once (:class:`.readmemo.CompiledTemplates`)."""
    filters = dict(FILTERS)
    filters.update(pelican.settings.get("JINJA_FILTERS") or {})
    pelican.settings["JINJA_FILTERS"] = filters
    if readmemo.enabled(pelican.settings):  # the preview's builder: compiled once
        pelican.settings["JINJA_ENVIRONMENT"] = {
            **(pelican.settings.get("JINJA_ENVIRONMENT") or {}),
            "bytecode_cache": readmemo.TEMPLATES}


def keep_addresses(content: Any) -> None:
    """``content_object_init``: a post's file name and address, formatted once.

    Pelican formats ``save_as`` and ``url`` from the settings at every read (the
    post's metadata, slugs and source path each time), and a build reads them several
    times a post. Once the post is made they cannot change — unless Pelican's
    ``WITH_FUTURE_DATES = False`` turns a future post into a draft after this signal,
    and then they are left to Pelican. ``override_save_as`` and ``override_url`` are
    Pelican's own fields for a file's ``save_as:`` and ``url:`` metadata."""
    if getattr(content, "post", None) is None or not content.settings.get(
            "WITH_FUTURE_DATES", True):
        return
    content.override_save_as = content.save_as
    content.override_url = content.url


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
    html = sorted(set(sitemap.html_pages(output)) | kept)
    sitemap.write_sitemap(output, html, str(pelican.settings.get("SITEURL") or ""),
                          str(pelican.settings.get("TIMEZONE") or ""))
    if inventaire_settings.get(pelican.settings, "INVENTAIRE_SEARCH"):
        index_site(output, html)
    else:
        logger.info("search: no index (INVENTAIRE_SEARCH is False)")
