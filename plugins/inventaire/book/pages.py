"""The last edition's manifest, ``cache/book/edition/pages.json``, read without WeasyPrint.

The book is its own step (:mod:`.step`); the site only needs what it laid out: the
editions (title, path, page count, size) for the book's page, and each post's page
for its permalink. Reading them here costs a JSON file, not the import of the
layout engine, so a site-only build or a preview stays light.

The format::

    {"editions": [{"name": "livre", "title": "…", "path": "livre/livre.pdf",
                   "pages": 48, "size_bytes": 123456}, …],
     "posts": {"twitter:325115521986420736": 17, …},
     "files": ["couverture.pdf", "crieurs/place-de-la-bastille.pdf", "livre.pdf", …],
     "media": ["media/325115521986420736-1.jpg", …],
     "pages": 48,
     "signature": "<sha-256 of everything the book read>"}

``files`` lists the files of the edition folder (relative paths): the step is
skipped only when every one of them is there. ``media`` lists the photos the posts
named, whose bytes the signature covers (:mod:`.inputs`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EDITION_FOLDER = ("book", "edition")
MANIFEST = "pages.json"

PostKey = tuple[str, str]


def edition_folder(cache: Path) -> Path:
    """Where the book's files land: ``<CACHE_PATH>/book/edition``."""
    return cache.joinpath(*EDITION_FOLDER)


def post_key(key: PostKey) -> str:
    """``("twitter", "325…")`` → ``"twitter:325…"`` (JSON keys are strings)."""
    return f"{key[0]}:{key[1]}"


def parse_post_key(text: str) -> PostKey:
    network, _, post_id = text.partition(":")
    return network, post_id


@dataclass
class Manifest:
    """What ``pages.json`` holds."""

    editions: list[dict[str, Any]] = field(default_factory=list)
    post_pages: dict[PostKey, int] = field(default_factory=dict)
    screen_pages: dict[PostKey, int] = field(default_factory=dict)  # in livre-ecran.pdf
    files: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    pages: int = 0
    signature: str = ""

    def to_json(self) -> str:
        return json.dumps({
            "editions": self.editions,
            "posts": {post_key(k): v for k, v in sorted(self.post_pages.items())},
            "screen_posts": {post_key(k): v for k, v in sorted(self.screen_pages.items())},
            "files": sorted(self.files),
            "media": sorted(self.media),
            "pages": self.pages,
            "signature": self.signature,
        }, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def complete(self, folder: Path) -> bool:
        """Whether every file the manifest lists is in ``folder``."""
        return all((folder / name).is_file() for name in self.files)


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of the edition in ``folder``; ``None`` when absent or unreadable."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(
            editions=[dict(e) for e in data["editions"]],
            post_pages={parse_post_key(k): int(v) for k, v in data["posts"].items()},
            screen_pages={parse_post_key(k): int(v)
                          for k, v in data.get("screen_posts", {}).items()},
            files=[str(f) for f in data.get("files", [])],
            media=[str(m) for m in data.get("media", [])],
            pages=int(data.get("pages", 0)),
            signature=str(data.get("signature", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def read_pages(cache: Path) -> tuple[list[dict[str, Any]], dict[PostKey, int]] | None:
    """The last edition's ``(editions, post_pages)``, post pages keyed like
    ``Post.key`` (``(network, id)``); ``None`` when no book was laid out yet."""
    manifest = read_manifest(edition_folder(cache))
    if manifest is None:
        return None
    return manifest.editions, manifest.post_pages
