"""Web derivatives of the posts' photos: a ladder of widths, WebP with a JPEG fallback.

pelican-image-process rewrites ``<img>`` tags found in rendered HTML; our photos are
not in any HTML until the theme draws them, and we want ``width``/``height`` known
before the page is written, so a plan is made in ``generate_context`` (reading only
the image headers) and the files are written in ``generate_output``. Every
derivative is re-encoded by Pillow without EXIF, XMP or ICC text chunks: no camera
serial number or GPS position leaves the archive. The originals are not published.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import PIL
from PIL import Image, ImageOps, UnidentifiedImageError

from inventaire.core.media import media_path
from inventaire.core.model import Media

logger = logging.getLogger(__name__)

LADDER = (480, 800, 1200, 1600)
SIZES = "(min-width: 46rem) 40rem, calc(100vw - 2rem)"
OUT_DIR = "media"
QUALITY = {"webp": 78, "jpeg": 82}


@dataclass(frozen=True)
class Derivative:
    source: Path
    target: Path
    width: int
    fmt: str  # "webp" | "jpeg"


@dataclass
class Picture:
    """What the theme needs to draw one photo; ``missing`` ones show their alt text."""

    alt: str
    width: int = 0
    height: int = 0
    webp: list[tuple[str, int]] = field(default_factory=list)
    jpeg: list[tuple[str, int]] = field(default_factory=list)
    missing: bool = False
    caption: str = ""
    sizes: str = SIZES

    @property
    def src(self) -> str:
        """The fallback ``src``: the JPEG closest to 800 px."""
        if not self.jpeg:
            return ""
        return min(self.jpeg, key=lambda item: abs(item[1] - 800))[0]

    def srcset(self, fmt: str, siteurl: str = "") -> str:
        items = self.webp if fmt == "webp" else self.jpeg
        return ", ".join(f"{siteurl}/{url} {width}w" for url, width in items)


def ladder(width: int) -> list[int]:
    """The widths to make for an image ``width`` wide: never upscaled."""
    steps = [w for w in LADDER if w < width]
    return [*steps, min(width, LADDER[-1])]


def plan_picture(media: Media, content: Path, output: Path,
                 jobs: list[Derivative]) -> Picture:
    """The Picture for one media item; appends the files to write to ``jobs``."""
    picture = Picture(alt=media.alt, caption=media.caption)
    source = media_path(content, media.file) if media.file else None
    if media.file and source is None:
        logger.warning("%s: media file name leaves content/ — name a file under "
                       "content/media/", media.file)
    if source is None or media.missing or not source.is_file():
        picture.missing = True
        if source is not None and not media.missing:
            logger.warning("%s: media file not found — add it or mark it 'missing: true'",
                           source)
        return picture
    try:
        with Image.open(source) as image:
            width, height = image.size
            orientation = image.getexif().get(0x0112, 1)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        logger.warning("%s: not an image Pillow can read safely (%s) — replace the file",
                       source, error)
        picture.missing = True
        return picture
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    stem = Path(media.file).stem
    for step in ladder(width):
        for fmt, ext in (("webp", "webp"), ("jpeg", "jpg")):
            name = f"{OUT_DIR}/{stem}-{step}.{ext}"
            jobs.append(Derivative(source, output / name, step, fmt))
            (picture.webp if fmt == "webp" else picture.jpeg).append((name, step))
    largest = ladder(width)[-1]
    picture.width, picture.height = largest, round(height * largest / width)
    return picture


def _encode(image: Image.Image, job: Derivative) -> None:
    job.target.parent.mkdir(parents=True, exist_ok=True)
    tmp = job.target.with_name(job.target.name + ".tmp")
    if job.fmt == "webp":
        image.save(tmp, "WEBP", quality=QUALITY["webp"], method=4)
    else:
        image.save(tmp, "JPEG", quality=QUALITY["jpeg"], optimize=True, progressive=True)
    tmp.replace(job.target)


def write_source(source: Path, jobs: list[Derivative]) -> None:
    """Decode one photo once, then walk its ladder from the widest step down, each
    step resized from the previous one: upright, RGB, every metadata block dropped."""
    with Image.open(source) as opened:
        widest = max(job.width for job in jobs)
        if opened.format == "JPEG":  # decode at a reduced scale when it is enough
            opened.draft("RGB", (widest, widest * 4))
        image = ImageOps.exif_transpose(opened)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
    for width in sorted({job.width for job in jobs}, reverse=True):
        if image.width > width:
            height = round(image.height * width / image.width)
            image = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        image.info = {}  # Pillow re-saves what it finds here (EXIF, XMP, comments)
        for job in jobs:
            if job.width == width:
                _encode(image, job)


def recipe_key(source: Path) -> str:
    """The cache key of one photo's derivatives: its bytes (never its date: a photo
    replaced by an older file must still be seen), Pillow's version and the ladder,
    qualities and code of this module, all of which change the files made."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(source.read_bytes())
    digest.update(repr((PIL.__version__, LADDER, QUALITY)).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def _place(cached: Path, target: Path) -> None:
    """``target`` as a hard link to the cached file (a copy across file systems)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def write_all(jobs: list[Derivative], cache: Path, workers: int = 4) -> int:
    """Put every derivative in place; returns how many had to be encoded.

    Derivatives are made once per photo content in ``cache`` (one folder per
    :func:`recipe_key`) and linked into the output, one thread per photo to encode
    (Pillow releases the GIL while it decodes, resizes and encodes).
    """
    by_source: dict[Path, list[Derivative]] = {}
    for job in jobs:
        by_source.setdefault(job.source, []).append(job)
    used: set[str] = set()

    def run(item: tuple[Path, list[Derivative]]) -> int:
        source, todo = item
        try:
            key = recipe_key(source)
            used.add(key)
            folder = cache / key
            cached = [replace(job, target=folder / job.target.name) for job in todo]
            missing = [job for job in cached if not job.target.is_file()]
            if missing:
                write_source(source, missing)
            for job, made in zip(todo, cached, strict=True):
                _place(made.target, job.target)
        except (OSError, Image.DecompressionBombError) as error:
            logger.warning("%s: could not write its web derivatives (%s)", source, error)
            return 0
        return len(missing)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        encoded = sum(pool.map(run, by_source.items()))
    forget_others(cache, used)
    return encoded


def forget_others(cache: Path, used: set[str]) -> None:
    """Delete the derivatives of photos this build does not publish: a withdrawn
    post's photo must not stay in the project's cache (a rights request leaves
    nothing behind), and the cache never grows past one site's photos."""
    if not cache.is_dir():
        return
    for folder in cache.iterdir():
        if folder.name not in used and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
