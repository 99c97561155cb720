"""Full-text search with Pagefind, indexed once the whole site is written.

Pagefind reads the HTML in ``output/`` and writes a static index and its UI into
``output/pagefind/``; the browser searches that index without any server. Only what
the theme marks ``data-pagefind-body`` is indexed (the posts, the places, the
editors' pages), so lists and figures do not crowd the results. The language comes
from ``<html lang="fr">``, which gives French stemming.

Pagefind ships as a PyPI package with its binary (``pagefind[extended]``); nothing
is downloaded at build time. It runs once, at the end of every build, over a fresh
output folder: the index never holds a page of an older build.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from . import pagemarks

logger = logging.getLogger(__name__)

# The attribute by which the theme marks what Pagefind indexes.
SEARCH_MARK = pagemarks.MARK.encode()


@functools.cache
def pagefind_binary() -> str | None:
    """The binary of the ``pagefind`` package, or None when it is not installed.

    Found as the package's ``pagefind.service.get_executable`` finds it (the
    ``PAGEFIND_BINARY_PATH`` variable, then the binary packages), without importing
    that module: it imports asyncio, 0.04 s of every build.
    """
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named:
        return named
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(package).get_executable()
        except ImportError:
            continue
        except Exception:  # the package raises a bare error when no binary fits here
            return None
        return str(Path(found).resolve())
    return None


def searchable_pages(output: Path, html: list[str],
                     noted: Mapping[str, pagemarks.Note] | None = None) -> set[str]:
    """The pages of ``html`` (relative to ``output``) marked for search, found in the
    pages themselves (a search for the mark in each page's bytes), so the list
    follows the templates whatever they mark. A page the writer ``noted``
    (:mod:`.pagemarks`) is not read again while its file has the noted size."""
    marked: set[str] = set()
    noted = noted or {}
    for page in html:
        note = noted.get(page)
        if note is not None:
            try:
                size = os.stat(output / page).st_size
            except OSError:
                size = -1
            if size == note[1]:
                if note[0]:
                    marked.add(page)
                continue
        with open(output / page, "rb") as handle:
            if SEARCH_MARK in handle.read():
                marked.add(page)
    return marked


def search_glob(pages: set[str], html: set[str]) -> str | None:
    """A Pagefind ``--glob`` that matches the searchable pages and as few others as it can.

    A top-level folder whose pages are all searchable (the posts) becomes
    ``folder/**/*.html``; other searchable pages are named one by one. Pagefind
    leaves out unmarked pages anyway once one page is marked, but only after reading
    them: the lists of the hours, authors and hashtags are half the site's bytes.
    None (index everything) when no page is marked.
    """
    if not pages:
        return None
    folders: dict[str, set[str]] = {}
    for name in html | pages:
        top, sep, _rest = name.partition("/")
        if sep:
            folders.setdefault(top, set()).add(name)
    whole = {top for top, names in folders.items() if names <= pages}
    patterns: set[str] = set()
    for name in pages:
        top, sep, _rest = name.partition("/")
        if sep and top in whole:
            patterns.add(f"{glob_escape(top)}/**/*.html")
        else:
            patterns.add(glob_escape(name))
    return "{" + ",".join(sorted(patterns)) + "}"


def glob_escape(name: str) -> str:
    """A path as a literal in Pagefind's glob syntax (wax)."""
    return "".join("\\" + c if c in "\\*?[]{}()<>,:!#$" else c for c in name)


def index_site(output: Path, html: list[str]) -> bool:
    """Run Pagefind once on the finished ``output`` (whose HTML pages are ``html``); a
    failure is logged, not fatal."""
    noted = pagemarks.take(output)
    binary = pagefind_binary()
    if binary is None:
        logger.warning("search: pagefind is not installed — run 'make install' "
                       "(the site builds, /recherche/ will find nothing)")
        return False
    command = [binary, "--site", str(output), "--output-subdir", "pagefind",
               "--force-language", "fr", "--silent"]
    pattern = search_glob(searchable_pages(output, html, noted), set(html))
    if pattern is not None:
        command += ["--glob", pattern]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        logger.warning("search: pagefind failed (%d): %s", result.returncode,
                       (result.stderr or result.stdout).strip()[-500:])
        return False
    logger.info("search: indexed %s", output)
    return True
