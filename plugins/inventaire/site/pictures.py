"""Web derivatives of the posts' photos: a ladder of widths, WebP with a JPEG fallback;
videos, animations and sounds copied as they are, their posters made like photos.

pelican-image-process rewrites ``<img>`` tags found in rendered HTML; our photos are
not in any HTML until the theme draws them, and we want ``width``/``height`` known
before the page is written, so a plan is made in ``generate_context`` (reading only
the image headers) and the files are written in ``generate_output``. Every
derivative is re-encoded by Pillow without EXIF, XMP or ICC text chunks: no camera
serial number or GPS position leaves the archive. The originals are not published.

A video, an animated GIF or a sound cannot be re-encoded here (no ffmpeg in the
build), so its file is published as it is — only a file :func:`media_path` resolves,
of a format a browser plays (its first bytes checked, not only its name: the output
name's extension is what the web server's type comes from), under
:data:`MAX_PLAYED_BYTES`. Its poster is an image like any photo: made into
derivatives, metadata dropped. An animated ``.gif`` file is shown by its first frame
with a link to the animation, never playing by itself (WCAG 2.2.2).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import PIL
from PIL import Image, ImageOps, UnidentifiedImageError

from inventaire.core.atomic import link_or_copy
from inventaire.core.media import media_path
from inventaire.core.model import Media

logger = logging.getLogger(__name__)

LADDER = (480, 800, 1200, 1600)
SIZES = "(min-width: 46rem) 40rem, calc(100vw - 2rem)"
OUT_DIR = "media"
QUALITY = {"webp": 78, "jpeg": 82}
COPY = "copy"  # a Derivative's ``fmt`` for a file published as it is (video, sound, GIF)
# A larger file is not published (a warning names it): a visitor on a phone would pay
# for it, and the whole site is copied at every build.
MAX_PLAYED_BYTES = 100 * 1024 * 1024
PLAYED_KINDS = ("video", "gif", "audio")
# What a browser plays, by the output file's extension: (MIME type, how its bytes start).
# MP4 and M4A files start with an ISO box whose type, ``ftyp``, is at byte 4.
PLAYED_FORMATS: dict[str, tuple[str, tuple[bytes, ...], int]] = {
    ".mp4": ("video/mp4", (b"ftyp",), 4),
    ".m4v": ("video/mp4", (b"ftyp",), 4),
    ".webm": ("video/webm", (b"\x1a\x45\xdf\xa3",), 0),
    ".m4a": ("audio/mp4", (b"ftyp",), 4),
    ".mp3": ("audio/mpeg", (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"), 0),
    ".ogg": ("audio/ogg", (b"OggS",), 0),
    ".oga": ("audio/ogg", (b"OggS",), 0),
    ".opus": ("audio/ogg", (b"OggS",), 0),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a"), 0),
}


@dataclass(frozen=True)
class Derivative:
    source: Path
    target: Path
    width: int
    fmt: str  # "webp" | "jpeg"


@dataclass
class Picture:
    """What the theme needs to draw one photo, video, animation or sound; ``missing``
    ones show their alt text.

    For a video, a GIF or a sound, ``webp``/``jpeg`` are its poster's derivatives (none
    without a poster), ``played`` the published file (``""`` when it is not published)
    and ``played_type`` its MIME type.
    """

    alt: str
    width: int = 0
    height: int = 0
    webp: list[tuple[str, int]] = field(default_factory=list)
    jpeg: list[tuple[str, int]] = field(default_factory=list)
    missing: bool = False
    caption: str = ""
    sizes: str = SIZES
    kind: str = "photo"
    played: str = ""
    played_type: str = ""

    @property
    def is_animation_file(self) -> bool:
        """An animated ``.gif`` file: shown by its still, linked, never looping."""
        return self.played_type == "image/gif"

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
    if media.kind in PLAYED_KINDS:
        return plan_played(media, content, output, jobs)
    picture = Picture(alt=media.alt, caption=media.caption)
    source = _source(content, media.file, media.missing)
    if source is None or not plan_image(picture, source, media.file, output, jobs):
        picture.missing = True
    return picture


def _source(content: Path, name: str, missing: bool) -> Path | None:
    """The file a media name resolves to, or None (warned) when it leaves
    ``content/`` or is absent; a file the editors marked ``missing`` is not looked for."""
    source = media_path(content, name) if name else None
    if name and source is None:
        logger.warning("%s: media file name leaves content/ — name a file under "
                       "content/media/", name)
    if source is None or missing:
        return None
    if not source.is_file():
        logger.warning("%s: media file not found — add it or mark it 'missing: true'",
                       source)
        return None
    return source


def plan_image(picture: Picture, source: Path, name: str, output: Path,
               jobs: list[Derivative]) -> bool:
    """Plan the ladder of one image (a photo, or a video's poster) into ``picture``;
    False (warned) when Pillow cannot read it safely."""
    try:
        with Image.open(source) as image:
            width, height = image.size
            orientation = image.getexif().get(0x0112, 1)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        logger.warning("%s: not an image Pillow can read safely (%s) — replace the file",
                       source, error)
        return False
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    stem = Path(name).stem
    for step in ladder(width):
        for fmt, ext in (("webp", "webp"), ("jpeg", "jpg")):
            target = f"{OUT_DIR}/{stem}-{step}.{ext}"
            jobs.append(Derivative(source, output / target, step, fmt))
            (picture.webp if fmt == "webp" else picture.jpeg).append((target, step))
    largest = ladder(width)[-1]
    picture.width, picture.height = largest, round(height * largest / width)
    return True


def played_type(source: Path) -> str:
    """The MIME type of a file a browser can play, from its extension *and* its first
    bytes (a page renamed ``.mp4`` is refused); ``""`` when it is neither."""
    known = PLAYED_FORMATS.get(source.suffix.lower())
    if known is None:
        return ""
    mime, signatures, offset = known
    with source.open("rb") as file:
        head = file.read(16)
    return mime if any(head[offset:].startswith(s) for s in signatures) else ""


def plan_played(media: Media, content: Path, output: Path,
                jobs: list[Derivative]) -> Picture:
    """A video, an animated GIF or a sound: its file copied as it is when a browser
    plays it and it is not too large, its poster (or a GIF's own first frame) made
    into derivatives. Nothing to show at all is ``missing``."""
    picture = Picture(alt=media.alt, caption=media.caption, kind=media.kind,
                      width=media.width, height=media.height)
    source = _source(content, media.file, media.missing)
    if source is not None:
        try:
            mime, size = played_type(source), source.stat().st_size
        except OSError as error:
            logger.warning("%s: cannot be read (%s)", source, error)
            mime, size = "", 0
        if not mime:
            logger.warning("%s: not a file a browser plays (MP4, WebM, MP3, M4A, Ogg or "
                           "GIF expected) — replace it or mark it 'missing: true'", source)
        elif size > MAX_PLAYED_BYTES:
            logger.warning("%s: %d MB, more than the site publishes (%d MB) — make it "
                           "smaller or mark it 'missing: true'", source,
                           size // 2**20, MAX_PLAYED_BYTES // 2**20)
        else:
            target = f"{OUT_DIR}/{Path(media.file).stem}{source.suffix.lower()}"
            jobs.append(Derivative(source, output / target, 0, COPY))
            picture.played, picture.played_type = target, mime
    gif_file = source is not None and source.suffix.lower() == ".gif"
    still_name = media.poster or (media.file if gif_file else "")
    still = _source(content, still_name, False) if still_name else None
    if still is not None:
        planned = Picture(alt=media.alt)
        if plan_image(planned, still, still_name, output, jobs):
            picture.webp, picture.jpeg = planned.webp, planned.jpeg
            picture.width, picture.height = planned.width, planned.height
    picture.missing = not picture.played and not picture.jpeg
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


def write_all(jobs: list[Derivative], cache: Path, workers: int = 4) -> int:
    """Put every derivative in place; returns how many had to be encoded.

    Derivatives are made once per photo content in ``cache`` (one folder per
    :func:`recipe_key`) and linked into the output, one thread per photo to encode
    (Pillow releases the GIL while it decodes, resizes and encodes).
    """
    by_source: dict[Path, list[Derivative]] = {}
    for job in jobs:
        if job.fmt == COPY:  # published as it is: a link to the file, no cache
            try:
                link_or_copy(job.source, job.target)
            except OSError as error:
                logger.warning("%s: could not publish it (%s)", job.source, error)
            continue
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
                link_or_copy(made.target, job.target)
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
