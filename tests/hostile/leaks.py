"""Search every file of a build for a post: pages, feeds, JSON, search index, PDFs.

A withdrawn post must leave no trace: not its id (in a file's content or its name)
and not its text. Text is compared after normalisation (case-folded, letters and
digits only) so that markup, escaping, line breaks and hyphenation in the PDF do not
hide it; Pagefind's gzip-compressed files are decompressed, PDFs are read as text.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TAG = re.compile(r"<[^>]*>")
TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".js", ".txt", ".css", ".svg", ".atom",
                 ".rss", ".csv", ".webmanifest"}


def normal(text: str) -> str:
    """Case-folded letters and digits only: what survives markup and hyphenation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class Haystack:
    """One searchable view of a file."""

    path: str
    kind: str
    raw: str  # as stored (or decompressed, or extracted)
    plain: str  # normalised text, markup removed


def _decompressed(data: bytes) -> bytes | None:
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            return None
    return None


def _plain(text: str) -> str:
    return normal(html.unescape(TAG.sub(" ", text)))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages]
    info: dict[str, object] = dict(reader.metadata or {})
    parts.extend(str(value) for value in info.values())
    return "\n".join(parts)


def haystacks(output: Path) -> Iterator[Haystack]:
    """Every file of ``output`` as text to search, plus every file's own path."""
    for path in sorted(output.rglob("*")):
        name = str(path.relative_to(output))
        yield Haystack(name, "path", name, normal(name))
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pdf":
            text = pdf_text(path)
            yield Haystack(name, "pdf", text, normal(text))
            yield Haystack(name, "pdf-bytes", data.decode("latin-1"), "")
            continue
        unpacked = _decompressed(data)
        if unpacked is not None:
            text = unpacked.decode("utf-8", errors="replace")
            yield Haystack(name, "gzip", text, _plain(text))
            continue
        if path.suffix in TEXT_SUFFIXES or path.name.startswith("pagefind"):
            text = data.decode("utf-8", errors="replace")
            if path.suffix == ".json":
                with contextlib.suppress(ValueError):
                    text = json.dumps(json.loads(text), ensure_ascii=False)
            yield Haystack(name, "text", text, _plain(text))
        else:
            yield Haystack(name, "binary", data.decode("latin-1"), "")


@dataclass(frozen=True)
class Needles:
    """What identifies one post in the outputs."""

    id: str
    text: str  # normalised full text
    words: tuple[str, ...]  # normalised words found in no other content file


def find(output: Path, needles: Needles) -> list[str]:
    """``path (kind): what`` for every trace of the post in ``output``."""
    return find_each(output, [needles])


def find_each(output: Path, posts: list[Needles]) -> list[str]:
    """:func:`find` for each of ``posts`` in turn, the files of ``output`` read once
    (reading a PDF's text takes most of a search)."""
    stacks = list(haystacks(output))
    found: list[str] = []
    for needles in posts:
        for stack in stacks:
            if needles.id in stack.raw:
                found.append(f"{stack.path} ({stack.kind}): id {needles.id}")
            if len(needles.text) >= 20 and needles.text in stack.plain:
                found.append(f"{stack.path} ({stack.kind}): the whole text")
            found.extend(f"{stack.path} ({stack.kind}): word {word!r}"
                         for word in needles.words if word in stack.plain)
    return found


WORD = re.compile(r"\w{8,}")


def unique_words(text: str, others: list[str]) -> list[str]:
    """Long words of ``text`` (normalised) that no other content file holds."""
    haystack = "\n".join(normal(other) for other in others)
    words = {normal(w) for w in WORD.findall(text) if not any(c.isdigit() for c in w)}
    return sorted(w for w in words if len(w) >= 8 and w not in haystack)


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".tif", ".tiff"}


def magenta_share(image: object) -> float:
    """The share of clearly magenta pixels (r, b high; g low) in a PIL image: the
    withdrawal test's photo is magenta, a colour the theme and the book never use."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    small = image.convert("RGB").resize((64, 64))
    raw = small.tobytes()  # r, g, b bytes, pixel after pixel
    pixels = [raw[i:i + 3] for i in range(0, len(raw), 3)]
    hits = sum(1 for r, g, b in pixels if r > 180 and b > 180 and g < 90)
    return hits / len(pixels)


def images_showing(folder: Path, share: float = 0.01) -> list[str]:
    """``path`` (or ``path page N``) of every image under ``folder`` (files, and the
    images inside PDFs) more than ``share`` magenta: what shows the test's photo."""
    from PIL import Image, UnidentifiedImageError
    from pypdf import PdfReader

    found: list[str] = []
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
            try:
                with Image.open(path) as image:
                    if magenta_share(image) > share:
                        found.append(name)
            except (UnidentifiedImageError, OSError):
                continue
        elif path.suffix == ".pdf" and path.is_file():
            for number, page in enumerate(PdfReader(path).pages, start=1):
                found.extend(f"{name} page {number} ({embedded.name})"
                             for embedded in page.images if embedded.image is not None
                             and magenta_share(embedded.image) > share)
    return found


def file_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` → its path."""
    import hashlib

    return {hashlib.sha256(p.read_bytes()).hexdigest(): str(p.relative_to(folder))
            for p in sorted(folder.rglob("*")) if p.is_file()}
