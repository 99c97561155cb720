"""The preview reuses a page only when nothing it shows changed (site/reuse.py).

Each round edits the project the way editors do, builds the preview (pages with
unchanged inputs kept in place from the last preview) and a full build of the same project
into another folder, and compares the two file by file: a dependency missing from
``reuse.SHOWS`` or from the build signature shows up here as a stale page.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, small_project
from inventaire.commands.build import build
from inventaire.commands.output import LISTING, read_listing
from inventaire.core.model import Declaimed
from inventaire.core.postfile import read_post, write_post
from inventaire.site.reuse import MANIFEST

# The preview as its builder runs it: pages reused, posts and templates kept in memory.
PREVIEW = {"INVENTAIRE_SHOW_CANDIDATES": True, "INVENTAIRE_SEARCH": False,
           "INVENTAIRE_RENDER_WORKERS": 2, "INVENTAIRE_READ_MEMO": True}
FULL = {**PREVIEW, "INVENTAIRE_READ_MEMO": False}


def preview(project: Path) -> Path:
    build(project, overrides=dict(PREVIEW), book=False, reuse_pages=True)
    return project / "output"


def full(project: Path, folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    build(project, overrides=dict(FULL), book=False, output=folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file but the preview's own listing of them (a full build has none)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != LISTING}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino
            for p in folder.rglob("*.html")}


def posts(project: Path) -> list[Path]:
    return sorted((project / "content" / "posts").rglob("*.md"))


def change(path: Path, project: Path, **fields: object) -> None:
    post = read_post(path)
    for name, value in fields.items():
        setattr(post, name, value)
    write_post(post, project / "content" / "posts")


def same_as_full(project: Path, tmp_path: Path) -> None:
    reused, fresh = snapshot(preview(project)), snapshot(full(project, tmp_path / "full"))
    assert sorted(reused) == sorted(fresh)
    assert read_listing(project / "output") == set(reused)  # the next merge's reading
    assert [name for name in fresh if reused[name] != fresh[name]] == []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = small_project(tmp_path, 40)
    preview(project)
    assert (project / "cache" / MANIFEST).is_file()
    return project


def edit_words(project: Path) -> None:
    files = posts(project)
    change(files[3], project, text=read_post(files[3]).text + " (relu)")
    change(files[8], project, author_name="Nouveau nom")
    change(files[12], project, note="Une note des éditeurs.")
    change(files[15], project, featured=True)
    change(files[20], project, declaimed=Declaimed(
        read_post(files[20]).place or "place-saint-sulpice", "15:00"))
    with_media = [p for p in files if read_post(p).media]
    if with_media:
        post = read_post(with_media[0])
        post.media[0].alt = "Une autre description."
        write_post(post, project / "content" / "posts")


def edit_shape(project: Path) -> None:
    files = posts(project)
    places = sorted(p.stem for p in (project / "content" / "places").glob("*.md"))
    moved = read_post(files[5])
    change(files[5], project,
           place=next(p for p in places if p != moved.place))
    change(files[9], project, status="candidate")
    files[30].unlink()
    write_post(made_up_post(900), project / "content" / "posts")
    late = made_up_post(901, author="nouvelle_venue", author_name="Nouvelle venue")
    late.date = late.date.replace(hour=23, minute=40)
    write_post(late, project / "content" / "posts")


def edit_around(project: Path) -> None:
    author = read_post(posts(project)[2]).author
    (project / "content" / "rights.yml").write_text(
        f"withdrawals:\n- author: {author}\n  status: withdrawn\n  reason: test\n",
        encoding="utf-8")
    place = sorted((project / "content" / "places").glob("*.md"))[0]
    place.write_text(place.read_text("utf-8").replace("name: ", "name: Ancienne ", 1),
                     "utf-8")


def edit_template(project: Path) -> None:
    template = project / "theme" / "templates" / "base.html"
    template.write_text(template.read_text("utf-8").replace(
        "</footer>", "<p>Mention ajoutée.</p></footer>", 1), "utf-8")


@pytest.mark.parametrize("edit", [edit_words, edit_shape, edit_around, edit_template])
def test_the_preview_after_an_edit_is_the_full_build(
        project: Path, tmp_path: Path, edit: Callable[[Path], None]) -> None:
    edit(project)
    same_as_full(project, tmp_path)
    edit(project) if edit is edit_words else None  # and a second edit on top
    same_as_full(project, tmp_path)


def test_an_edit_to_one_post_renders_only_the_pages_that_show_it(project: Path) -> None:
    before, old_bytes = inodes(project / "output"), snapshot(project / "output")
    files = posts(project)
    target = read_post(files[3])
    change(files[3], project, text=target.text + " (relu)")
    after = inodes(preview(project))
    new_bytes = snapshot(project / "output")
    kept = [name for name in after if before.get(name) == after[name]]
    post_pages = [name for name in after if name.startswith("post/")]
    assert f"post/{target.id}/index.html" not in kept
    # Every other post's page but its two neighbours' is the very same file; theirs
    # are rendered again (they link to it), and stay the same file when their bytes
    # did not change — as does any file made again identical.
    assert len([n for n in kept if n.startswith("post/")]) >= len(post_pages) - 3
    assert [name for name in after if name not in kept
            and old_bytes.get(name) == new_bytes[name]] == []


def test_a_new_post_renders_only_the_pages_that_show_it(project: Path) -> None:
    before = inodes(project / "output")
    post = made_up_post(902)
    write_post(post, project / "content" / "posts")
    after = inodes(preview(project))
    rendered = [name for name in after if before.get(name) != after[name]]
    post_pages = [name for name in rendered if name.startswith("post/")]
    # Its own page and its two neighbours'; its hour, place, hashtags, author and the
    # pages that show the whole day; not the other posts' pages.
    assert f"post/{post.slug}/index.html" in post_pages
    assert len(post_pages) <= 3
    assert len(rendered) < len(after) / 2


def test_a_publish_build_never_reuses(project: Path, tmp_path: Path) -> None:
    build(project, overrides=dict(PREVIEW), book=False, publish=True, reuse_pages=True)
    assert not (project / "cache" / MANIFEST).exists()


def test_a_build_that_is_not_a_preview_leaves_no_record_to_reuse(project: Path) -> None:
    before = inodes(project / "output")
    build(project, overrides=dict(PREVIEW), book=False)
    preview(project)
    after = inodes(project / "output")
    assert not [name for name in after if before.get(name) == after[name]]


def test_a_day_dated_by_its_posts_follows_them(project: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a date in ``journee.md`` (nor ``INVENTAIRE_DAY``), the day is dated by
    its newest posts' folder: a post in a new folder redates every page's header,
    the pages of the posts that did not change too — even when the build's
    ``SOURCE_DATE_EPOCH`` is the user's, not the day's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1366322400")
    day = project / "content" / "pages" / "journee.md"
    day.write_text(day.read_text("utf-8").replace("date: 2013-04-19\n", "", 1), "utf-8")
    preview(project)
    late = made_up_post(903)
    late.date = late.date + timedelta(days=1)
    write_post(late, project / "content" / "posts")
    same_as_full(project, tmp_path)


def test_the_feed_is_kept_while_the_posts_it_lists_are_the_same(
        project: Path, tmp_path: Path) -> None:
    """The feed lists the newest ``FEED_MAX_ITEMS`` posts: an edit to an older one
    keeps its file; an edit to one it lists makes it again, as a full build does."""
    settings = {**PREVIEW, "FEED_MAX_ITEMS": 5}
    feed = project / "output" / "feeds" / "tout.atom.xml"
    build(project, overrides=dict(settings), book=False, reuse_pages=True)
    first = feed.stat().st_ino
    files = posts(project)  # in time order: the oldest first
    change(files[0], project, text=read_post(files[0]).text + " (ancien relu)")
    build(project, overrides=dict(settings), book=False, reuse_pages=True)
    assert feed.stat().st_ino == first
    assert "(ancien relu)" not in feed.read_text("utf-8")
    change(files[-1], project, text=read_post(files[-1]).text + " (récent relu)")
    build(project, overrides=dict(settings), book=False, reuse_pages=True)
    assert feed.stat().st_ino != first
    full = tmp_path / "full"
    build(project, overrides={**settings, "INVENTAIRE_READ_MEMO": False}, book=False,
          output=full)
    assert "(récent relu)" in feed.read_text("utf-8")
    assert feed.read_bytes() == (full / "feeds" / "tout.atom.xml").read_bytes()
