"""The book as a step of its own: read the posts, lay the book out, write one edition.

The book used to be a Pelican generator, laid out again at every build even when
nothing had changed (most of a build's time). It now reads what it needs itself
(:mod:`.posts`), so it can run before, after or beside the site, and it is skipped
when the signature of everything it reads (:mod:`.inputs`) is the one recorded with
the last edition: then WeasyPrint is not even imported.

The edition lands in ``<cache>/book/edition/``: ``livre.pdf``, ``livre-ecran.pdf``,
``couverture.pdf``, ``crieurs/<place>.pdf`` and ``pages.json`` (:mod:`.pages`, which
the site reads for page numbers and sizes). It is written into a temporary sibling
folder, then renamed into place: a build killed half-way leaves the last complete
edition, or none, never half a book. The other folders of ``<cache>/book/`` (plates,
emoji) are the layout's own caches.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventaire.book.inputs import book_signature, inputs_digest, printed_media
from inventaire.book.pages import MANIFEST, Manifest, PostKey, edition_folder, read_manifest
from inventaire.book.posts import book_articles_of, read_posts
from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import PostFileError

logger = logging.getLogger(__name__)

STAGING_PREFIX = ".edition-"


@dataclass
class BookResult:
    """What the site needs of the book, and whether it was laid out this time.

    ``built`` is False when there is no new book: ``BOOK_ENABLED`` is False, or an
    error (logged) stopped it; ``editions`` and ``post_pages`` are then empty, and
    ``folder`` holds the last edition, if any, as it was.
    """

    editions: list[dict[str, Any]] = field(default_factory=list)
    post_pages: dict[PostKey, int] = field(default_factory=dict)
    folder: Path = Path()
    skipped: bool = False
    built: bool = True
    pages: int = 0
    signature: str = ""


def build_book(settings: Mapping[str, Any], content: Path, cache: Path) -> BookResult:
    """Lay out the book from ``content`` into ``cache/book/edition``, unless nothing it
    reads changed since the edition there was laid out.

    ``settings`` are the project's (Pelican's ``read_settings``); ``cache`` is its
    ``CACHE_PATH``. With ``BOOK_ENABLED`` False, or a wrong ``BOOK_*`` setting (logged
    as an error), nothing is laid out and ``built`` is False (the last edition is
    left as it was). An unreadable post file is logged as an error and left out, as
    the site leaves it out.
    """
    folder = edition_folder(cache)
    if not inventaire_settings.get(settings, "BOOK_ENABLED"):
        return BookResult(folder=folder, built=False)
    content = content.resolve()
    inputs = inputs_digest(settings, content)
    last = read_manifest(folder)
    if last is not None and last.complete(folder) and \
            book_signature(inputs, content, last.media) == last.signature:
        logger.info("Book: unchanged, laid out %d pages earlier", last.pages)
        return BookResult(last.editions, last.post_pages, folder, skipped=True,
                          pages=last.pages, signature=last.signature)
    return lay_out(settings, content, cache, inputs)


def lay_out(settings: Mapping[str, Any], content: Path, cache: Path,
            inputs: str) -> BookResult:
    """Read the posts, lay the book out, write the edition (WeasyPrint imported here)."""
    from inventaire.book.builder import build
    from inventaire.book.edition import BookSettingError
    from inventaire.book.previews import make_previews

    folder = edition_folder(cache)
    posts = read_posts(content)
    media = printed_media(posts)
    signature = book_signature(inputs, content, media)
    articles = book_articles_of(posts, settings)
    try:
        book = build(articles, dict(settings), content, cache / "book")
    except (BookSettingError, PostFileError) as error:
        logger.error("Book: %s — the book is not built", error)
        return BookResult(folder=folder, built=False)
    # The cover and two spreads as pictures for the site's book page (apercus/).
    book.files.update(make_previews(book.files, book.post_pages, book.screen_pages))
    manifest = Manifest(editions=book.editions, post_pages=book.post_pages,
                        screen_pages=book.screen_pages,
                        files=sorted(book.files), media=media, pages=book.pages,
                        signature=signature)
    begin = time.perf_counter()
    write_edition(folder, book.files, manifest)
    logger.info("Book: wrote %d files into %s in %.2f s", len(book.files) + 1, folder,
                time.perf_counter() - begin)
    return BookResult(book.editions, book.post_pages, folder, skipped=False,
                      pages=book.pages, signature=signature)


def write_edition(folder: Path, files: Mapping[str, bytes], manifest: Manifest) -> None:
    """Write the edition into a fresh sibling folder, then swap it for ``folder``.

    ``pages.json`` is written last, so a staging folder is complete when it has one;
    staging folders left by a killed build are removed at the next write.
    """
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
    try:
        os.chmod(staging, 0o755)  # mkdtemp's 0700 would follow the edition into output/
        for relative, data in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        (staging / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
        swap(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap(staging: Path, folder: Path) -> None:
    """Rename ``staging`` to ``folder``; the old edition is moved aside first and then
    deleted (two renames: between them there is no edition, never a mixed one)."""
    old = None
    if folder.exists():
        old = folder.with_name(f"{STAGING_PREFIX}old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(folder, old)
    os.replace(staging, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
