"""The posts are parsed on every core, and the pages are those of one process.

``site/prefetch.py`` forks children that parse their share of the posts into the
reader's memory before Pelican reads them; the parent then parses only its own
share. A broken file is still reported once, by the parent, as Pelican reads it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
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
