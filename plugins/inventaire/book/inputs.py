"""Everything the book reads, as one signature: when it is unchanged the book is too.

Laying the book out is most of a build (18 of 23 s at 2,000 posts) and its result
depends only on what is listed here, so :mod:`.step` skips it when the signature
equals the one recorded with the last edition:

- the bytes of the files of ``content/`` it reads: every post, the pages (the day,
  the preface, the colophon), the places, the register of withdrawals
  (``rights.yml``), and the photos it prints;
- the settings, all of them but the build's folders (:mod:`inventaire.core.signature`);
- its templates (``book/`` of every template folder it searches), the fonts it
  points WeasyPrint at and the fallback fonts, the ICC profiles it may use;
- its own code (every ``.py`` under ``core/`` and ``book/``: :data:`CODE_ROOTS`);
- the version of every installed distribution and of Python (WeasyPrint, Pango's
  bindings, Pillow, OpenMoji and the font packages among them);
- ``SOURCE_DATE_EPOCH``, the PDFs' date.

The photos come from the posts, which are known only once read. The signature is
therefore made in two stages: :func:`inputs_digest` (no post parsed: cheap enough
for every build) and :func:`book_signature`, which adds the photos named by the
posts. The list of photos is kept with the edition: if the inputs' digest is the
same, the posts are, and so is the list, so a skipped build never parses a post.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from inventaire.book.posts import post_files
from inventaire.book.templates import template_folders
from inventaire.core import settings as inventaire_settings
from inventaire.core.fonts import FALLBACK_FONTS, garamond_files
from inventaire.core.media import media_path
from inventaire.core.model import Post
from inventaire.core.rights import REGISTER_FILE
from inventaire.core.signature import (
    Signature,
    distributions_stamp,
    file_digest,
    settings_description,
    tree_digests,
)

PACKAGE = Path(__file__).resolve().parent.parent  # plugins/inventaire
# The code the book runs: its own and core's (the reader, the renderer, the model).
CODE_ROOTS: list[Path] = [PACKAGE / "core", PACKAGE / "book"]
# Profiles edition.find_icc_profile may pick when BOOK_ICC_PROFILE is not set.
ICC_CANDIDATES = ("/usr/share/color/icc/ghostscript/default_cmyk.icc",
                  "/usr/share/color/icc/ghostscript/ps_cmyk.icc")


def _is_source(path: Path) -> bool:
    return path.suffix in (".py", ".yml", ".json", ".txt")


def inputs_digest(settings: Mapping[str, Any], content: Path) -> str:
    """The signature of every input but the photos (see the module's docstring)."""
    signature = Signature("book-inputs")
    posts = content / "posts"
    signature.add("posts", [(p.relative_to(posts).as_posix(), file_digest(p))
                            for p in post_files(content)])
    signature.add_tree("pages", content / "pages")
    rights = content / REGISTER_FILE
    signature.add("rights", file_digest(rights) if rights.is_file() else None)
    places = str(inventaire_settings.get(settings, "INVENTAIRE_PLACES_PATH"))
    signature.add_tree("places", content / places)
    signature.add("settings", settings_description(settings))
    signature.add("templates", [tree_digests(folder / "book")
                                for folder in template_folders(dict(settings))])
    fonts = [*garamond_files().values(), *(Path(p) for p in FALLBACK_FONTS)]
    signature.add("fonts", [(path.name, file_digest(path)) for path in fonts])
    icc = [str(settings.get("BOOK_ICC_PROFILE") or ""), *ICC_CANDIDATES]
    signature.add("icc", [(name, file_digest(Path(name)) if name else None) for name in icc])
    signature.add("code", [(root.name, tree_digests(root, _is_source)) for root in CODE_ROOTS])
    signature.add("distributions", distributions_stamp())
    signature.add("environment", {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH")})
    return signature.hexdigest()


def printed_media(posts: Iterable[Post]) -> list[str]:
    """The images the book may print, as the posts name them: the photos, the posters
    of videos and GIFs, and GIFs without a poster, of every selected post (a superset
    of the printable ones whatever the consent rule)."""
    names: set[str] = set()
    for post in posts:
        if post.status != "selected":
            continue
        for media in post.media:
            if media.missing or not media.file:
                continue
            if media.poster:
                names.add(media.poster)
            elif media.kind in ("photo", "gif"):
                names.add(media.file)
    return sorted(names)


def book_signature(inputs: str, content: Path, media: Iterable[str]) -> str:
    """The inputs' digest with the bytes of the photos (an absent one counts too)."""
    signature = Signature("book")
    signature.add("inputs", inputs)
    found = []
    for name in sorted(set(media)):
        path = media_path(content, name)
        found.append((name, file_digest(path) if path is not None else None))
    signature.add("media", found)
    return signature.hexdigest()
