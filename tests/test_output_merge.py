"""The preview's merge of its folder into output/ when it kept pages in place
(commands/output.py, site/reuse.py): what it wrote moves in, what it kept stays the
very same file, anything else goes."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from inventaire.commands.output import (
    LISTING,
    MARKER,
    merge_output,
    read_listing,
    swapped_output,
)
from inventaire.core import settings as inventaire_settings
from inventaire.site import reuse


def tree(folder: Path) -> dict[str, str]:
    """Every file but the listing (tested on its own)."""
    return {p.relative_to(folder).as_posix(): p.read_text()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != LISTING}


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)


def test_merge_moves_in_what_was_written_keeps_what_was_kept_and_deletes_the_rest(
        tmp_path: Path) -> None:
    target, building = tmp_path / "output", tmp_path / ".output.building-1"
    write(target, {"index.html": "old home", "post/a/index.html": "a",
                   "post/b/index.html": "b, withdrawn since", "post/c/index.html": "old c",
                   "theme/old.css": "gone from the theme", ".git/HEAD": "retained"})
    write(building, {"index.html": "new home", "post/c/index.html": "new c",
                     "post/d/index.html": "new post", "theme/site.css": "css"})
    kept_inode = (target / "post/a/index.html").stat().st_ino

    merge_output(target, building, {"post/a/index.html"}, retain=[".git"])

    assert tree(target) == {".git/HEAD": "retained", "index.html": "new home",
                            "post/a/index.html": "a", "post/c/index.html": "new c",
                            "post/d/index.html": "new post", "theme/site.css": "css"}
    assert (target / "post/a/index.html").stat().st_ino == kept_inode  # not rewritten
    assert not (target / "post/b").exists()  # the withdrawn post's folder too
    assert not building.exists()
    assert read_listing(target) == set(tree(target))


def test_merge_replaces_a_file_by_a_folder_and_back(tmp_path: Path) -> None:
    target, building = tmp_path / "output", tmp_path / "building"
    write(target, {"a": "a file", "b/index.html": "a folder's page"})
    write(building, {"a/index.html": "now a folder", "b": "now a file"})
    merge_output(target, building, set())
    assert tree(target) == {"a/index.html": "now a folder", "b": "now a file"}


def test_swapped_output_merges_only_when_pages_were_kept(tmp_path: Path) -> None:
    target = tmp_path / "output"
    write(target, {"index.html": "old", "post/a/index.html": "a"})
    with swapped_output(target, kept=lambda: set()) as building:
        write(building, {"index.html": "new"})
    assert sorted(tree(target)) == [MARKER, "index.html"]  # replaced whole
    write(target, {"post/a/index.html": "a"})
    inode = (target / "post/a/index.html").stat().st_ino
    with swapped_output(target, kept=lambda: {"post/a/index.html"}) as building:
        write(building, {"index.html": "newer"})
    assert tree(target)["index.html"] == "newer"
    assert (target / "post/a/index.html").stat().st_ino == inode


def test_a_failed_build_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "output"
    write(target, {"index.html": "old", "post/a/index.html": "a"})
    before = tree(target)
    with pytest.raises(RuntimeError), swapped_output(
            target, kept=lambda: {"post/a/index.html"}) as building:
        write(building, {"index.html": "half"})
        raise RuntimeError("a page could not be rendered")
    assert tree(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_kept_pages_come_from_the_last_record_only(tmp_path: Path) -> None:
    (tmp_path / reuse.KEPT).write_text('["post/a/index.html"]')
    assert reuse.kept_pages(tmp_path) == {"post/a/index.html"}
    (tmp_path / reuse.KEPT).write_text("not json")
    assert reuse.kept_pages(tmp_path) == set()
    assert reuse.kept_pages(tmp_path / "absent") == set()


def test_no_reuse_with_a_search_index_and_the_record_is_dropped(tmp_path: Path) -> None:
    """A search index reads every page from the build's own folder: a preview with
    one renders every page, and the last record no longer describes output/."""
    (tmp_path / reuse.MANIFEST).write_text('{"pages": {}}')
    (tmp_path / reuse.KEPT).write_text('["x.html"]')

    generator = SimpleNamespace(
        settings={"CACHE_PATH": str(tmp_path), "INVENTAIRE_REUSE_PAGES": True,
                  "INVENTAIRE_SEARCH": True, "PATH": str(tmp_path / "content")},
        context={})
    reuse.begin([generator])
    assert reuse.REUSE not in generator.context
    assert not (tmp_path / reuse.MANIFEST).exists()
    assert not (tmp_path / reuse.KEPT).exists()
    generator.settings["INVENTAIRE_SEARCH"] = False
    reuse.begin([generator])
    assert isinstance(generator.context[reuse.REUSE], reuse.PageReuse)


def test_the_builders_code_signature_stands_for_the_code_and_distributions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Given by the preview's builder, the code's signature is not computed again
    (no listing of the distributions), and a new one changes every page's key."""
    (tmp_path / "content").mkdir()
    settings = {**inventaire_settings.DEFAULTS, "PATH": str(tmp_path / "content"),
                "INVENTAIRE_CODE_SIGNATURE": "one"}

    def listed() -> list[str]:
        raise AssertionError("distributions listed again")

    monkeypatch.setattr(reuse, "distributions_stamp", listed)
    first = reuse.build_signature(settings)
    assert reuse.build_signature(settings) == first
    assert reuse.build_signature({**settings, "INVENTAIRE_CODE_SIGNATURE": "two"}) != first
    monkeypatch.undo()
    without = reuse.build_signature({**settings, "INVENTAIRE_CODE_SIGNATURE": ""})
    assert without != first


def test_content_digests_skip_the_posts_and_the_exports(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content, {"places/a.yml": "a", "pages/journee.md": "day",
                    "posts/08/x.md": "post", "sources/export.jsonl": "raw",
                    ".inventaire/state": "hidden", "rights.yml": "register"})
    names = [name for name, _digest in reuse.content_digests(content)]
    assert names == ["pages/journee.md", "places/a.yml", "rights.yml"]
    os.remove(content / "rights.yml")
    assert [n for n, _d in reuse.content_digests(content)] == names[:2]


def test_the_merge_reads_what_output_holds_from_its_listing(tmp_path: Path) -> None:
    """A preview's output lists its files; the next merge deletes what the listing
    names and no build made again, without walking the folder — and walks it when
    the listing is missing."""
    target = tmp_path / "output"
    write(target, {"post/a/index.html": "a", "post/b/index.html": "b"})
    with swapped_output(target, kept=lambda: set()) as building:  # a preview, all new
        write(building, {"post/a/index.html": "a", "post/b/index.html": "b",
                         "index.html": "home"})
    assert read_listing(target) == {"post/a/index.html", "post/b/index.html",
                                    "index.html", MARKER}
    with swapped_output(target, kept=lambda: {"post/a/index.html"}) as building:
        write(building, {"index.html": "home again"})  # b withdrawn
    assert read_listing(target) == {"post/a/index.html", "index.html", MARKER}
    assert sorted(tree(target)) == sorted([MARKER, "index.html", "post/a/index.html"])
    (target / LISTING).unlink()
    write(target, {"stray.html": "not made by any build"})
    with swapped_output(target, kept=lambda: {"post/a/index.html"}) as building:
        write(building, {"index.html": "home"})
    assert not (target / "stray.html").exists()  # found by walking the folder
    assert read_listing(target) == {"post/a/index.html", "index.html", MARKER}


def test_a_full_build_leaves_no_listing(tmp_path: Path) -> None:
    target = tmp_path / "output"
    with swapped_output(target) as building:
        write(building, {"index.html": "home"})
    assert read_listing(target) is None


def test_a_file_made_again_identical_stays_the_very_file(tmp_path: Path) -> None:
    """The merge moves only what changed: a file written again with the bytes
    ``output/`` holds stays in place (same inode), and is still listed."""
    target, building = tmp_path / "output", tmp_path / ".output.building-1"
    write(target, {"theme/site.css": "css", "index.html": "old home",
                   "post/a/index.html": "a"})
    write(building, {"theme/site.css": "css", "index.html": "new home"})
    same = (target / "theme/site.css").stat().st_ino
    changed = (target / "index.html").stat().st_ino
    merge_output(target, building, {"post/a/index.html"}, trash=tmp_path / "trash")
    assert tree(target) == {"theme/site.css": "css", "index.html": "new home",
                            "post/a/index.html": "a"}
    assert (target / "theme/site.css").stat().st_ino == same
    assert (target / "index.html").stat().st_ino != changed
    assert read_listing(target) == set(tree(target))
    assert not building.exists()


def test_a_page_rendered_again_identical_is_kept_under_its_new_key(tmp_path: Path) -> None:
    """A keyed page whose new rendering has its last file's bytes: the new copy is
    dropped, the file in place recorded with the new key, and the next preview may
    keep it; a page whose bytes changed is recorded as the new file."""
    (tmp_path / "content").mkdir()
    previous, building = tmp_path / "output", tmp_path / ".output.building-1"
    write(previous, {"post/a/index.html": "same", "post/b/index.html": "old"})
    write(building, {"post/a/index.html": "same", "post/b/index.html": "new"})
    settings = {**inventaire_settings.DEFAULTS, "PATH": str(tmp_path / "content"),
                "CACHE_PATH": str(tmp_path / "cache"),
                "INVENTAIRE_PREVIOUS_OUTPUT": str(previous)}
    pages = reuse.PageReuse(settings)
    pages.keys = {"post/a/index.html": "new key a", "post/b/index.html": "new key b"}
    pages.save(building)
    assert not (building / "post/a/index.html").exists()
    assert (building / "post/b/index.html").read_text() == "new"
    assert reuse.kept_pages(tmp_path / "cache") == {"post/a/index.html"}
    following = reuse.PageReuse(settings)
    assert following.reuse("post/a/index.html", "new key a")
    assert not following.reuse("post/b/index.html", "new key b")  # still in building
