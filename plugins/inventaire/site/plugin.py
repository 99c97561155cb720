"""Signal handlers of the site plugin (module level: Pelican keeps weak references)."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

import jinja2

from inventaire.core import settings as inventaire_settings
from inventaire.site import search_prefeed, writer
from inventaire.site.filters import FILTERS
from inventaire.site.generator import SiteGenerator
from inventaire.site.reader import InventaireReader
from inventaire.site.search import index_site, pagefind_binary

logger = logging.getLogger(__name__)


def add_reader(readers: Any) -> None:
    """Our reader takes ``.md`` so that posts are never read as Markdown."""
    readers.reader_classes["md"] = InventaireReader


def add_filters(pelican: Any) -> None:
    """French dates, hours and spacing for every template (the book's too)."""
    filters = dict(FILTERS)
    filters.update(pelican.settings.get("JINJA_FILTERS") or {})
    pelican.settings["JINJA_FILTERS"] = filters


# A build keeps every post, page and template alive to its end, and allocates
# millions of objects: with Python's default threshold (700) the collector ran 270
# times in a one-edit rebuild of 2,000 posts, scanning that heap, 0.16 s of 1.6 s;
# at 50,000 it runs a few times (0.05 s). Restored when the build ends.
BUILD_GC_THRESHOLD = (50_000, 20, 20)
_saved_thresholds: list[tuple[int, int, int]] = []


def collect_less(_pelican: Any) -> None:
    """``initialized``: fewer garbage collections while Pelican builds."""
    _saved_thresholds.append(gc.get_threshold())
    gc.set_threshold(*BUILD_GC_THRESHOLD)


def collect_as_before(_pelican: Any) -> None:
    """``finalized``: the thresholds the process had before the build."""
    if _saved_thresholds:
        gc.set_threshold(*_saved_thresholds.pop())


def cache_templates(generator: Any) -> None:
    """``generator_init``: Jinja keeps each compiled template in ``CACHE_PATH``.

    Every Pelican generator has its own Jinja environment and compiles the templates
    it renders again at each build: 22 compilations, 0.1 s of a one-edit rebuild of
    2,000 posts (a sixth of what is left once Pagefind is set aside). Jinja's own
    file cache keys each template by its name, path and source checksum; the
    environment's options change the compiled code too, so they name the folder.
    """
    env = getattr(generator, "env", None)
    folder = generator.settings.get("CACHE_PATH")
    if env is None or not folder or env.bytecode_cache is not None:
        return
    options = repr(sorted((k, repr(v)) for k, v in
                          (generator.settings.get("JINJA_ENVIRONMENT") or {}).items()))
    digest = hashlib.blake2b(f"{jinja2.__version__} {options}".encode(),
                             digest_size=8).hexdigest()
    path = Path(folder) / "jinja" / digest
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only cache: compile as Pelican does
        logger.debug("templates: no bytecode cache in %s (%s)", path, error)
        return
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(path))


def get_generators(_pelican: Any) -> type[SiteGenerator]:
    return SiteGenerator


def index_kept(folder: Path, settings: dict[str, Any]) -> bool:
    """Whether the search index in ``folder`` stays as it is, whatever the build
    changes (``INVENTAIRE_SEARCH_IN_PREVIEW`` False, once an index exists)."""
    return (folder / "pagefind" / "pagefind.js").is_file() and \
        not inventaire_settings.get(settings, "INVENTAIRE_SEARCH_IN_PREVIEW")


def read_search_early(pelican: Any) -> None:
    """``initialized``: a rebuild's unchanged pages go to Pagefind while Pelican works.

    See :mod:`.search_prefeed`; nothing starts on a first build (no manifest), nor
    when the index will be kept (``INVENTAIRE_SEARCH_IN_PREVIEW`` False).
    """
    output = Path(pelican.output_path)
    if index_kept(search_prefeed.PREVIOUS.get(os.path.realpath(output), output),
                  pelican.settings):
        return
    cache = pelican.settings.get("CACHE_PATH")
    search_prefeed.start(output, Path(cache) if cache else None, pagefind_binary())


def index_for_search(pelican: Any) -> None:
    """Pagefind reads the finished site, so it runs after everything is written.

    First the writer's end of build (``writer.finish``): its render manifest is
    saved and, in a folder seeded from the previous output (``output.Seed``), the
    pages nobody wrote are deleted, so a withdrawn post is not indexed. Then the
    index is made again only when some HTML page changed, appeared or went: on a
    rebuild where nothing did, the previous ``pagefind/`` is still exact. Pagefind
    reuses the previous index's files and deletes those it no longer needs
    (``search.index_site``), reading only the pages marked for search, and only
    those it has not read during the build (``search_prefeed``).

    ``INVENTAIRE_SEARCH_IN_PREVIEW`` (default True): False skips Pagefind once an
    index exists. Pagefind is still a sixth of a one-edit rebuild (it writes its whole
    index again); the preview then searches its first index, which lacks later edits
    and may still hold a post withdrawn since. ``inventaire serve`` sets it False; a
    publish build must never do so.
    """
    output = Path(pelican.output_path)
    done = writer.finish(output)
    if index_kept(output, pelican.settings):
        search_prefeed.discard(output)
        logger.info("search: index kept (INVENTAIRE_SEARCH_IN_PREVIEW is False)")
        return
    if (output / "pagefind" / "pagefind.js").is_file() and not writer.html_changed(done):
        search_prefeed.discard(output)
        logger.info("search: no page changed, index kept")
        return
    if done is None:
        search_prefeed.discard(output)
        index_site(output)
    else:
        pages, html = done.pages()
        index_site(output, pages, html, search_prefeed.take(output, pages, done.digest_of))
