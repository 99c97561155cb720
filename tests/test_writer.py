"""The writer that skips identical files: same bytes as Pelican's, mtimes kept."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from inventaire.site.writer import SameBytesWriter, get_writer
from pelican import Pelican, signals
from pelican.settings import read_settings
from pelican.writers import FileOverwriteFailedError, Writer

OLD = 1_000_000_000  # 2001: any mtime a build would not produce


def writer(tmp_path: Path) -> SameBytesWriter:
    return SameBytesWriter(str(tmp_path), settings={})


def test_identical_file_is_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("<p>même</p>\n", encoding="utf-8")
    os.utime(target, (OLD, OLD))
    w = writer(tmp_path)
    with w._open_w(str(target), "utf-8") as handle:
        handle.write("<p>même</p>\n")
    assert target.stat().st_mtime == OLD
    assert w.counts == {"written": 0, "unchanged": 1}


def test_changed_file_is_replaced_with_pelicans_bytes(tmp_path: Path) -> None:
    target, reference = tmp_path / "page.html", tmp_path / "reference.html"
    target.write_text("<p>avant</p>\n", encoding="utf-8")
    os.utime(target, (OLD, OLD))
    text = "<p>après — 🍰</p>\n"
    with writer(tmp_path)._open_w(str(target), "utf-8") as handle:
        handle.write(text)
    with Writer(str(tmp_path), settings={})._open_w(str(reference), "utf-8") as handle:
        handle.write(text)
    assert target.read_bytes() == reference.read_bytes()
    assert target.stat().st_mtime != OLD
    assert not list(tmp_path.glob(".*.tmp"))


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.html"
    with writer(tmp_path)._open_w(str(target), "utf-8") as handle:
        handle.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_hard_linked_copy_is_never_modified(tmp_path: Path) -> None:
    """An older output sharing the file by a hard link keeps its own bytes."""
    target, old = tmp_path / "page.html", tmp_path / "old.html"
    target.write_text("v1", encoding="utf-8")
    os.link(target, old)
    with writer(tmp_path)._open_w(str(target), "utf-8") as handle:
        handle.write("v2")
    assert old.read_text(encoding="utf-8") == "v1"
    assert target.read_text(encoding="utf-8") == "v2"


def test_failed_render_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("ancien", encoding="utf-8")
    with pytest.raises(RuntimeError), writer(tmp_path)._open_w(str(target), "utf-8") as handle:
        handle.write("moitié")
        raise RuntimeError("template failed")
    assert target.read_text(encoding="utf-8") == "ancien"


def test_pelicans_overwrite_rule_is_kept(tmp_path: Path) -> None:
    w = writer(tmp_path)
    name = str(tmp_path / "page.html")
    with w._open_w(name, "utf-8") as handle:
        handle.write("1")
    with pytest.raises(FileOverwriteFailedError):
        w._open_w(name, "utf-8")


def test_get_writer_returns_the_class() -> None:
    assert get_writer(None) is SameBytesWriter


@pytest.fixture
def connected() -> Iterator[None]:
    signals.get_writer.connect(get_writer)
    try:
        yield
    finally:
        signals.get_writer.disconnect(get_writer)


def run_pelican(project: Path) -> None:
    settings = read_settings(override={
        "PATH": str(project / "content"), "OUTPUT_PATH": str(project / "output"),
        "PLUGINS": [], "TIMEZONE": "UTC", "SITEURL": "", "CACHE_PATH": str(project / "cache"),
        "FEED_DOMAIN": "https://example.org", "FEED_ALL_ATOM": "feeds/all.atom.xml"})
    Pelican(settings).run()


def test_rebuild_touches_only_what_changed(tmp_path: Path, connected: None) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for number in (1, 2):
        (content / f"a{number}.md").write_text(
            f"Title: Article {number}\nDate: 2013-04-19 1{number}:00\nTags: t{number}\n\n"
            f"Texte {number}.\n", encoding="utf-8")
    run_pelican(tmp_path)
    output = tmp_path / "output"
    files = [p for p in output.rglob("*") if p.is_file() and "theme" not in p.parts]
    for path in files:
        os.utime(path, (OLD, OLD))
    run_pelican(tmp_path)
    assert all(p.stat().st_mtime == OLD for p in files)

    (content / "a2.md").write_text("Title: Article 2\nDate: 2013-04-19 12:00\nTags: t2\n\n"
                                   "Texte changé.\n", encoding="utf-8")
    run_pelican(tmp_path)
    changed = {p.relative_to(output).as_posix() for p in files if p.stat().st_mtime != OLD}
    assert "article-2.html" in changed
    assert "article-1.html" not in changed
    assert "tag/t1.html" not in changed
    assert "Texte changé" in (output / "article-2.html").read_text(encoding="utf-8")
