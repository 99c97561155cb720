"""Pagefind reads a rebuild's unchanged pages while Pelican is still at work.

Pagefind reads every searchable page at the end of every build: 0.45 s of a
one-edit rebuild of 2,000 posts that takes 1.3 s, while the second core sits idle
as Pelican reads and renders. Most of those pages are the previous build's, byte for
byte. At ``initialized``, :func:`start` guesses which: the pages of posts and
editors' pages whose source file has the stamp it had when the page was written (the
render manifest records both, ``writer.SOURCES_KEY``) and whose file in the previous
output is still the one written then. A Pagefind service (:mod:`.pagefind_service`)
reads them on the other core during the build.

At ``finalized``, :func:`take` checks the guess against what the writer did: when
every page read early still has the bytes it had, the service reads the other
searchable pages and is handed to ``search.index_site`` to write the bundle; when
one changed or went (a template or setting changed, a post moved in time), the
service is dropped and Pagefind reads the finished site as on a first build. A wrong
guess costs time, never a stale index.

The index holds the same pages and words as one made in a single pass; only
Pagefind's page numbers follow the reading order, as they already follow the order
in which the folder lists its files.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventaire.commands.cpus import beside_pelican, helper_cpus
from inventaire.site.pagefind_service import PagefindService, ServiceError
from inventaire.site.render_keys import file_stamp
from inventaire.site.search import exact_glob
from inventaire.site.writer import MANIFEST, SOURCES_KEY, load_manifest, stamp_of

logger = logging.getLogger(__name__)

# As search.index_site's ``--force-language fr``.
CONFIG = {"force_language": "fr"}
# Pages named in one glob: Pagefind compiles a glob to one expression and refuses
# one that is too large (10,000 whole paths were; 10,000 post folders were not).
GLOB_PAGES = 5000
# Up to this many pages left for the end are sent one by one rather than found by a
# walk of the output folder (2,200 folders at 2,000 posts: 0.07 s).
FEW_PAGES = 100


@dataclass
class Prefeed:
    """A service reading the previous build's pages: which, with their digests."""

    service: PagefindService
    pages: dict[str, str]  # output name → digest of the bytes being read
    requests: list[int]  # the AddDir requests reading them


# Folder being built (real path) → its early reading; and, for a build into a new
# folder seeded from the previous output (build.py), that previous output.
STARTED: dict[str, Prefeed] = {}
PREVIOUS: dict[str, Path] = {}


def unchanged_pages(manifest: dict[str, Any], previous: Path) -> dict[str, str]:
    """The searchable pages of the last build whose source and file are as they were.

    Only pages that show one post or one editors' page have a recorded source; the
    others (places) are read at the end with whatever the build changed.
    """
    sources = manifest.get(SOURCES_KEY)
    if not isinstance(sources, dict):
        return {}
    pages: dict[str, str] = {}
    for name, source in sources.items():
        entry = manifest.get(name)
        if not (isinstance(entry, list) and len(entry) == 5 and entry[2]
                and isinstance(source, list) and len(source) == 3):
            continue
        if list(file_stamp(str(source[0]))[1:]) != source[1:]:
            continue  # edited since: its page will change
        if stamp_of(previous / name) != entry[3:5]:
            continue  # not the file the manifest describes
        pages[name] = str(entry[1])
    return pages


def start(output: Path, cache: Path | None, binary: str | None) -> None:
    """``initialized``: a service starts reading the pages :func:`unchanged_pages` finds."""
    key = os.path.realpath(output)
    discard(output)
    cpus = helper_cpus()
    if binary is None or cache is None or cpus == set() or \
            (cpus is None and (os.cpu_count() or 1) < 2):
        return  # on one CPU, reading early would only slow Pelican down
    previous = PREVIOUS.get(key, output)
    pages = unchanged_pages(load_manifest(cache / MANIFEST), previous)
    if not pages:
        return
    try:
        service = PagefindService(binary, CONFIG, beside_pelican())
    except ServiceError as error:
        logger.info("search: the previous pages are read at the end (%s)", error)
        return
    try:
        requests = read_folder(service, previous, set(pages))
    except ServiceError as error:
        service.close()
        logger.info("search: the previous pages are read at the end (%s)", error)
        return
    STARTED[key] = Prefeed(service, pages, requests)


def read_folder(service: PagefindService, root: Path, pages: set[str]) -> list[int]:
    """Ask the service to read ``pages`` under ``root``, in globs of GLOB_PAGES."""
    names = sorted(pages)
    return [service.add_directory(str(root), exact_glob(set(names[i:i + GLOB_PAGES])))
            for i in range(0, len(names), GLOB_PAGES)]


def take(output: Path, searchable: set[str],
         digest_of: Callable[[str], str | None]) -> PagefindService | None:
    """``finalized``: the service, having read every page of ``searchable``, or None.

    None when no early reading started, when a page read early was changed or
    deleted by the build, or when the service failed; its process is then ended.
    """
    prefeed = STARTED.pop(os.path.realpath(output), None)
    if prefeed is None:
        return None
    changed = sorted(name for name, digest in prefeed.pages.items()
                     if name not in searchable or digest_of(name) != digest)
    if changed:
        logger.info("search: %d page(s) read during the build changed since (%s); "
                    "every page is read again", len(changed), changed[0])
        prefeed.service.close()
        return None
    service = prefeed.service
    try:
        read = sum(service.wait(request).get("page_count", 0) for request in prefeed.requests)
        rest = searchable - prefeed.pages.keys()
        if len(rest) > FEW_PAGES:  # Pagefind walks the folder, reading pages in parallel
            requests = read_folder(service, output, rest)
        else:  # a walk of the whole folder would cost more than the pages
            requests = [service.add_file(name, (output / name).read_text(encoding="utf-8"))
                        for name in sorted(rest)]
        for request in requests:
            service.wait(request)
    except (ServiceError, OSError, UnicodeDecodeError) as error:
        logger.info("search: %s; every page is read again", error)
        service.close()
        return None
    logger.info("search: %s pages read during the build, %d after it", read, len(rest))
    return service


def discard(output: str | Path) -> None:
    """End an early reading nobody took (a build that failed, or kept its index)."""
    prefeed = STARTED.pop(os.path.realpath(output), None)
    if prefeed is not None:
        prefeed.service.close()
