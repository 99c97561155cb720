"""An edited tweet is one post, whatever export it comes from (issue 19).

X/Twitter gives an edit a new id and lists every version, oldest first: API v2 and
twarc-csv in ``edit_history_tweet_ids``, the archive's ``tweets.js`` in ``edit_info``
(docs/formats.md). The three readers must give the same record — the newest text
under the original's id, address and time, ``edited: true`` — so that an import of
the same tweet from a twarc2 file, an archive and a CSV keeps one post, not two.

The fixtures (``tests/fixtures/import/edited/``) hold one tweet and its edit 25
minutes later, with real snowflake ids, in each format's real shape: a twarc2 search
page (the edit, and the original looked up after it), an archive with both versions,
and a CSV with twarc-csv 0.7's header, one row per version.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from inventaire.importer.sources.common import ReadContext, Skipped
from inventaire.importer.sources.detect import READERS, detect
from inventaire.importer.sources.edits import EDIT_VERSION

FIXTURES = Path(__file__).parent / "fixtures" / "import"
EDITED = FIXTURES / "edited"
PARIS = ZoneInfo("Europe/Paris")
ORIGINAL = "325231179068342275"  # written 14:55:30 (Paris), its id says so
EDIT = "325237355046764551"  # 15:20:02
WRITTEN = datetime(2013, 4, 19, 14, 55, 30, tzinfo=PARIS)
NEWEST = "Une averse de grêle sur la place & le marché #jdtap"
EXPORTS = {"twarc2": EDITED / "search.jsonl", "archive": EDITED / "archive",
           "twarc-csv": EDITED / "tweets.csv"}


def read(path: Path) -> list[object]:
    return list(READERS[detect(path)](path, ReadContext(PARIS, "sources/x", path.name)))


def only_post(records: list[object]) -> Post:
    (post,) = [r for r in records if isinstance(r, Post)]
    return post


def record(post: Post) -> dict[str, Any]:
    """What must not depend on the export (the counts and the source file may)."""
    return {"id": post.id, "url": post.url, "date": post.date, "text": post.text,
            "author": post.author, "author_name": post.author_name,
            "entities": [(e.kind, e.start, e.end, e.value) for e in post.entities],
            "edited": post.extra.get("edited"), "version": post.extra.get(EDIT_VERSION)}


def archive_of(tmp_path: Path, keep: set[str], history: list[str] | None = None) -> Path:
    """The fixture archive with only the versions in ``keep`` (and, when given, the
    history its versions list: an archive downloaded before the edit lists one id)."""
    folder = tmp_path / "archive"
    shutil.copytree(EDITED / "archive", folder)
    tweets = folder / "data" / "tweets.js"
    items = json.loads(tweets.read_text(encoding="utf-8").partition("=")[2])
    items = [i for i in items if i["tweet"]["id_str"] in keep]
    for item in items:
        if history is not None:
            info = item["tweet"]["edit_info"]
            (info.get("initial") or info["edit"]["editControlInitial"])["editTweetIds"] = history
    tweets.write_text("window.YTD.tweets.part0 = " + json.dumps(items, ensure_ascii=False),
                      encoding="utf-8")
    return folder


# ------------------------------------------------------------------ each reader alone

@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_each_reader_gives_the_edit_under_the_originals_id(export: str) -> None:
    records = read(EXPORTS[export])
    assert Skipped("older version") in records  # the original, once
    post = only_post(records)
    assert post.id == ORIGINAL
    assert post.url == f"https://twitter.com/passante/status/{ORIGINAL}"
    assert post.date == WRITTEN  # not the edit's 15:20
    assert post.text == NEWEST
    assert [(e.kind, e.value) for e in post.entities] == [("hashtag", "jdtap")]
    assert post.extra["edited"] is True
    assert post.extra[EDIT_VERSION] == 2


def test_the_three_readers_give_the_same_record() -> None:
    found = {name: record(only_post(read(path))) for name, path in EXPORTS.items()}
    assert found["archive"] == found["twarc2"]
    assert found["twarc-csv"] == found["twarc2"]


def test_an_archive_without_the_original_reads_its_time_from_its_id(tmp_path: Path) -> None:
    post = only_post(read(archive_of(tmp_path, {EDIT})))
    assert (post.id, post.date, post.text) == (ORIGINAL, WRITTEN, NEWEST)
    assert post.extra[EDIT_VERSION] == 2


def test_a_csv_of_the_edit_alone_is_read_as_the_edit(tmp_path: Path) -> None:
    lines = (EDITED / "tweets.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    alone = tmp_path / "edit.csv"
    alone.write_text("".join(line for line in lines if not line.startswith(ORIGINAL)),
                     encoding="utf-8")
    records = read(alone)
    assert Skipped("older version") not in records
    assert record(only_post(records)) == record(only_post(read(EXPORTS["twarc2"])))


# ------------------------------------------------------------------ one import, one post

@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "content" / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", root / "content" / "pages" / "journee.md")
    return root


def imported(project: Path, *exports: Path) -> dict[str, Path]:
    assert main(["--project", str(project), "import", "--no-progress",
                 *map(str, exports)]) == 0
    return {read_post(p).id: p for p in (project / "content" / "posts").rglob("*.md")}


@pytest.mark.parametrize("order", [["twarc2", "archive", "twarc-csv"],
                                   ["twarc-csv", "archive", "twarc2"]])
def test_the_three_exports_import_one_post(project: Path, order: list[str]) -> None:
    files = imported(project, *(EXPORTS[name] for name in order))
    assert list(files) == [ORIGINAL]
    path = files[ORIGINAL]
    assert path.name == f"14h55-{ORIGINAL}.md"
    post = read_post(path)
    assert post.text == NEWEST
    assert post.url == f"https://twitter.com/passante/status/{ORIGINAL}"
    assert post.date == WRITTEN
    written = path.read_text(encoding="utf-8")
    assert "edited: true" in written and EDIT_VERSION not in written


@pytest.mark.parametrize("archive_first", [True, False])
def test_an_archive_from_before_the_edit_gives_way_to_the_edit(
        project: Path, tmp_path: Path, archive_first: bool) -> None:
    """Downloaded before the edit, the archive holds the original alone (its history
    one id long): the edit read from the CSV is the same post, and its text wins."""
    before = archive_of(tmp_path, {ORIGINAL}, history=[ORIGINAL])
    alone = only_post(read(before))
    assert alone.id == ORIGINAL and "edited" not in alone.extra
    exports = [before, EXPORTS["twarc-csv"]]
    files = imported(project, *(exports if archive_first else exports[::-1]))
    assert list(files) == [ORIGINAL]
    post = read_post(files[ORIGINAL])
    assert (post.text, post.date) == (NEWEST, WRITTEN)
    assert "edited: true" in files[ORIGINAL].read_text(encoding="utf-8")
