"""An edited tweet arrives under a new id (issue 19): X/Twitter API v2 gives each
version its own id and lists them all, oldest first, in ``edit_history_tweet_ids``.
The edit must update the original's file — never land as a second post, never
overwrite an editor's change — both when ``inventaire live`` reads it from the
watched twarc2 file and when a full import reads an export holding both versions.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post
from inventaire.importer.curation.day import DayFilter
from inventaire.importer.live.cursors import Cursors
from inventaire.importer.live.folder import FolderSource
from inventaire.importer.live.land import Lander
from inventaire.importer.live.scheduler import PassReport, run_pass
from inventaire.importer.sources.common import ReadContext, Skipped
from inventaire.importer.sources.edits import EDIT_VERSION
from inventaire.importer.sources.twitter_v2 import records
from live_fakes import FIXTURES, live_content

ROOT = Path(__file__).resolve().parents[1]
PARIS = ZoneInfo("Europe/Paris")
DAY = date(2013, 4, 19)


def snowflake(when: datetime, sequence: int = 0) -> str:
    """A real-shaped tweet id written at ``when`` (milliseconds since Twitter's epoch)."""
    return str(((int(when.timestamp() * 1000) - 1288834974657) << 22) + sequence)


def version(tweet_id: str, history: list[str], when: datetime, text: str) -> dict[str, Any]:
    """One twarc2 stream line: the recorded page, as this version of the tweet."""
    page = json.loads((FIXTURES / "twarc2_stream.jsonl").read_text(encoding="utf-8"))
    tweet = page["data"]
    tweet.update(id=tweet_id, edit_history_tweet_ids=history, text=f"{text} #jdtap",
                 created_at=when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                 entities={"hashtags": [{"start": len(text) + 1, "end": len(text) + 7,
                                         "tag": "jdtap"}]})
    return dict(page)


def line(page: dict[str, Any]) -> str:
    return json.dumps(page, ensure_ascii=False) + "\n"


WRITTEN = datetime(2013, 4, 19, 14, 55, 30, tzinfo=PARIS)
EDITED = datetime(2013, 4, 19, 15, 20, 2, tzinfo=PARIS)  # in the next hour
ORIGINAL = snowflake(WRITTEN)
EDIT = snowflake(EDITED, 7)
FIRST = version(ORIGINAL, [ORIGINAL], WRITTEN, "Une averse sur la place")
SECOND = version(EDIT, [ORIGINAL, EDIT], EDITED, "Une averse de grêle sur la place")
# The original as a lookup made after the edit returns it: its history names the edit.
LOOKED_UP = version(ORIGINAL, [ORIGINAL, EDIT], WRITTEN, "Une averse sur la place")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return live_content(tmp_path)


def files(content: Path) -> dict[str, Path]:
    return {read_post(p).id: p for p in (content / "posts").rglob("*.md")}


def live_pass(content: Path, folder: Path) -> PassReport:
    return run_pass([FolderSource(folder, content, PARIS)], Cursors.load(content),
                    Lander(content, DayFilter(DAY, PARIS, ["jdtap"])))


# ------------------------------------------------------------------ the reader

def test_an_edit_is_read_under_the_originals_id_address_and_time() -> None:
    context = ReadContext(PARIS, "sources/stream.jsonl", "stream.jsonl")
    (post,) = records(SECOND, context, 1)
    assert not isinstance(post, Skipped)
    assert post.id == ORIGINAL
    assert post.url == f"https://twitter.com/passante/status/{ORIGINAL}"
    assert post.date == WRITTEN  # read from the original's id, not the edit's 15:20
    assert post.text == "Une averse de grêle sur la place #jdtap"
    assert post.extra["edited"] is True and post.extra[EDIT_VERSION] == 2
    (older,) = records(LOOKED_UP, context, 1)
    assert older == Skipped("older version")


def test_an_id_that_is_no_snowflake_keeps_the_edits_own_time() -> None:
    made_up = version("325100000000000102", ["325100000000000101", "325100000000000102"],
                      EDITED, "Une averse")
    (post,) = records(made_up, ReadContext(PARIS, "s.jsonl", "s.jsonl"), 1)
    assert not isinstance(post, Skipped)
    assert post.id == "325100000000000101" and post.date == EDITED


# ------------------------------------------------------------------ the watched folder

def first_version_landed(content: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A watched folder whose stream holds the tweet's first version, landed by a
    pass: the folder, the stream and the post's file."""
    folder = tmp_path / "stream"
    folder.mkdir()
    stream = folder / "stream.jsonl"
    stream.write_text(line(FIRST), encoding="utf-8")
    live_pass(content, folder)
    (path,) = files(content).values()
    return folder, stream, path


def test_an_edit_in_the_stream_updates_the_originals_file(content: Path,
                                                          tmp_path: Path) -> None:
    folder, stream, path = first_version_landed(content, tmp_path)
    assert path.name == f"14h55-{ORIGINAL}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: candidate", "status: selected"), encoding="utf-8")
    with stream.open("a", encoding="utf-8") as handle:
        handle.write(line(SECOND))
    report = live_pass(content, folder)
    assert report.tally.imported["updated"] == 1 and report.tally.imported["new"] == 0
    assert list(files(content)) == [ORIGINAL]  # no second post
    post = read_post(path)
    assert post.text == "Une averse de grêle sur la place #jdtap"
    assert post.status == "selected"  # the editor's mark kept
    assert post.url.endswith(f"/status/{ORIGINAL}")
    assert post.date == WRITTEN
    assert post.extra.get("edited") is True


def test_an_edit_never_overwrites_the_editors_text(content: Path, tmp_path: Path) -> None:
    folder, stream, path = first_version_landed(content, tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Une averse sur la place", "Une averse place de la "
                                 "République"), encoding="utf-8")
    with stream.open("a", encoding="utf-8") as handle:
        handle.write(line(SECOND))
    report = live_pass(content, folder)
    assert list(files(content)) == [ORIGINAL]
    assert read_post(path).text == "Une averse place de la République #jdtap"
    assert any("text: the export now says" in c for c in report.tally.conflicts)


def test_an_edit_with_made_up_ids_keeps_its_files_time(content: Path, tmp_path: Path) -> None:
    """Ids that are no snowflakes give no original's time: the file's is kept."""
    folder = tmp_path / "stream"
    folder.mkdir()
    stream = folder / "stream.jsonl"
    first = version("325100000000000101", ["325100000000000101"], WRITTEN, "Une averse")
    stream.write_text(line(first), encoding="utf-8")
    live_pass(content, folder)
    (path,) = files(content).values()
    edit = version("325100000000000102", ["325100000000000101", "325100000000000102"],
                   EDITED, "Une averse de grêle")
    with stream.open("a", encoding="utf-8") as handle:
        handle.write(line(edit))
    live_pass(content, folder)
    assert list(files(content)) == ["325100000000000101"]
    post = read_post(path)
    assert post.text == "Une averse de grêle #jdtap" and post.date == WRITTEN


# ------------------------------------------------------------------ a full import

@pytest.mark.parametrize("order", ["original first", "edit first"])
def test_an_export_with_both_versions_imports_one_post(tmp_path: Path, order: str) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    export = tmp_path / "search.jsonl"
    pages = [FIRST, LOOKED_UP, SECOND]
    export.write_text("".join(line(p) for p in (pages if order == "original first"
                                                else pages[::-1])), encoding="utf-8")
    assert main(["--project", str(project), "import", "--no-progress", "--day",
                 "2013-04-19", str(export)]) == 0
    found = files(project / "content")
    assert list(found) == [ORIGINAL]
    post = read_post(found[ORIGINAL])
    assert post.text == "Une averse de grêle sur la place #jdtap"  # the newest version
    assert post.url == f"https://twitter.com/passante/status/{ORIGINAL}"
    assert post.date == WRITTEN
    assert "edited: true" in found[ORIGINAL].read_text(encoding="utf-8")
    assert EDIT_VERSION not in found[ORIGINAL].read_text(encoding="utf-8")


def test_a_longer_older_version_does_not_win(tmp_path: Path) -> None:
    """Of two versions the newer's text is kept, even when the older is longer."""
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    long_first = version(ORIGINAL, [ORIGINAL], WRITTEN, "Une averse sur la place, longue "
                         "et froide, qui vide les terrasses")
    short_edit = version(EDIT, [ORIGINAL, EDIT], EDITED, "Une averse")
    export = tmp_path / "stream.jsonl"
    export.write_text(line(long_first) + line(short_edit), encoding="utf-8")
    assert main(["--project", str(project), "import", "--no-progress", "--day",
                 "2013-04-19", str(export)]) == 0
    (path,) = files(project / "content").values()
    assert read_post(path).text == "Une averse #jdtap"
