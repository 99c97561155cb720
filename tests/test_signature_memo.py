"""Digests remembered by file identity are never stale (``core.signature.DigestMemo``).

The preview's builder hashes the plugin's code, the project's modules and every post
at each build. A file the system says was not written since it was hashed (same
inode, size, modification and change times, and not written within ``RACY_NS`` of
the hashing) is not read again; any write is seen.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from inventaire.core import signature


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files file_digest reads."""
    seen: list[str] = []

    def spy(path: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(os.fspath(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(signature, "open", spy, raising=False)
    return seen


def test_a_same_size_rewrite_at_once_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "filtre.py"
    path.write_bytes(b"un")
    assert signature.file_digest(path) == sha(b"un")
    path.write_bytes(b"deux"[:2])  # same size, same second
    assert signature.file_digest(path) == sha(b"de")


def test_an_old_file_is_read_once_and_any_write_is_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]) -> None:
    monkeypatch.setattr(signature, "RACY_NS", 0)  # as if hashed long after the write
    path = tmp_path / "billet.md"
    path.write_bytes(b"texte")
    stamp = path.stat().st_mtime_ns
    assert signature.file_digest(path) == sha(b"texte")
    assert signature.file_digest(path) == sha(b"texte")
    assert opened == [str(path)]
    # Same size, the modification time put back (rsync -a, cp -p): the change time moves.
    path.write_bytes(b"TEXTE")
    os.utime(path, ns=(stamp, stamp))
    assert signature.file_digest(path) == sha(b"TEXTE")
    assert len(opened) == 2
    # Replaced by another file (a new inode), and removed.
    other = tmp_path / "autre.md"
    other.write_bytes(b"texte")
    other.replace(path)
    assert signature.file_digest(path) == sha(b"texte")
    path.unlink()
    assert signature.file_digest(path) is None


def test_the_distributions_stamp_follows_an_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = signature.distributions_stamp()
    assert signature.distributions_stamp() == first
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "tampon-9.9.dist-info").mkdir()
    (tmp_path / "tampon-9.9.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: tampon\nVersion: 9.9\n", encoding="utf-8")
    assert "tampon==9.9" in signature.distributions_stamp()
    monkeypatch.setattr(signature, "RACY_NS", 0)
    (tmp_path / "tampon-9.9.dist-info" / "METADATA").unlink()
    (tmp_path / "tampon-9.9.dist-info").rename(tmp_path / "tampon-10.0.dist-info")
    (tmp_path / "tampon-10.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: tampon\nVersion: 10.0\n", encoding="utf-8")
    stamp = signature.distributions_stamp()
    assert "tampon==10.0" in stamp and "tampon==9.9" not in stamp
    assert sys.path[0] == str(tmp_path)


def test_a_rewrite_within_one_tick_of_a_coarse_clock_is_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system whose times tick once a second, two writes of the same size
    within one second leave the same identity: the digest taken between them must not
    be reused."""
    def coarse(path: Any) -> Any:
        status = os.stat(path)
        second = status.st_mtime_ns // 1_000_000_000 * 1_000_000_000
        return SimpleNamespace(st_ino=status.st_ino, st_size=status.st_size,
                               st_mtime_ns=second, st_ctime_ns=second)

    monkeypatch.setattr(signature, "os", SimpleNamespace(stat=coarse, fspath=os.fspath))
    path = tmp_path / "filtre.py"
    path.write_bytes(b"un")
    assert signature.file_digest(path) == sha(b"un")
    with path.open("r+b") as handle:  # same inode, same size
        handle.write(b"UN")
    assert signature.file_digest(path) == sha(b"UN")


def test_back_to_an_earlier_sys_path_its_own_stamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = signature.distributions_stamp()
    with monkeypatch.context() as patch:
        patch.syspath_prepend(str(tmp_path))
        (tmp_path / "tampon-1.0.dist-info").mkdir()
        (tmp_path / "tampon-1.0.dist-info" / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: tampon\nVersion: 1.0\n", encoding="utf-8")
        assert "tampon==1.0" in signature.distributions_stamp()
    assert signature.distributions_stamp() == before
