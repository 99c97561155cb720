"""``core/samebytes.py``: the preview's test of a file made again identical."""

from __future__ import annotations

import os
from pathlib import Path

from inventaire.core import samebytes
from inventaire.core.samebytes import same_bytes


def test_same_bytes_by_content_size_mode_and_kind(tmp_path: Path) -> None:
    one, two, other = tmp_path / "one", tmp_path / "two", tmp_path / "other"
    one.write_bytes(b"abc" * 1000)
    two.write_bytes(b"abc" * 1000)
    other.write_bytes(b"abc" * 999 + b"abd")
    assert same_bytes(one, two)
    assert not same_bytes(one, other)  # same size, one byte differs
    assert not same_bytes(one, tmp_path / "absent")
    (tmp_path / "short").write_bytes(b"abc")
    assert not same_bytes(one, tmp_path / "short")
    os.chmod(two, 0o600)
    assert not same_bytes(one, two)  # a rename would change the mode
    (tmp_path / "link").symlink_to(one)
    assert not same_bytes(one, tmp_path / "link")  # not a plain file
    os.link(one, tmp_path / "hard")
    assert same_bytes(one, tmp_path / "hard")


def test_a_difference_past_the_first_chunk_is_found(tmp_path: Path) -> None:
    size = samebytes.CHUNK + 10
    (tmp_path / "a").write_bytes(b"x" * size)
    (tmp_path / "b").write_bytes(b"x" * (size - 1) + b"y")
    assert not same_bytes(tmp_path / "a", tmp_path / "b")
    (tmp_path / "c").write_bytes(b"x" * size)
    assert same_bytes(tmp_path / "a", tmp_path / "c")
