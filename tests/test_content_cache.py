"""Pelican's content cache is on, and never serves a reading made by other settings.

``site/content_cache.py`` lets Pelican load its cache only when the plugin's code
and the settings are those of the build that saved it; the reader gives no HTML
for a file it cannot read, so that file is read, and its error logged, every time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hostile.tmpproject import made_up_post, make_project, small_project
from inventaire.commands.build import build
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post, write_post
from inventaire.site.reader import InventaireReader

SITE = {"BOOK_ENABLED": False}


def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    read = InventaireReader.read

    def counting(self: InventaireReader, source_path: str) -> Any:
        reads.append(Path(source_path).name)
        return read(self, source_path)

    monkeypatch.setattr(InventaireReader, "read", counting)
    return reads


def test_a_rebuild_reads_only_the_edited_post(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    posts = [made_up_post(i) for i in range(5)]
    project = make_project(tmp_path, posts=posts)
    reads = counted_reads(monkeypatch)
    build(project, overrides=SITE)
    assert len([name for name in reads if name.endswith(".md")]) >= 5 + 3  # posts, pages
    reads.clear()
    path = next((project / "content" / "posts").rglob(f"*{posts[1].id}.md"))
    post = read_post(path)
    post.text = "Un cygne sur le bassin numéro1 #jdtap"
    write_post(post, project / "content" / "posts")
    build(project, overrides=SITE)
    assert reads == [path.name]
    page = project / "output" / "post" / posts[1].id / "index.html"
    assert "Un cygne sur le bassin" in page.read_text(encoding="utf-8")


def test_a_setting_that_changes_the_reading_makes_every_file_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The status baked into a cached reading depends on INVENTAIRE_SHOW_CANDIDATES."""
    candidate = made_up_post(2, status="candidate")
    project = make_project(tmp_path, posts=[made_up_post(1), candidate])
    page = project / "output" / "post" / candidate.id / "index.html"
    build(project, overrides=SITE)
    assert page.is_file()
    reads = counted_reads(monkeypatch)
    build(project, overrides={**SITE, "INVENTAIRE_SHOW_CANDIDATES": False})
    assert f"{candidate.id}.md" in " ".join(reads)
    assert not page.exists()
    reads.clear()
    build(project, overrides={**SITE, "INVENTAIRE_SHOW_CANDIDATES": False})
    assert not [name for name in reads if name.endswith(".md")]  # the same settings again
    build(project, overrides=SITE)
    assert page.is_file()


def test_a_book_setting_keeps_the_cache(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(3)])
    build(project, overrides=SITE)
    reads = counted_reads(monkeypatch)
    build(project, overrides={**SITE, "BOOK_TITLE": "Un autre titre"})
    assert not [name for name in reads if name.endswith(".md")]


def test_a_broken_post_file_is_reported_at_every_build(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = small_project(tmp_path, count=4)
    broken = project / "content" / "posts" / "2013-04-19" / "12h00-1.md"
    broken.write_text("---\nid: '1'\nnetwork: [twitter\n---\nTexte.\n", encoding="utf-8")
    for _build in range(2):
        caplog.clear()
        assert main(["--project", str(project), "build", "--site"]) == 1
        assert "12h00-1.md:3: front matter: YAML error" in caplog.text
