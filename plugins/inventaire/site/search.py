"""Full-text search with Pagefind, indexed once the whole site is written.

Pagefind reads the HTML in ``output/`` and writes a static index and its UI into
``output/pagefind/``; the browser searches that index without any server. Only what
the theme marks ``data-pagefind-body`` is indexed (the posts, the places, the
editors' pages), so lists and figures do not crowd the results. The language comes
from ``<html lang="fr">``, which gives French stemming.

Pagefind ships as a PyPI package with its binary (``pagefind[extended]``); nothing
is downloaded at build time.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)


def pagefind_binary() -> str | None:
    """The binary from the ``pagefind`` package, or None when it is not installed."""
    try:
        from pagefind.service import _must_get_executable
    except ImportError:
        return None
    try:
        return str(_must_get_executable().resolve())
    except Exception:  # the package raises a bare error when no binary fits this machine
        return None


def index_site(output: Path) -> bool:
    """Run Pagefind on ``output``; a failure is logged, never fatal for the build."""
    binary = pagefind_binary()
    if binary is None:
        logger.warning("search: pagefind is not installed — run 'make install' "
                       "(the site builds, /recherche/ will find nothing)")
        return False
    command = [binary, "--site", str(output), "--output-subdir", "pagefind",
               "--force-language", "fr", "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        logger.warning("search: pagefind failed (%s): %s", result.returncode,
                       (result.stderr or result.stdout).strip()[-500:])
        return False
    logger.info("search: indexed %s", output)
    return True
