"""A preview's summary counts its output from the list of files the build wrote
there (``commands/summary.py``), not by walking a folder per page: the figures must
be the ones a walk finds, after a first preview, after one that kept pages in place,
with an entry ``OUTPUT_RETENTION`` keeps and a file no build wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.tmpproject import small_project
from inventaire.commands.build import build
from inventaire.commands.output import LISTING
from inventaire.commands.summary import build_summary, count_files, count_listed
from inventaire.core.postfile import read_post, write_post
from inventaire.site import readmemo
from inventaire.site.reuse import kept_pages

PREVIEW = {"INVENTAIRE_SHOW_CANDIDATES": True, "INVENTAIRE_SEARCH": False,
           "INVENTAIRE_READ_MEMO": True, "INVENTAIRE_RENDER_WORKERS": 1,
           "OUTPUT_RETENTION": [".git"]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    readmemo.forget()
    yield small_project(tmp_path, 8)
    readmemo.forget()


def preview(project: Path) -> dict[str, object]:
    return build(project, overrides=dict(PREVIEW), book=False, reuse_pages=True)


def test_a_previews_count_is_the_walks(project: Path) -> None:
    settings = preview(project)
    output = project / "output"
    assert (output / LISTING).is_file()
    assert count_listed(output) == count_files(output)
    (output / ".git" / "objects").mkdir(parents=True)  # a deployment's, retained
    (output / ".git" / "objects" / "ab").write_text("x", encoding="utf-8")
    (output / "notes.html").write_text("x", encoding="utf-8")  # written by no build
    (output / "archives").symlink_to(project / "content")
    (output / "perdu.html").symlink_to(project / "nulle-part.html")
    assert count_listed(output) == count_files(output)
    first = sorted((project / "content" / "posts").rglob("*.md"))[0]
    post = read_post(first)
    post.text += " (relu)"
    write_post(post, project / "content" / "posts")
    settings = preview(project)  # pages kept: the new folder is merged in
    assert kept_pages(project / "cache")
    assert (output / ".git" / "objects" / "ab").is_file()
    pages, files = count_files(output)
    assert count_listed(output) == (pages, files)
    assert f"{pages} HTML page(s), {files} file(s) in all" in build_summary(
        settings, 0, 0, preview=True)


def test_without_a_list_the_folder_is_walked(tmp_path: Path) -> None:
    (tmp_path / "post" / "a").mkdir(parents=True)
    (tmp_path / "post" / "a" / "index.html").write_text("x", encoding="utf-8")
    assert count_listed(tmp_path) is None
    settings = {"OUTPUT_PATH": str(tmp_path), "CACHE_PATH": str(tmp_path / "cache")}
    assert "1 HTML page(s), 1 file(s) in all" in build_summary(settings, 0, 0, preview=True)
