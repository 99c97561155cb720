"""How WeasyPrint reaches the book's files: stable names, the project's files only.

WeasyPrint names each image in the PDF after a hash of its URL, so an absolute path
(``file:///home/…/cache/…``) would make two checkouts of the same content produce
different bytes. The book's images are therefore given as ``inventaire:<name>``, a
name that depends only on what the image is; this fetcher maps them back to files.

It is also the wall between the book and the rest of the machine. What it serves:

* ``inventaire:`` names the book registered: the plates (``cache/book/plates/``),
  the emoji (OpenMoji's files or their converted copies in the cache), the editors'
  images of ``content/pages/`` and ``content/media/`` (:mod:`.editors`);
* ``file:`` URLs of the files the book's own CSS names and :meth:`BookFetcher.trust`
  lists: the fonts (:mod:`inventaire.core.fonts`) and the CMYK profile.

Everything else is refused with a warning: any other ``file:`` URL (resolved,
symlinks followed, so neither ``..`` nor a link can leave the list), an absolute
path (WeasyPrint makes it a ``file:`` URL), ``http``, ``https``, ``ftp``, and
``data:``, which the book does not need (the editors' images are files; a
``data:`` image could carry anything past the checks of :mod:`.editors`). Nothing is
fetched from the network at build time, and nothing outside what the book lists is
read. The registered names travel to the parallel layouts' workers with
:attr:`BookFetcher.files`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from inventaire.core.fonts import book_font_files

logger = logging.getLogger(__name__)

SCHEME = "inventaire"
TRUSTED = "file:"  # the prefix of a trusted file's key in BookFetcher.files
CONTENT_TYPES = {".svg": "image/svg+xml", ".jpg": "image/jpeg", ".png": "image/png",
                 ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}


class BookFetcher(URLFetcher):
    """Serves registered files under ``inventaire:`` names and the trusted files by
    their ``file:`` URLs; refuses everything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", SCHEME})
        # name → file; a trusted file under "file:" + its resolved path
        self.files: dict[str, Path] = {}
        self.refused: set[str] = set()
        for font in book_font_files().values():
            self.trust(font)

    def register(self, name: str, path: Path) -> str:
        """The URL to write in the HTML for ``path``, known as ``name``."""
        self.files[name] = path
        return self.url(name)

    def url(self, name: str) -> str:
        """The URL of a registered ``name`` (what :meth:`register` returned)."""
        return f"{SCHEME}:{name}"

    def registered(self) -> list[str]:
        """The names the book registered (the trusted files are not named)."""
        return [name for name in self.files if not name.startswith(TRUSTED)]

    def trust(self, path: Path) -> None:
        """Let the book's own CSS name ``path`` by its ``file:`` URL (a font, the
        colour profile): a file of the installation, not of the editors."""
        resolved = path.resolve()
        self.files[TRUSTED + str(resolved)] = resolved

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith(f"{SCHEME}:"):
            name = url[len(SCHEME) + 1:]
            path = self.files.get(name)
            if path is None or name.startswith(TRUSTED):
                raise self.refuse(url, "the book registered no file of that name")
            content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        if url.startswith("file:") and self.trusted(url):
            return super().fetch(url, headers)
        raise self.refuse(url, "the book reads only the project's files, never the "
                               "network")

    def trusted(self, url: str) -> bool:
        """Whether the ``file:`` URL names a trusted file (symlinks followed)."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return False
        resolved = Path(url2pathname(parts.path)).resolve()
        return self.files.get(TRUSTED + str(resolved)) == resolved

    def refuse(self, url: str, why: str) -> ValueError:
        """The error WeasyPrint reports for ``url``; warned about once per build."""
        shown = url if len(url) <= 120 else url[:117] + "…"
        if url not in self.refused:
            self.refused.add(url)
            logger.warning("Book: %s refused: %s", shown, why)
        return ValueError(f"{shown}: refused ({why})")
