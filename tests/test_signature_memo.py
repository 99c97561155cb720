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


def dist_info(folder: Path, name: str, version: str, dirname: str | None = None) -> Path:
    """A distribution's ``*.dist-info`` folder with its METADATA, as pip leaves it."""
    info = folder / (dirname or f"{name}-{version}.dist-info")
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    return info


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """Each time the metadata of the distributions in ``tmp_path`` are read."""
    seen: list[int] = []
    read = signature.distribution_versions

    def spy(path: list[str] | None = None) -> list[tuple[str, str]]:
        if path is None or str(tmp_path) in path:
            seen.append(1)
        return read(path)

    monkeypatch.setattr(signature, "distribution_versions", spy)
    return seen


def test_a_busy_folder_on_sys_path_is_not_read_again_for_its_other_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, readings: list[int]) -> None:
    """The preview's builder runs in the project's folder, which is on ``sys.path``:
    each build writes there (``output/``, ``cache/``). The folder changes, its
    distributions do not: their metadata are not read again."""
    monkeypatch.setattr(signature, "RACY_NS", 0)  # as if long after every write
    monkeypatch.syspath_prepend(str(tmp_path))
    dist_info(tmp_path, "tampon", "1.0")
    first = signature.distributions_stamp()
    assert "tampon==1.0" in first and len(readings) == 1
    (tmp_path / "output").mkdir()
    (tmp_path / "output.building").mkdir()
    (tmp_path / "output.building").rename(tmp_path / "output.old")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert signature.distributions_stamp() == first
    assert len(readings) == 1


def test_a_distribution_added_removed_or_replaced_in_a_busy_folder_is_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, readings: list[int]) -> None:
    monkeypatch.setattr(signature, "RACY_NS", 0)
    monkeypatch.syspath_prepend(str(tmp_path))
    dist_info(tmp_path, "tampon", "1.0")
    assert "tampon==1.0" in signature.distributions_stamp()
    # Added, among other changes of the folder.
    (tmp_path / "output").mkdir()
    dist_info(tmp_path, "buvard", "2.0")
    assert "buvard==2.0" in signature.distributions_stamp()
    # Removed.
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    for file in (tmp_path / "buvard-2.0.dist-info").iterdir():
        file.unlink()
    (tmp_path / "buvard-2.0.dist-info").rmdir()
    stamp = signature.distributions_stamp()
    assert "buvard==2.0" not in stamp and "tampon==1.0" in stamp
    # Replaced by a folder of the same name (a reinstall of another build).
    old = tmp_path / "tampon-1.0.dist-info"
    old.rename(tmp_path / "ancien")
    dist_info(tmp_path, "tampon", "1.0.post1", dirname="tampon-1.0.dist-info")
    (tmp_path / "notes.txt").unlink()
    stamp = signature.distributions_stamp()
    assert "tampon==1.0.post1" in stamp and "tampon==1.0" not in stamp
    # An install (or a .pth) that only touches the folder's entries, not its names,
    # counts too: a dist-info whose METADATA is replaced changes that folder.
    replaced = tmp_path / "tampon-1.0.dist-info" / "METADATA.new"
    replaced.write_text("Metadata-Version: 2.1\nName: tampon\nVersion: 1.0.post2\n",
                        encoding="utf-8")
    replaced.replace(tmp_path / "tampon-1.0.dist-info" / "METADATA")
    (tmp_path / "output").rmdir()
    assert "tampon==1.0.post2" in signature.distributions_stamp()
    assert len(readings) == 5


def test_a_distribution_replaced_within_one_tick_of_the_listing_is_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, readings: list[int]) -> None:
    """Entries written close to when they were listed are not trusted: on a coarse
    clock, a folder replaced at once may keep its name, inode and times."""
    monkeypatch.syspath_prepend(str(tmp_path))
    dist_info(tmp_path, "tampon", "1.0")
    signature.distributions_stamp()
    (tmp_path / "output").mkdir()  # the folder changed; its entry is fresh
    signature.distributions_stamp()
    assert len(readings) == 2


def test_a_folder_added_to_sys_path_is_read_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, readings: list[int]) -> None:
    """Pelican adds the plugins' folders to ``sys.path`` during the first build: the
    folders read before are not read again for it."""
    monkeypatch.setattr(signature, "RACY_NS", 0)
    before = signature.distributions_stamp()
    read: list[list[str] | None] = []
    spy = signature.distribution_versions

    def again(path: list[str] | None = None) -> list[tuple[str, str]]:
        read.append(path)
        return spy(path)

    monkeypatch.setattr(signature, "distribution_versions", again)
    monkeypatch.syspath_prepend(str(tmp_path))
    dist_info(tmp_path, "tampon", "1.0")
    stamp = signature.distributions_stamp()
    assert read == [[str(tmp_path)]]
    assert sorted(stamp) == sorted([*before, "tampon==1.0"])
