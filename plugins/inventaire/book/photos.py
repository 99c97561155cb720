"""Photos as plates: resampled by Pillow to the print resolution at their printed size.

WeasyPrint embeds a JPEG as it is, and its ``dpi`` option only downsamples and then
re-saves without a quality setting (docs/print.md, « Images »), so the book prepares
each image itself: the size it will print at, in the edition's colour mode, at
``BOOK_PLATE_PPI``.
A source too small for its place prints smaller (never below the resolution), and a
warning names it so that the editors can find a better file.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import PIL
from PIL import Image, ImageOps

from inventaire.book.color import pillow_mode
from inventaire.book.edition import BookEdition, find_icc_profile
from inventaire.core.media import media_path
from inventaire.core.model import Media

if TYPE_CHECKING:  # WeasyPrint is imported only when a book is laid out
    from inventaire.book.fetcher import BookFetcher

logger = logging.getLogger(__name__)

# What else makes a plate's bytes: Pillow's version and the code below.
RECIPE = PIL.__version__.encode() + Path(__file__).read_bytes()

MM_PER_INCH = 25.4
JPEG_QUALITY = 90


@dataclass(frozen=True)
class Plate:
    """One photo ready to print: the prepared file and its printed size."""

    src: Path
    width_mm: float
    height_mm: float
    caption: str
    source: str
    alt: str = ""  # kept for the tagged screen edition; never printed
    url: str = ""  # what the HTML points at (see fetcher.py)
    mark: str = ""  # « vidéo », « GIF animé »: what the still stands for
    # The white that brings the plate to whole lines of the baseline grid: above it
    # under its post's text, below it when it opens a page (book/balance.py).
    above_mm: float = 0.0
    below_mm: float = 0.0


# A moving picture prints as its poster frame, marked as what it stands for.
MOVING = {"video": "vidéo", "gif": "GIF animé"}


def fit_mm(pixels: tuple[int, int], box_mm: tuple[float, float]) -> tuple[float, float]:
    """The largest size with the image's proportions that fits the box."""
    width, height = pixels
    scale = min(box_mm[0] / width, box_mm[1] / height)
    return width * scale, height * scale


def target_pixels(size_mm: tuple[float, float], ppi: int) -> tuple[int, int]:
    """Pixels for a printed size, rounded up so the resolution is never under ``ppi``."""
    return (math.ceil(size_mm[0] / MM_PER_INCH * ppi),
            math.ceil(size_mm[1] / MM_PER_INCH * ppi))


class PlateMaker:
    """Prepares the plates of one edition, caching the files between builds."""

    def __init__(self, edition: BookEdition, content: Path, cache_dir: Path,
                 fetcher: BookFetcher) -> None:
        self.edition = edition
        self.fetcher = fetcher
        self.content = content
        self.cache_dir = cache_dir / "plates"
        self.box_mm = (edition.text_width_mm,
                       edition.text_height_mm * edition.plate_max_height)
        self.too_small: list[str] = []

    def plate(self, media: Media, where: str) -> Plate | None:
        """The plate for one attached photo, or ``None`` (with a warning) if unusable.

        A video or an animated GIF prints as its poster frame (a GIF without one, as
        its own first frame) with a small mark saying what it is; a sound, or a video
        without a poster, has nothing to print.
        """
        if media.missing or not media.file:
            return None
        mark = MOVING.get(media.kind, "")
        name = media.poster or (media.file if media.kind in ("photo", "gif") else "")
        if not name:
            logger.info("%s: media: %s (%s) has no still to print — left out of the "
                        "book", where, media.file, media.kind)
            return None
        plate = self._plate(media, name, where)
        return replace(plate, mark=mark) if plate is not None and mark else plate

    def _plate(self, media: Media, name: str, where: str) -> Plate | None:
        source = media_path(self.content, name)
        if source is None:
            logger.warning("%s: media: %s names a file outside content/ — left out of the "
                           "book; name a file under content/media/", where, name)
            return None
        if not source.is_file():
            logger.warning("%s: media: %s not found — the photo is left out of the book",
                           where, name)
            return None
        try:
            with Image.open(source) as image:
                pixels = ImageOps.exif_transpose(image).size
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            logger.warning("%s: media: %s cannot be read safely (%s) — left out of the book",
                           where, name, error)
            return None
        ppi = self.edition.plate_ppi
        size_mm = fit_mm(pixels, self.box_mm)
        wanted = target_pixels(size_mm, ppi)
        if wanted[0] > pixels[0] or wanted[1] > pixels[1]:
            size_mm = (pixels[0] / ppi * MM_PER_INCH, pixels[1] / ppi * MM_PER_INCH)
            wanted = pixels
            self.too_small.append(name)
            logger.warning("%s: media: %s is too small for a full-width plate at %d ppi "
                           "(%d×%d px, needs %d px wide); it prints at %.0f mm wide — "
                           "give a larger file", where, name, ppi, pixels[0],
                           pixels[1], target_pixels(fit_mm(pixels, self.box_mm), ppi)[0],
                           size_mm[0])
        prepared = self.prepare(source, wanted)
        url = self.fetcher.register(f"plate/{prepared.name}", prepared)
        return Plate(src=prepared, width_mm=size_mm[0], height_mm=size_mm[1],
                     caption=media.caption, source=media.file, alt=media.alt, url=url)

    def convert(self, image: Image.Image) -> Image.Image:
        """To the edition's mode; CMYK through the output intent's ICC profile when there
        is one (Pillow's own RGB→CMYK puts no black in the K channel)."""
        mode = pillow_mode(self.edition.color)
        if mode == "CMYK" and image.mode == "RGB":
            profile = find_icc_profile(self.edition)
            if profile is not None:
                from PIL import ImageCms

                converted = ImageCms.profileToProfile(
                    image, ImageCms.createProfile("sRGB"), str(profile), outputMode="CMYK",
                    renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
                if converted is not None:
                    return converted
        return image.convert(mode)

    def prepare(self, source: Path, pixels: tuple[int, int]) -> Path:
        """Resample and convert once; the file name depends on everything that matters
        (the source's bytes, not its path, so that the PDF does not depend on where the
        project is; Pillow's version and this module's code, which make the file)."""
        digest = hashlib.sha256(source.read_bytes())
        digest.update(RECIPE)
        profile = find_icc_profile(self.edition) if self.edition.color == "cmyk" else None
        digest.update(f"\x00{pixels}\x00{self.edition.color}\x00{JPEG_QUALITY}\x00".encode())
        if profile is not None:
            digest.update(profile.read_bytes())
        key = digest.hexdigest()[:20]
        target = self.cache_dir / f"{key}.jpg"
        if target.is_file():
            return target
        with Image.open(source) as opened:
            image = ImageOps.exif_transpose(opened)
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            if image.size != pixels:
                image = image.resize(pixels, Image.Resampling.LANCZOS)
            image = self.convert(image)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            # No EXIF, no ICC: the photo's metadata stays out of the book.
            image.save(tmp, "JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(
                self.edition.plate_ppi, self.edition.plate_ppi))
            tmp.replace(target)
        return target


def prune_plates(cache_dir: Path, used: Iterable[Path]) -> int:
    """Delete the plates in ``cache_dir/plates`` that the edition just laid out does not
    print; returns how many.

    Plates are named by content, so a withdrawn post's photo would otherwise stay in
    the cache after the book stopped printing it (issue 18, finding 13: a rights
    request must leave nothing the project keeps). Only plates are post-specific; the
    gray and CMYK emoji conversions (``emoji/``) are the same for every post and stay.
    A leftover ``.tmp`` of a killed build goes too.
    """
    folder = cache_dir / "plates"
    if not folder.is_dir():
        return 0
    keep = {path.resolve() for path in used}
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.resolve() not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    if removed:
        logger.info("Book: %d plate(s) no longer printed deleted from %s", removed, folder)
    return removed
