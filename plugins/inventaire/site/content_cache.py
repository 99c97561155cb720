"""Pelican's content cache, loaded only while what reads the posts is unchanged.

Pelican can keep what its readers returned for each file (``CACHE_CONTENT``,
``LOAD_CONTENT_CACHE``) and read a file again only when its modification time
changed. ``pelicanconf.py`` turns it on: reading 2,000 posts is 0.35 s of a
one-edit rebuild that then takes 1.2 s. But what our reader returns also depends on
the code (the post file format, :mod:`inventaire.core.text.render`) and on settings
(``INVENTAIRE_SHOW_CANDIDATES`` decides which posts are published, the slug and
Markdown settings shape the rest), which Pelican does not check: after an upgrade
or a changed setting it would serve the old reading.

So at ``initialized`` a digest of Pelican's version, the plugin's files and the
settings is compared with the one the last finished build saved; when they differ,
or nothing was saved, the cache is not loaded this time (Pelican reads every file
and saves a cache of what it read), and the new digest is saved at ``finalized``. A
build that stops halfway saves nothing, so the next one reads everything again too.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from inventaire.site.render_keys import code_stamps, digest_bytes, settings_description
from inventaire.site.writer import replace_bytes

logger = logging.getLogger(__name__)

DIGEST_FILE = "content-cache.digest"
# Settings that do not change what a file reads as: the build's folders, the
# cache's own (VOLATILE_SETTINGS), and the book's.
IGNORED_PREFIXES = ("BOOK_",)

# The digest of the build running now, by cache folder, until it is saved.
_PENDING: dict[str, str] = {}


def reading_digest(settings: dict[str, Any]) -> str:
    """What the cached readings depend on besides each file: code and settings."""
    import pelican

    # A value with no stable description is taken by its repr: with an address in
    # it, the digest is never the same and the cache is never loaded, which is safe.
    values = settings_description(
        settings, ignored=lambda key: key.startswith(IGNORED_PREFIXES), undescribed=repr)
    return digest_bytes(json.dumps([pelican.__version__, values, code_stamps()],
                                   default=str).encode())


def check(pelican: Any) -> None:
    """``initialized``: do not load a cache made by other code or other settings."""
    settings = pelican.settings
    folder = settings.get("CACHE_PATH")
    if not folder or not settings.get("CACHE_CONTENT"):
        return
    digest = reading_digest(settings)
    _PENDING[str(folder)] = digest
    try:
        saved = (Path(folder) / DIGEST_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        saved = ""
    if saved != digest and settings.get("LOAD_CONTENT_CACHE"):
        settings["LOAD_CONTENT_CACHE"] = False
        logger.info("content cache: made by other code or settings, every file is read")


def save(pelican: Any) -> None:
    """``finalized``: the cache Pelican saved was made by this build's code and settings."""
    folder = pelican.settings.get("CACHE_PATH")
    digest = _PENDING.pop(str(folder), None)
    if digest is None:
        return
    path = Path(folder) / DIGEST_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_bytes(path, (digest + "\n").encode("ascii"))
