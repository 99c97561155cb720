"""Emoji as inline OpenMoji SVG images, in colour or converted to the edition's colours.

With WeasyPrint 70 and HarfBuzz 6 a COLR emoji font prints blank (docs/print.md,
« Emoji »), while OpenMoji's own SVG files placed as ``<img>`` print in colour, as
vectors. The site's renderer already wraps every emoji in
``<span class="emoji" aria-label=…>``; here the characters inside that span become an
image, and the span keeps its label so that the tagged screen edition still says the
emoji's name.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from inventaire.book import color
from inventaire.book.color import convert_svg
from inventaire.core.atomic import write_atomic
from inventaire.core.fonts import openmoji_dir

if TYPE_CHECKING:  # WeasyPrint is imported only when a book is laid out
    from inventaire.book.fetcher import BookFetcher

logger = logging.getLogger(__name__)

CONVERSION = Path(color.__file__).read_bytes()  # the code that converts the colours

EMOJI_SPAN = re.compile(r'(<span class="emoji"[^>]*>)(.*?)(</span>)', re.S)
VARIATION = "\ufe0f"


def codepoints(chars: str, keep_fe0f: bool = True) -> str:
    """OpenMoji's file stem: upper-case hex code points joined by ``-``."""
    return "-".join(f"{ord(c):X}" for c in chars if keep_fe0f or c != VARIATION)


@lru_cache(maxsize=4096)
def svg_file(chars: str) -> Path | None:
    """OpenMoji's SVG for a sequence, with or without FE0F (files differ on it)."""
    folder = openmoji_dir() / "svg"
    stems = [codepoints(chars), codepoints(chars, keep_fe0f=False)]
    if VARIATION not in chars and len(chars) == 1:
        stems.append(codepoints(chars + VARIATION))
    for stem in stems:
        path = folder / f"{stem}.svg"
        if path.is_file():
            return path
    return None


class EmojiImages:
    """Finds (and for gray/cmyk, converts once) the SVG of each emoji of the book."""

    def __init__(self, mode: str, cache_dir: Path, fetcher: BookFetcher) -> None:
        self.mode = mode
        self.fetcher = fetcher
        self.cache_dir = cache_dir / f"emoji-{mode}"
        self.missing: set[str] = set()

    def image(self, chars: str, alt: str = "") -> str:
        """An ``<img>`` for the sequence; its parts one by one when OpenMoji lacks it.

        ``alt`` (the emoji's French name, already escaped) is never printed; the tagged
        screen edition needs it.
        """
        path = svg_file(chars)
        if path is not None:
            return f'<img class="emoji" src="{self.url(path)}" alt="{alt}">'
        parts = [c for c in chars if c not in (VARIATION, "\u200d")]
        found = [svg_file(c) for c in parts]
        if len(parts) > 1 and all(found):
            return "".join(f'<img class="emoji" src="{self.url(p)}" alt="{alt}">'
                           for p in found if p is not None)
        self.missing.add(chars)
        return ""

    def url(self, path: Path) -> str:
        """The URL to give WeasyPrint: OpenMoji's own file, or its converted copy."""
        name = f"emoji/{self.mode}/{path.name}"
        if self.mode == "rgb":
            return self.fetcher.register(name, path)
        svg = path.read_text(encoding="utf-8")
        # Named by what makes it: OpenMoji's file and the conversion's code.
        key = hashlib.blake2b(svg.encode() + CONVERSION, digest_size=8).hexdigest()
        target = self.cache_dir / f"{key}-{path.name}"
        if not target.is_file():
            write_atomic(target, convert_svg(svg, self.mode))
        return self.fetcher.register(name, target)

    def replace(self, content: str) -> str:
        """Article HTML with each emoji span holding an image instead of characters.

        An emoji OpenMoji does not have keeps its name in brackets rather than
        printing a missing-glyph box.
        """

        def swap(match: re.Match[str]) -> str:
            chars = html.unescape(match[2])
            label = re.search(r'aria-label="([^"]*)"', match[1])
            name = label[1] if label else "émoji"
            image = self.image(chars, name)
            if image:
                return f'<span class="emoji">{image}</span>'
            return f'<span class="emoji-name">[{name}]</span>'

        return EMOJI_SPAN.sub(swap, content)

    def report(self) -> None:
        for chars in sorted(self.missing):
            logger.warning("Book: OpenMoji has no image for the emoji %s (%s); "
                           "its name is printed instead", chars, codepoints(chars))
