"""Copy an export's media into ``content/media/`` with no metadata left in them.

A phone photo carries its GPS position in EXIF; publishing it would publish where its
author lives. JPEG files lose their APP1 (EXIF, XMP) and APP13 (IPTC) segments
without being re-encoded; when the EXIF orientation says the picture is turned, it is
turned for good (Pillow) and re-encoded, so it still shows the right way up. Other
images are re-saved by Pillow without metadata (an animation with all its frames);
non-images (videos) are copied. An existing destination is never rewritten, so
re-importing changes nothing.

Videos and animations get a poster, the still shown before they play, made here so
the site and the book never decode a video: an animated image's first frame
(Pillow), else the still the export itself holds for a video (the Twitter archive's
``media_url_https`` file, Mastodon's ``icon``), cleaned like a photo. There is no
video decoder here (no ffmpeg): an MP4 whose export holds no still has no poster,
and its entry says so by having no ``poster`` field. An animated image attached as a
photo (a GIF on Mastodon) becomes a media of kind ``gif``.

The file name is made here, from the post id and the media's number, never from the
name in the export: a name like ``../../x.jpg`` cannot choose where we write. Images
over Pillow's pixel limit (decompression bombs) and archive members refused as zip
bombs are not copied; the post keeps its remote link and a warning names the file.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from PIL import Image, ImageOps

from inventaire.core.atomic import write_atomic
from inventaire.core.model import Media, Post
from inventaire.importer.sources.common import (
    LOCAL_MEDIA,
    LOCAL_POSTERS,
    ArchiveError,
    LocalFile,
)

_DROP_SEGMENTS = {0xE1, 0xED}  # APP1 (EXIF, XMP), APP13 (IPTC/Photoshop)
_EXTENSIONS = {".jpeg": ".jpg", ".jpe": ".jpg"}
_SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
_UNSAFE_IN_NAME = re.compile(r"[^0-9A-Za-z_.~-]")
# What an animation needs to play as it did; the rest of ``info`` (comment, XMP, EXIF,
# ICC, application extensions) is metadata and left out.
_ANIMATION_KEYS = ("duration", "loop", "transparency", "background", "disposal", "blend")
MOVING = ("video", "gif")


def strip_jpeg(data: bytes) -> bytes:
    """A JPEG without its APP1/APP13 segments, pixels untouched."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = bytearray(data[:2])
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("corrupt JPEG marker")
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[position:]
            return bytes(out)
        length = int.from_bytes(data[position + 2:position + 4], "big")
        segment = data[position:position + 2 + length]
        if marker not in _DROP_SEGMENTS:
            out += segment
        position += 2 + length
    raise ValueError("truncated JPEG")


class Cleaned(NamedTuple):
    """An image's bytes without metadata, its size as shown, and whether it moves."""

    data: bytes
    width: int
    height: int
    animated: bool = False


def clean_image(data: bytes) -> Cleaned:
    """Image bytes without metadata, and the size as shown (orientation applied).

    Pillow only warns between its pixel limit and twice that; here both are errors.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return _clean_image(data)


def _clean_image(data: bytes) -> Cleaned:
    with Image.open(io.BytesIO(data)) as image:
        if getattr(image, "is_animated", False):
            return Cleaned(_clean_animation(image), image.width, image.height, True)
        orientation = image.getexif().get(0x0112, 1)
        image_format = image.format or "PNG"
        if image_format == "JPEG" and orientation in (0, 1):
            return Cleaned(strip_jpeg(data), image.width, image.height)
        turned = ImageOps.exif_transpose(image)
        buffer = io.BytesIO()
        options: dict[str, object] = {}
        if image_format == "JPEG":
            options = {"quality": 95, "subsampling": "keep" if turned is image else 0}
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
        turned.save(buffer, format=image_format, **options)
        return Cleaned(buffer.getvalue(), turned.width, turned.height)


def _clean_animation(image: Image.Image) -> bytes:
    """Every frame of an animated GIF, WebP or PNG, without its metadata.

    ``exif_transpose`` would keep only the first frame; Pillow writes back a GIF's
    comment from ``info``, so ``info`` keeps only what the animation needs.
    """
    image.info = {k: v for k, v in image.info.items() if k in _ANIMATION_KEYS}
    buffer = io.BytesIO()
    image.save(buffer, format=image.format or "GIF", save_all=True)
    return buffer.getvalue()


def first_frame(data: bytes) -> tuple[bytes, int, int]:
    """The first frame of an animated image as a PNG, and its size."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:
            image.seek(0)
            clear = "transparency" in image.info or image.mode in ("RGBA", "LA", "PA")
            frame = image.convert("RGBA" if clear else "RGB")
    buffer = io.BytesIO()
    frame.save(buffer, format="PNG")
    return buffer.getvalue(), frame.width, frame.height


def media_name(post_id: str, number: int, source_name: str) -> str:
    """``media/<id>-<n><ext>``: only safe characters, whatever the export says."""
    suffix = PurePosixPath(source_name.replace("\\", "/")).suffix.lower()
    suffix = _EXTENSIONS.get(suffix, suffix)
    if not _SAFE_SUFFIX.fullmatch(suffix):
        suffix = ""
    stem = _UNSAFE_IN_NAME.sub("_", post_id).lstrip(".") or "post"
    return f"media/{stem}-{number}{suffix}"


def poster_name(post_id: str, number: int, source_name: str) -> str:
    """``media/<id>-<n>-poster<ext>``: the still of media ``n``, beside its file."""
    name = PurePosixPath(media_name(post_id, number, source_name))
    return str(name.with_name(f"{name.stem}-poster{name.suffix}"))


def _warn(problems: list[str] | None, line: str) -> None:
    if problems is not None:
        problems.append(line)


def copy_one(post_id: str, number: int, local: LocalFile, content: Path,
             media: Media, problems: list[str] | None = None) -> Media:
    relative = media_name(post_id, number, local.name)
    destination = content / relative
    where = f"{local.where}: " if local.where else ""
    width, height = media.width, media.height
    animated = False
    if destination.exists():
        try:
            with Image.open(destination) as image:
                width, height = image.width, image.height
                animated = bool(getattr(image, "is_animated", False))
        except OSError:
            pass
    else:
        try:
            data = local.read()
        except ArchiveError as error:
            _warn(problems, f"{local.where or local.name}: error: {error}")
            return media
        try:
            data, width, height, animated = clean_image(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            _warn(problems, f"{where}{local.name}: warning: image of more than "
                            f"{Image.MAX_IMAGE_PIXELS:,} pixels (a decompression bomb?); "
                            f"not copied, post {post_id} keeps its remote link")
            return media  # far too large to be a photo: left remote, never published
        except (OSError, ValueError, SyntaxError):
            pass  # not an image Pillow reads (a video): copied as it is
        write_atomic(destination, data)
    copied = Media(file=relative, alt=media.alt, kind=media.kind, width=width,
                   height=height, caption=media.caption)
    if animated:
        return _animation_poster(copied, post_id, number, content)
    return copied


def _animation_poster(media: Media, post_id: str, number: int, content: Path) -> Media:
    """An animated image with its first frame as its poster, a ``gif`` if it was
    attached as a photo."""
    kind = "gif" if media.kind == "photo" else media.kind
    relative = poster_name(post_id, number, "first-frame.png")
    if not (content / relative).exists():
        try:
            still, _width, _height = first_frame((content / media.file).read_bytes())
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError,
                Image.DecompressionBombWarning):
            return replace(media, kind=kind)
        write_atomic(content / relative, still)
    return replace(media, kind=kind, poster=relative)


def copy_poster(post_id: str, number: int, local: LocalFile, content: Path,
                media: Media, problems: list[str] | None = None) -> Media:
    """``media`` with the export's still of it as its poster, cleaned like a photo.

    A still that is not an image, or is a bomb, is left out with a warning: the
    video is kept without a poster.
    """
    relative = poster_name(post_id, number, local.name)
    destination = content / relative
    where = f"{local.where}: " if local.where else ""
    width, height = media.width, media.height
    if destination.exists():
        try:
            with Image.open(destination) as image:
                width, height = image.width, image.height
        except OSError:
            pass
    else:
        try:
            data, width, height, _moving = clean_image(local.read())
        except ArchiveError as error:
            _warn(problems, f"{local.where or local.name}: error: {error}")
            return media
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError,
                Image.DecompressionBombWarning):
            _warn(problems, f"{where}{local.name}: warning: the still of post {post_id}'s "
                            f"{media.kind} {number} is not an image Pillow reads; the "
                            f"{media.kind} is kept without a poster")
            return media
        write_atomic(destination, data)
    # The still has the video's proportions: its size stands in when the export
    # gave none, so a page can reserve the video's place.
    if not (media.width and media.height):
        media = replace(media, width=width, height=height)
    return replace(media, poster=relative)


def copy_media(post: Post, content: Path) -> list[str]:
    """Replace the post's remote media by local copies where the export had the file,
    with a poster for each video or animation that has one (see the module).

    Returns one warning line per file refused (bomb), naming the export and the file.
    """
    problems: list[str] = []
    files: dict[int, LocalFile] = post.extra.pop(LOCAL_MEDIA, None) or {}
    posters: dict[int, LocalFile] = post.extra.pop(LOCAL_POSTERS, None) or {}
    for index, local in sorted(files.items()):
        if index < len(post.media):
            post.media[index] = copy_one(post.slug, index + 1, local, content,
                                         post.media[index], problems)
    for index, local in sorted(posters.items()):
        media = post.media[index] if index < len(post.media) else None
        if media is not None and media.kind in MOVING and not media.poster:
            post.media[index] = copy_poster(post.slug, index + 1, local, content, media,
                                            problems)
    return problems
