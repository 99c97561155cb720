"""How WeasyPrint reaches the book's files: stable names, and never the network.

WeasyPrint names each image in the PDF after a hash of its URL, so an absolute path
(``file:///home/…/cache/…``) would make two checkouts of the same content produce
different bytes. The book's images are therefore given as ``inventaire:<name>``, a
name that depends only on what the image is; this fetcher maps them back to files.
It also refuses ``http(s)``: nothing is fetched from the network at build time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from weasyprint.urls import URLFetcher, URLFetcherResponse

SCHEME = "inventaire"
CONTENT_TYPES = {".svg": "image/svg+xml", ".jpg": "image/jpeg", ".png": "image/png"}


class BookFetcher(URLFetcher):
    """Serves registered files under ``inventaire:`` names; local files and data URLs
    as WeasyPrint would; nothing else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data", SCHEME})
        self.files: dict[str, Path] = {}

    def register(self, name: str, path: Path) -> str:
        """The URL to write in the HTML for ``path``, known as ``name``."""
        self.files[name] = path
        return f"{SCHEME}:{name}"

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith(f"{SCHEME}:"):
            name = url[len(SCHEME) + 1:]
            path = self.files.get(name)
            if path is None:
                raise ValueError(f"the book has no file named {name!r}")
            content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        return super().fetch(url, headers)
