"""The writer that skips identical files: same bytes as Pelican's, mtimes kept."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

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
    assert (w.counts["written"], w.counts["unchanged"]) == (0, 1)


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


# ------------------------------------------------------------------ skipped renders

def small_theme(folder: Path) -> Path:
    """Pelican's default theme with a plain frame (its menu lists every category)."""
    from pelican.settings import DEFAULT_THEME

    theme = folder / "theme"
    shutil.copytree(DEFAULT_THEME, theme)
    (theme / "templates" / "base.html").write_text(
        "<html><body>{% block content %}{% endblock %}</body></html>\n", encoding="utf-8")
    return theme


def render(project: Path, **settings: Any) -> set[str]:
    """Build once with the writer; the pages that were rendered (not skipped)."""
    rendered: set[str] = set()

    class Counting(SameBytesWriter):
        def write_file(self, name: Any, *args: Any, **kwargs: Any) -> None:
            before = self.counts["skipped"]
            super().write_file(name, *args, **kwargs)
            if name and self.counts["skipped"] == before:
                rendered.add(name)

    def counting(_pelican: object) -> type[SameBytesWriter]:
        return Counting

    signals.get_writer.connect(counting)
    try:
        Pelican(read_settings(override={
            "PATH": str(project / "content"), "OUTPUT_PATH": str(project / "output"),
            "PLUGINS": [], "TIMEZONE": "UTC", "SITEURL": "", "THEME": str(project / "theme"),
            "CACHE_PATH": str(project / "cache"), **settings})).run()
    finally:
        signals.get_writer.disconnect(counting)
    return rendered


def three_articles(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for number in (1, 2, 3):
        (content / f"a{number}.md").write_text(
            f"Title: Article {number}\nDate: 2013-04-19 1{number}:00\nTags: t{number}\n\n"
            f"Texte {number}.\n", encoding="utf-8")
    small_theme(tmp_path)
    return content


def test_editing_one_post_renders_its_page_and_its_lists_only(tmp_path: Path) -> None:
    content = three_articles(tmp_path)
    assert "article-1.html" in render(tmp_path)
    assert render(tmp_path) == set()  # nothing changed: nothing rendered
    (content / "a2.md").write_text("Title: Article 2\nDate: 2013-04-19 12:00\nTags: t2\n\n"
                                   "Texte changé.\n", encoding="utf-8")
    again = render(tmp_path)
    assert {"article-2.html", "tag/t2.html", "index.html"} <= again
    assert not again & {"article-1.html", "article-3.html", "tag/t1.html", "tag/t3.html"}
    assert "Texte changé" in (tmp_path / "output" / "article-2.html").read_text("utf-8")


def test_editing_one_post_of_a_long_tag_renders_only_the_page_showing_it(
        tmp_path: Path) -> None:
    """Hashtag pages in pages of two posts (site/taxonomy.py): an edit of the third
    post of five renders the second page only."""
    from inventaire.site import taxonomy

    content = tmp_path / "content"
    content.mkdir()

    def article(number: int, text: str) -> None:
        (content / f"a{number}.md").write_text(
            f"Title: Article {number}\nDate: 2013-04-19 1{number}:00\nTags: t\n\n{text}\n",
            encoding="utf-8")

    for number in range(1, 6):
        article(number, f"Texte {number}.")
    theme = small_theme(tmp_path)
    (theme / "templates" / "tag.html").write_text(
        "{% for a in dates %}{{ a.title }}: {{ a.content }}\n{% endfor %}"
        "{{ list_page.number }}/{{ list_pages|length }} ({{ post_count }})\n",
        encoding="utf-8")
    signals.article_generator_finalized.connect(taxonomy.bind)
    try:
        first = render(tmp_path, INVENTAIRE_LIST_PAGE_SIZE=2)
        assert {"tag/t.html", "tag/t-2.html", "tag/t-3.html"} <= first
        article(3, "Texte changé.")
        again = render(tmp_path, INVENTAIRE_LIST_PAGE_SIZE=2)
    finally:
        signals.article_generator_finalized.disconnect(taxonomy.bind)
    assert {"article-3.html", "tag/t-2.html"} <= again
    assert not again & {"tag/t.html", "tag/t-3.html"}
    second = (tmp_path / "output" / "tag" / "t-2.html").read_text("utf-8")
    assert "Article 3: <p>Texte changé.</p>" in second and "2/3 (5)" in second


def test_changing_a_template_renders_everything(tmp_path: Path) -> None:
    three_articles(tmp_path)
    first = render(tmp_path)
    base = tmp_path / "theme" / "templates" / "base.html"
    base.write_text("<html><body>{% block content %}{% endblock %}<p>pied</p></body></html>\n",
                    encoding="utf-8")
    assert render(tmp_path) == first
    assert "<p>pied</p>" in (tmp_path / "output" / "article-3.html").read_text("utf-8")


def test_a_page_whose_output_was_edited_is_rendered_again(tmp_path: Path) -> None:
    three_articles(tmp_path)
    render(tmp_path)
    (tmp_path / "output" / "article-1.html").write_text("abîmé", encoding="utf-8")
    assert render(tmp_path) == {"article-1.html"}
    assert "Texte 1" in (tmp_path / "output" / "article-1.html").read_text("utf-8")


def test_stable_refuses_what_it_cannot_describe() -> None:
    from inventaire.site.render_keys import Unknown, stable

    assert stable({"a": [1, "x", None]}) == [["a", [1, "x", None]]]
    with pytest.raises(Unknown):
        stable(object())


def test_inventaire_build_keeps_unchanged_pages_and_drops_stray_files(tmp_path: Path) -> None:
    """Through the output swap: the new folder is seeded from the old one by hard
    links, unchanged pages keep their mtime, files nobody wrote are deleted."""
    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build

    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(4)])
    build(project, overrides={"BOOK_ENABLED": False})
    output = project / "output"
    page = output / "post" / made_up_post(1).id / "index.html"
    os.utime(page, (OLD, OLD))
    (output / "post" / "stray.html").write_text("left by hand", encoding="utf-8")
    old_inode = (output / "sitemap.xml").stat().st_ino
    build(project, overrides={"BOOK_ENABLED": False})
    assert page.stat().st_mtime == OLD
    assert not (output / "post" / "stray.html").exists()
    assert (output / "sitemap.xml").stat().st_ino != old_inode  # never shared: written in place
    assert (output / "pagefind").is_dir() == (output / "recherche" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".output")) == []


def test_hours_linked_to_each_other_get_a_render_key() -> None:
    """``hour.previous.next`` is the hour again: it must be described, not given up on
    (an hour page that cannot be described is rendered on every build)."""
    from inventaire.site.groups import Hour
    from inventaire.site.render_keys import stable

    day = [Hour(hour) for hour in range(24)]
    for before, after in pairwise(day):
        before.next, after.previous = after, before
    described = stable(day[14])
    assert described == stable(day[14])
    fifteen = stable(day[15])
    day[15].weather = "Averse"
    assert stable(day[15]) != fifteen  # the hour's own page changes
    assert stable(day[14]) == described  # its neighbour's pager shows only the label


def test_rebuild_after_a_withdrawal_reuses_the_index_and_drops_the_post(tmp_path: Path) -> None:
    """Through the swap: the new search index keeps the previous bundle's files it
    still needs (same inode) and nothing of the withdrawn post."""
    import gzip

    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build
    from inventaire.core.postfile import read_post, write_post
    from inventaire.site import pagefind_bundle

    posts = [made_up_post(i) for i in range(6)]
    project = make_project(tmp_path, posts=posts)
    build(project, overrides={"BOOK_ENABLED": False})
    bundle = project / "output" / "pagefind"

    def fragments() -> dict[str, tuple[int, str]]:
        return {p.name: (p.stat().st_ino, gzip.decompress(p.read_bytes()).decode())
                for p in (bundle / "fragment").iterdir()}

    before = fragments()
    assert any("numéro3" in text for _inode, text in before.values())
    path = next((project / "content" / "posts").rglob(f"*{posts[3].id}.md"))
    post = read_post(path)
    post.status = "withdrawn"
    write_post(post, project / "content" / "posts")
    build(project, overrides={"BOOK_ENABLED": False})
    after = fragments()
    assert not any("numéro3" in text for _inode, text in after.values())
    names = pagefind_bundle.referenced(bundle)
    assert names is not None and {n.split(".")[0] for n in after} <= names
    kept = [n for n in after if n in before and after[n][0] == before[n][0]]
    assert kept, "every fragment was written again: the previous bundle was not reused"


def test_the_previous_output_is_deleted_during_the_next_build(tmp_path: Path) -> None:
    """``output.discard`` moves the replaced output into the cache; the next build
    deletes it (``output.Sweeper``) and leaves its own predecessor there."""
    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build

    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(3)])
    trash = project / "cache" / "old-output"
    build(project, overrides={"BOOK_ENABLED": False})
    assert not trash.exists() or not any(trash.iterdir())
    build(project, overrides={"BOOK_ENABLED": False})
    first = sorted(trash.iterdir())
    assert len(first) == 1 and (first[0] / "index.html").is_file()
    build(project, overrides={"BOOK_ENABLED": False})
    second = sorted(trash.iterdir())
    assert len(second) == 1 and second != first
    assert (project / "output" / "index.html").is_file()


@pytest.mark.parametrize("cp_links", [True, False])
def test_the_seed_links_the_previous_output_but_skipped_names_and_links(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cp_links: bool) -> None:
    """``cp -al`` beside the build, or, where it fails, the seed's own linking: the
    same folder either way, and the previous output untouched."""
    from inventaire import output

    previous = tmp_path / "output"
    for name in ("post/1/index.html", "sitemap.xml", "theme/css/site.css",
                 "theme/fonts/a.woff2", ".git/config"):
        (previous / name).parent.mkdir(parents=True, exist_ok=True)
        (previous / name).write_text(name, encoding="utf-8")
    (previous / "lien").symlink_to(previous / "post")
    (previous / "theme" / "lien.css").symlink_to(previous / "theme" / "css" / "site.css")
    if not cp_links:
        monkeypatch.setattr(output.shutil, "which", lambda _name: "/bin/false")
    building = tmp_path / "building"
    building.mkdir()
    seed = output.Seed(building, skip=["sitemap.xml", "theme/css/site.css", ".git"])
    seed.start_fill(previous)
    seed.ready()
    found = sorted(p.relative_to(building).as_posix() for p in building.rglob("*")
                   if p.is_file() or p.is_symlink())
    assert found == ["post/1/index.html", "theme/fonts/a.woff2"]
    assert set(seed.inodes) == {"post/1/index.html", "theme/fonts/a.woff2"}
    for name, inode in seed.inodes.items():
        assert (building / name).stat().st_ino == inode == (previous / name).stat().st_ino
    assert (previous / "sitemap.xml").read_text(encoding="utf-8") == "sitemap.xml"
    assert (previous / ".git" / "config").is_file() and (previous / "lien").is_symlink()
