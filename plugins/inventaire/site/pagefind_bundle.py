"""Reusing the previous Pagefind bundle: which of its files the new index still needs.

Pagefind names the files of its bundle after a hash of their content
(``fragment/fr_5f07423.pf_fragment``, ``index/fr_10a3817.pf_index``…) and does not
write a file that is already there. Writing some 2,000 small files is most of a
fresh index (on two cores, two of its two and a half seconds, spent in the
system); left in place, an edit costs the few files it changed.

But Pagefind never deletes: the files of pages that changed or went stay beside the
new ones, and a withdrawn post's fragment would still be published. The list of
what the index uses is in its metadata file, ``pagefind.<hash>.pf_meta`` named by
``pagefind-entry.json``: gzip, then the ``pagefind_dcd`` signature, then CBOR
(RFC 8949) holding every page's fragment hash and every index and filter chunk's.
:func:`referenced` reads every text string of it; :func:`prune` deletes the hashed
files no language of the index names. Whatever cannot be read that way (another
Pagefind version's layout) makes :func:`referenced` return None, and the caller
indexes from scratch.
"""

from __future__ import annotations

import gzip
import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
HASHED_FOLDERS = ("fragment", "index", "filter")


class CborError(ValueError):
    """The metadata is not the CBOR this module expects."""


def cbor_strings(data: bytes) -> set[str]:
    """Every text string in a CBOR document (any nesting; tags, floats and bytes skipped)."""
    found: set[str] = set()
    end = _walk(data, 0, found, depth=0)
    if end != len(data):
        raise CborError(f"{len(data) - end} bytes after the CBOR item")
    return found


def _length(data: bytes, at: int, info: int) -> tuple[int | None, int]:
    """The argument of an item's head: (value, next offset); None when indefinite."""
    if info < 24:
        return info, at
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info in sizes:
        size = sizes[info]
        if at + size > len(data):
            raise CborError("truncated head")
        return int.from_bytes(data[at:at + size], "big"), at + size
    if info == 31:
        return None, at
    raise CborError(f"reserved additional information {info}")


def _walk(data: bytes, at: int, found: set[str], depth: int) -> int:
    """Read one item at ``at``, collecting text strings; returns the next offset."""
    if depth > 64:
        raise CborError("nested too deep")
    if at >= len(data):
        raise CborError("truncated item")
    head = data[at]
    major, info = head >> 5, head & 0x1F
    value, at = _length(data, at + 1, info)
    if major in (0, 1):  # integers
        if value is None:
            raise CborError("indefinite integer")
        return at
    if major in (2, 3):  # byte and text strings
        chunks: list[bytes] = []
        if value is None:  # indefinite: definite chunks of the same type, then 0xff
            while True:
                if at >= len(data):
                    raise CborError("unterminated string")
                if data[at] == 0xFF:
                    at += 1
                    break
                size, at = _length(data, at + 1, data[at] & 0x1F)
                if size is None or at + size > len(data):
                    raise CborError("bad string chunk")
                chunks.append(data[at:at + size])
                at += size
        else:
            if at + value > len(data):
                raise CborError("truncated string")
            chunks.append(data[at:at + value])
            at += value
        if major == 3:
            try:
                found.add(b"".join(chunks).decode("utf-8"))
            except UnicodeDecodeError as error:
                raise CborError("text string is not UTF-8") from error
        return at
    if major in (4, 5):  # arrays and maps
        per_entry = 1 if major == 4 else 2
        if value is None:
            while True:
                if at >= len(data):
                    raise CborError("unterminated container")
                if data[at] == 0xFF:
                    return at + 1
                at = _walk(data, at, found, depth + 1)
        for _ in range(value * per_entry):
            at = _walk(data, at, found, depth + 1)
        return at
    if major == 6:  # a tag, then its item
        return _walk(data, at, found, depth + 1)
    # major 7: simple values and floats; the head already held their bytes
    if info == 31:
        raise CborError("unexpected break")
    return at


def meta_files(bundle: Path) -> Iterator[Path]:
    """The metadata file of every language ``pagefind-entry.json`` names."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry.get("languages") if isinstance(entry, dict) else None
    if not isinstance(languages, dict) or not languages:
        raise CborError("pagefind-entry.json names no language")
    for language in languages.values():
        digest = language.get("hash") if isinstance(language, dict) else None
        if not isinstance(digest, str) or "/" in digest or not digest:
            raise CborError("a language of pagefind-entry.json has no hash")
        yield bundle / f"pagefind.{digest}.pf_meta"


def referenced(bundle: Path) -> set[str] | None:
    """The hashes the index in ``bundle`` uses, or None when they cannot be read."""
    names: set[str] = set()
    try:
        for meta in meta_files(bundle):
            data = gzip.decompress(meta.read_bytes())
            if not data.startswith(SIGNATURE):
                return None
            names |= cbor_strings(data[len(SIGNATURE):])
    except (OSError, ValueError, EOFError, struct.error, gzip.BadGzipFile):
        return None
    return names


def unshare_top_level(bundle: Path) -> None:
    """Delete the bundle's own top-level files before Pagefind runs again.

    Those (the entry file, the scripts, the WebAssembly) have fixed names and are
    rewritten in place; in a folder seeded with hard links they are the previous
    output's files too. Unlinking first makes Pagefind write new ones.
    """
    for path in bundle.iterdir():
        if path.is_file() or path.is_symlink():
            path.unlink()


def prune(bundle: Path, names: set[str]) -> int:
    """Delete the hashed files the index no longer names; returns how many."""
    deleted = 0
    for folder in HASHED_FOLDERS:
        if not (bundle / folder).is_dir():
            continue
        for entry in os.scandir(bundle / folder):
            stem = entry.name.split(".", 1)[0]
            if stem not in names:
                os.unlink(entry.path)
                deleted += 1
    return deleted
