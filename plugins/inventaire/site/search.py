"""Full-text search with Pagefind, indexed once the whole site is written.

Pagefind reads the HTML in ``output/`` and writes a static index and its UI into
``output/pagefind/``; the browser searches that index without any server. Only what
the theme marks ``data-pagefind-body`` is indexed (the posts, the places, the
editors' pages), so lists and figures do not crowd the results. The language comes
from ``<html lang="fr">``, which gives French stemming.

Pagefind ships as a PyPI package with its binary (``pagefind[extended]``); nothing
is downloaded at build time. In a rebuild, most pages have already been read during
the build (:mod:`.search_prefeed`) and the service that read them writes the bundle.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from inventaire.site import pagefind_bundle
from inventaire.site.pagefind_service import PagefindService, ServiceError

logger = logging.getLogger(__name__)


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


def search_glob(pages: set[str], html: set[str]) -> str | None:
    """A Pagefind ``--glob`` that matches the searchable pages and as few others as it can.

    ``pages`` are the searchable pages (those marked ``data-pagefind-body``),
    ``html`` every HTML page of the build, both relative to the output folder. A
    top-level folder whose pages are all searchable (the posts) becomes
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
    whole = {top for top, names in folders.items() if names <= pages}  # once a folder
    patterns: set[str] = set()
    for name in pages:
        top, sep, _rest = name.partition("/")
        if sep and top in whole:
            patterns.add(f"{glob_escape(top)}/**/*.html")
        else:
            patterns.add(glob_escape(name))
    return "{" + ",".join(sorted(patterns)) + "}"


def exact_glob(pages: set[str]) -> str:
    """A Pagefind glob that matches exactly ``pages`` (relative to the site).

    Pages that differ only in their middle folders share one alternation,
    ``{colophon/index.html,post/{1,2}/index.html}``: the glob is compiled to one
    expression, and Pagefind gives up on one that lists 10,000 whole paths.
    """
    groups: dict[tuple[str, str], set[str]] = {}
    patterns: set[str] = set()
    for name in pages:
        parts = name.split("/")
        if len(parts) < 3:
            patterns.add(glob_escape(name))
        else:
            groups.setdefault((parts[0], parts[-1]), set()).add("/".join(parts[1:-1]))
    for (top, last), middles in groups.items():
        choice = ",".join(sorted(glob_escape(middle) for middle in middles))
        patterns.add(f"{glob_escape(top)}/{{{choice}}}/{glob_escape(last)}")
    return "{" + ",".join(sorted(patterns)) + "}"


def glob_escape(name: str) -> str:
    """A path as a literal in Pagefind's glob syntax (wax)."""
    return "".join("\\" + c if c in "\\*?[]{}()<>,:!#$" else c for c in name)


def index_site(output: Path, pages: set[str] | None = None,
               html: set[str] | None = None,
               service: PagefindService | None = None) -> bool:
    """Run Pagefind on ``output``, reusing what a previous bundle already holds.

    ``pages`` and ``html`` (see :func:`search_glob`), when the build knows them,
    restrict what Pagefind reads. ``service``, a Pagefind service that has already
    read every searchable page (:mod:`.search_prefeed`), writes the bundle in place
    of a new Pagefind run; this function ends it. The previous ``output/pagefind/``
    is kept: its top-level files are unlinked, Pagefind adds the hashed files it
    lacks, and the ones the new index does not name are deleted
    (:mod:`.pagefind_bundle`). When the old bundle cannot be read, or Pagefind fails
    on it, the index is made from scratch. A failure is logged, never fatal for the
    build.
    """
    binary = pagefind_binary()
    if binary is None:
        if service is not None:
            service.close()
        logger.warning("search: pagefind is not installed — run 'make install' "
                       "(the site builds, /recherche/ will find nothing)")
        return False
    bundle = output / "pagefind"
    command = [binary, "--site", str(output), "--output-subdir", "pagefind",
               "--force-language", "fr", "--silent"]
    pattern = search_glob(pages or set(), html or set())
    if pattern is not None:
        command += ["--glob", pattern]
    reused = bundle.is_dir() and not bundle.is_symlink() and \
        pagefind_bundle.referenced(bundle) is not None
    if reused:
        pagefind_bundle.unshare_top_level(bundle)
    else:
        _remove(bundle)
    failure = _run(command, bundle, service)
    if failure is None and not reused:
        logger.info("search: indexed %s", output)
        return True
    if failure is None:
        names = pagefind_bundle.referenced(bundle)
        if names is not None:
            deleted = pagefind_bundle.prune(bundle, names)
            logger.info("search: indexed %s (%d files of the previous index deleted)",
                        output, deleted)
            return True
    if reused:  # start again from nothing rather than leave a mixed bundle
        logger.info("search: the previous index could not be reused; indexing anew")
        _remove(bundle)
        failure = _run(command, bundle, None)
        if failure is None:
            return True
    logger.warning("search: pagefind failed %s", failure or "(its index cannot be read)")
    return False


def _run(command: list[str], bundle: Path, service: PagefindService | None) -> str | None:
    """Write the bundle: through ``service`` (then ended) when given, else, or when it
    fails, with the command. None once written, else what Pagefind said."""
    if service is not None:
        try:
            service.write_files(str(bundle))
            return None
        except ServiceError as error:
            logger.info("search: %s; Pagefind reads every page again", error)
        finally:
            service.close()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return None
    return f"({result.returncode}): {(result.stderr or result.stdout).strip()[-500:]}"


def _remove(bundle: Path) -> None:
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.exists():
        shutil.rmtree(bundle)
