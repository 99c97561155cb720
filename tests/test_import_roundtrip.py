"""Issue 15, acceptance: a real-size Twitter archive round-trips through the import.

``tools/make_twitter_archive.py`` writes some 3,000 tweets over two part files, with
threads of long posts whose tweets and notes share one creation second, tweets edited
once or twice (every version present), videos and GIFs (half with their still),
photos, replies and retweets, and says what each post must read. After one import,
every editors' file holds its source's whole text, no post is there twice (an older
version of an edit, a note given to two tweets), none is missing, and the media are
of their kind. A second import changes no file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Post
from inventaire.core.postfile import read_post

from tools.make_twitter_archive import Archive, write_archive

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@dataclass
class Imported:
    root: Path
    archive: Archive
    posts: list[Post]


def run_import(root: Path) -> int:
    return main(["--project", str(root), "import", "--no-progress", "--all",
                 str(root / "archive")])


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    root = tmp_path_factory.mktemp("roundtrip")
    (root / "content" / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", root / "content" / "pages" / "journee.md")
    archive = write_archive(root / "archive", tweets=3000, seed=15)
    assert run_import(root) == 0  # no warning: every long text found its own tweet
    posts = [read_post(path) for path in sorted((root / "content" / "posts").rglob("*.md"))]
    return Imported(root, archive, posts)


def test_every_post_reads_its_sources_whole_text_once(imported: Imported) -> None:
    expected = imported.archive.expected
    posts = imported.posts
    ids = [post.id for post in posts]
    assert len(ids) == len(set(ids)), "a post imported twice"
    assert set(ids) == set(expected), (
        f"lost: {sorted(set(expected) - set(ids))[:5]}, "
        f"extra: {sorted(set(ids) - set(expected))[:5]}")
    wrong = [(p.id, p.text, expected[p.id]) for p in posts if p.text != expected[p.id]]
    assert not wrong, f"{len(wrong)} texts differ, the first: {wrong[0]}"
    texts = [p.text for p in posts]
    assert len(texts) == len(set(texts)), "one text under two ids"
    assert len(posts) > 2500
    assert len([p for p in posts if len(p.text) > 280]) > 300
    edited = [p for p in posts if p.extra.get("edited")]
    assert len(edited) > 50
    assert all(p.text.startswith(("[v2] ", "[v3] ")) for p in edited)


def test_media_are_of_their_kind(imported: Imported) -> None:
    kinds = imported.archive.media
    posts = {p.id: p for p in imported.posts}
    assert {"video", "gif", "photo"} <= {k for ks in kinds.values() for k in ks}
    posters = 0
    for post_id, wanted in kinds.items():
        media = posts[post_id].media
        assert [m.kind for m in media] == wanted
        assert all(m.file and not m.missing for m in media)
        assert all((imported.root / "content" / m.file).is_file() for m in media)
        posters += sum(1 for m in media if m.poster)
    assert posters  # the archive's stills, for about half of the videos


def test_a_second_import_changes_nothing(imported: Imported,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted((imported.root / "content").rglob("*"))
    before = {p: p.stat().st_mtime_ns for p in files}
    capsys.readouterr()
    assert run_import(imported.root) == 0
    assert "(0 new, 0 updated, " in capsys.readouterr().out
    after = {p: p.stat().st_mtime_ns for p in sorted((imported.root / "content").rglob("*"))}
    assert after == before
