"""Counting the posts the site's reader parses in this process (the tests of the
preview builder's memory and of the parsing on every core)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from inventaire.site import reader


@contextmanager
def counted_parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the post files parsed in this process while the block runs."""
    seen: list[str] = []
    real = reader.load_post_file

    def counting(raw: bytes, source: str) -> object:
        seen.append(Path(source).name)
        return real(raw, source)

    monkeypatch.setattr(reader, "load_post_file", counting)
    try:
        yield seen
    finally:
        monkeypatch.setattr(reader, "load_post_file", real)
