"""The posts are parsed on every core, and the pages are those of one process.

``site/prefetch.py`` forks children that parse their share of the posts into the
reader's memory before Pelican reads them; the parent then parses only its own
share. A broken file is still reported once, by the parent, as Pelican reads it.
"""

from __future__ import annotations

import builtins
import io
import logging
import os
from pathlib import Path
from typing import Any

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core import signature
from inventaire.core.postfile import read_post, write_post
from inventaire.site import readmemo
from parses import counted_parses

POSTS = 12


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(POSTS)])
    broken = project / "content" / "posts" / "2013-04-19" / "09h00-1.md"
    broken.write_text("---\nid: [\n---\ntexte\n", encoding="utf-8")
    return project


def parsed_in_parent(project: Path, workers: int, output: Path,
                     monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with counted_parses(monkeypatch) as seen:
        build(project, output=output, book=False, overrides={
            "INVENTAIRE_RENDER_WORKERS": workers, "INVENTAIRE_SEARCH": False})
    return seen


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_other_core_parses_half_the_posts(project: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    alone = parsed_in_parent(project, 1, tmp_path / "one", monkeypatch)
    errors_alone = [r for r in caplog.records if "09h00-1.md" in r.getMessage()]
    caplog.clear()
    shared = parsed_in_parent(project, 2, tmp_path / "two", monkeypatch)
    errors_shared = [r for r in caplog.records if "09h00-1.md" in r.getMessage()]
    assert len(alone) == POSTS + 1
    # The parent's share, then the broken file again as Pelican reads it.
    assert len(shared) <= (POSTS + 1) // 2 + 2
    assert len(errors_alone) == len(errors_shared) == 1
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert readmemo.empty()  # the memory was for that build only


def post_reads(project: Path, settings: dict[str, object], output: Path,
               monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The post files this process opens during one build (``Path.read_bytes`` and
    the digests' ``open`` both go through ``io.open``)."""
    seen: list[str] = []
    real = io.open
    posts = str(project / "content" / "posts") + os.sep

    def counting(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.fspath(file).startswith(posts):
            seen.append(Path(file).name)
        return real(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting)
    monkeypatch.setattr(builtins, "open", counting)
    try:
        build(project, output=output, book=False,
              overrides={"INVENTAIRE_SEARCH": False, **settings})
    finally:
        monkeypatch.setattr(io, "open", real)
        monkeypatch.setattr(builtins, "open", real)
    return seen


def test_each_post_file_is_read_once_per_build(project: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Pelican's reading takes what the cores parsed without reading the file again:
    the parent reads its own share, and the broken file once more to report it."""
    reads = post_reads(project, {"INVENTAIRE_RENDER_WORKERS": 2}, tmp_path / "two",
                       monkeypatch)
    assert len(reads) <= (POSTS + 1) // 2 + 2
    assert all(reads.count(name) == 1 for name in reads if name != "09h00-1.md")


def test_the_preview_reads_each_post_once(project: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's builder looks at every file for a change, once: an unchanged
    post is then taken from the memory, an edited one parsed again, and its page
    shows the edit."""
    preview = {"INVENTAIRE_RENDER_WORKERS": 2, "INVENTAIRE_READ_MEMO": True}
    # Files written a moment before they are hashed are read again at the next build
    # (signature.RACY_NS); here the clock's grain is trusted.
    monkeypatch.setattr(signature, "RACY_NS", 0)
    readmemo.forget()  # a new builder's first build
    try:
        post_reads(project, preview, tmp_path / "first", monkeypatch)
        edited = sorted(p for p in (project / "content" / "posts").rglob("*.md")
                        if p.name != "09h00-1.md")[3]
        post = read_post(edited)
        post.text += " relu et corrigé"
        write_post(post, project / "content" / "posts")
        reads = post_reads(project, preview, tmp_path / "second", monkeypatch)
        post.text += " deux fois"
        write_post(post, project / "content" / "posts")
        again = post_reads(project, preview, tmp_path / "third", monkeypatch)
    finally:
        readmemo.forget()
    # Every file looked at once; the broken one and the edited one read again.
    assert len(reads) == POSTS + 1 + 2
    assert reads.count(edited.name) == 2
    # Then a file not written since it was looked at is not read again.
    assert sorted(set(again)) == sorted({edited.name, "09h00-1.md"}), again
    for folder, words in (("second", "relu et corrigé"), ("third", "deux fois")):
        shown = [page for page in (tmp_path / folder).rglob("*.html")
                 if words in page.read_text(encoding="utf-8")]
        assert shown, f"the edited post's page does not show the edit ({folder})"
