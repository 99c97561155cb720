"""Copy an export's media into ``content/media/`` with no metadata left in them.

A phone photo carries its GPS position in EXIF; publishing it would publish where its
author lives. JPEG files lose their APP1 (EXIF, XMP) and APP13 (IPTC) segments
without being re-encoded; when the EXIF orientation says the picture is turned, it is
turned for good (Pillow) and re-encoded, so it still shows the right way up. Other
images are re-saved by Pillow without metadata; non-images (videos) are copied.
An existing destination is never rewritten, so re-importing changes nothing.

The file name is made here, from the post id and the media's number, never from the
name in the export: a name like ``../../x.jpg`` cannot choose where we write. Images
over Pillow's pixel limit (decompression bombs) and archive members refused as zip
bombs are not copied; the post keeps its remote link and a warning names the file.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps

from inventaire.core.atomic import write_atomic
from inventaire.core.model import Media, Post
from inventaire.importer.sources.common import LOCAL_MEDIA, ArchiveError, LocalFile

_DROP_SEGMENTS = {0xE1, 0xED}  # APP1 (EXIF, XMP), APP13 (IPTC/Photoshop)
_EXTENSIONS = {".jpeg": ".jpg", ".jpe": ".jpg"}
_SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
_UNSAFE_IN_NAME = re.compile(r"[^0-9A-Za-z_.~-]")


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


def clean_image(data: bytes) -> tuple[bytes, int, int]:
    """Image bytes without metadata, and the size as shown (orientation applied).

    Pillow only warns between its pixel limit and twice that; here both are errors.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return _clean_image(data)


def _clean_image(data: bytes) -> tuple[bytes, int, int]:
    with Image.open(io.BytesIO(data)) as image:
        orientation = image.getexif().get(0x0112, 1)
        image_format = image.format or "PNG"
        if image_format == "JPEG" and orientation in (0, 1):
            return strip_jpeg(data), image.width, image.height
        turned = ImageOps.exif_transpose(image)
        buffer = io.BytesIO()
        options: dict[str, object] = {}
        if image_format == "JPEG":
            options = {"quality": 95, "subsampling": "keep" if turned is image else 0}
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
        turned.save(buffer, format=image_format, **options)
        return buffer.getvalue(), turned.width, turned.height


def media_name(post_id: str, number: int, source_name: str) -> str:
    """``media/<id>-<n><ext>``: only safe characters, whatever the export says."""
    suffix = PurePosixPath(source_name.replace("\\", "/")).suffix.lower()
    suffix = _EXTENSIONS.get(suffix, suffix)
    if not _SAFE_SUFFIX.fullmatch(suffix):
        suffix = ""
    stem = _UNSAFE_IN_NAME.sub("_", post_id).lstrip(".") or "post"
    return f"media/{stem}-{number}{suffix}"


def copy_one(post_id: str, number: int, local: LocalFile, content: Path,
             media: Media, problems: list[str] | None = None) -> Media:
    relative = media_name(post_id, number, local.name)
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
            data = local.read()
        except ArchiveError as error:
            if problems is not None:
                problems.append(f"{local.where or local.name}: error: {error}")
            return media
        try:
            data, width, height = clean_image(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            if problems is not None:
                problems.append(
                    f"{where}{local.name}: warning: image of more than "
                    f"{Image.MAX_IMAGE_PIXELS:,} pixels (a decompression bomb?); not "
                    f"copied, post {post_id} keeps its remote link")
            return media  # far too large to be a photo: left remote, never published
        except (OSError, ValueError, SyntaxError):
            pass  # not an image Pillow reads (a video): copied as it is
        write_atomic(destination, data)
    return Media(file=relative, alt=media.alt, kind=media.kind, width=width, height=height,
                 caption=media.caption)


def copy_media(post: Post, content: Path) -> list[str]:
    """Replace the post's remote media by local copies where the export had the file.

    Returns one warning line per file refused (bomb), naming the export and the file.
    """
    problems: list[str] = []
    files: dict[int, LocalFile] = post.extra.pop(LOCAL_MEDIA, None) or {}
    for index, local in sorted(files.items()):
        if index < len(post.media):
            post.media[index] = copy_one(post.id, index + 1, local, content,
                                         post.media[index], problems)
    return problems
