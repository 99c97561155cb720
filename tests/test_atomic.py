"""The one atomic writer: the umask's mode for a new file, an old file whole on failure.

The files the tool writes (editors' files, PDFs, criers' sheets, robots.txt) are
served by a web server that may run as another user: a writer that made them 0600
(``mkstemp``) broke that. Each test sets the umask it needs and puts it back.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post
from inventaire.commands.cli import main
from inventaire.core import atomic
from inventaire.core.atomic import DeferredWrites, write_atomic
from inventaire.core.postfile import dump_post


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process's umask after a test that changes it."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: None, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "deep" / "er" / "robots.txt"  # parent folders are made
    write_atomic(target, "User-agent: *\n")
    assert target.read_text(encoding="utf-8") == "User-agent: *\n"
    assert mode(target) == 0o666 & ~mask
    staged = tmp_path / "staged.md"
    made = tmp_path / "made" / "by" / "the batch.md"  # in a folder the batch makes
    with DeferredWrites() as batch:
        batch.write(staged, b"---\n")
        batch.write(made, b"---\n")
    assert mode(staged) == mode(made) == 0o666 & ~mask
    assert made.read_bytes() == b"---\n"


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", 0o640)
    target.chmod(0o604)
    with DeferredWrites() as batch:
        batch.write(target, "newer")
    assert (target.read_bytes(), mode(target)) == (b"newer", 0o604)


def test_text_is_utf8_and_bytes_as_they_are(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a", "café 🍰", durable=False)
    write_atomic(tmp_path / "b", b"\xff\x00")
    assert (tmp_path / "a").read_bytes() == "café 🍰".encode()
    assert (tmp_path / "b").read_bytes() == b"\xff\x00"


def test_a_failure_mid_write_leaves_the_old_file_whole(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "post.md"
    target.write_text("the old file\n", encoding="utf-8")

    def broken(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken)  # after the data, before the rename
    with pytest.raises(OSError):
        write_atomic(target, "the new file, never seen\n")
    assert target.read_text(encoding="utf-8") == "the old file\n"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_no_temporary_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "post.md"
    target.write_text("old\n", encoding="utf-8")

    def broken(_src: object, _dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(PermissionError):
        write_atomic(target, "new\n")
    batch = DeferredWrites()
    batch.write(target, "new\n")
    batch.write(tmp_path / "other.md", "other\n")
    with pytest.raises(PermissionError):
        batch.commit()
    assert target.read_text(encoding="utf-8") == "old\n"
    assert not (tmp_path / "other.md").exists()
    assert leftovers(tmp_path) == []


def test_deferred_writes_touch_nothing_before_the_commit(tmp_path: Path) -> None:
    target = tmp_path / "posts" / "a.md"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    batch = DeferredWrites()
    batch.write(target, "first\n")
    batch.write(target, "second\n")  # the later write wins, the earlier one is gone
    batch.write(tmp_path / "records" / "a.json", "{}\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert len(batch) == 2 and len(leftovers(target.parent)) == 1
    batch.commit()
    assert target.read_text(encoding="utf-8") == "second\n"
    assert (tmp_path / "records" / "a.json").read_text(encoding="utf-8") == "{}\n"
    assert leftovers(target.parent) == [] and len(batch) == 0


def test_deferred_writes_discard_leaves_the_targets(tmp_path: Path) -> None:
    batch = DeferredWrites()
    batch.write(tmp_path / "a.md", "never\n")
    batch.discard()
    batch.commit()
    assert list(tmp_path.iterdir()) == []


def test_withdraw_keeps_the_file_readable_by_others(tmp_path: Path, umask: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``inventaire withdraw`` writes the rights register: 0644 under umask 022, not
    0600; the editors' file is left as it was."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1366372800")
    posts = tmp_path / "content" / "posts" / "2013-04-19"
    posts.mkdir(parents=True)
    post = made_up_post(0, author="passant", consent="granted")
    path = posts / f"{post.date:%Hh%M}-{post.id}.md"
    path.write_text(dump_post(post), encoding="utf-8")
    assert mode(path) == 0o644
    before = path.read_bytes()
    assert main(["--project", str(tmp_path), "withdraw", post.id,
                 "--reason", "asked by e-mail"]) == 0
    register = tmp_path / "content" / "rights.yml"
    assert post.id in register.read_text(encoding="utf-8")
    assert mode(register) == 0o644 and mode(path) == 0o644
    assert path.read_bytes() == before
    assert leftovers(posts) == [] and leftovers(register.parent) == []
