"""Issue 15, « Real exports, read faithfully »: one test (or more) per defect.

Each fixture is small and written from the format's documentation
(docs/formats.md), or made by the real tool (twarc-csv, see
tools/make_twarc_csv_fixtures.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from inventaire.importer.sources import common
from inventaire.importer.sources.common import Malformed, ReadContext, Skipped
from inventaire.importer.sources.detect import READERS, detect

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PARIS = ZoneInfo("Europe/Paris")


def read_path(path: Path, label: str = "") -> list[object]:
    return list(READERS[detect(path)](path, ReadContext(PARIS, "sources/x", label or path.name)))


def posts_in(records: list[object]) -> dict[str, Post]:
    return {r.id: r for r in records if isinstance(r, Post)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", tmp_path / "content" / "pages" / "journee.md")
    return tmp_path


def run_import(project: Path, *args: str) -> int:
    return main(["--project", str(project), "import", "--no-progress", *args])


def files_of(project: Path) -> dict[str, Path]:
    return {read_post(p).id: p for p in (project / "content" / "posts").rglob("*.md")}


# -- 1. long posts: each note to its own tweet, never by time alone --------------------

def test_notes_of_one_second_go_each_to_its_own_tweet() -> None:
    records = read_path(FIXTURES / "archive_threads")
    found = posts_in(records)
    for number in (1, 2, 3):  # a thread posted by a client: three notes in one second
        text = found[f"32520000000000000{number}"].text
        assert text.startswith(f"#jdtap {number}/3 Fil numéro {number}")
        assert text.endswith(f"— fin {number}.")
        assert "…" not in text and "i/web/status" not in text


def test_a_short_post_of_the_same_second_keeps_its_own_text() -> None:
    found = posts_in(read_path(FIXTURES / "archive_threads"))
    assert found["325200000000000004"].text == "#jdtap Court, dans la même seconde."


def test_a_note_matched_by_text_and_time_or_by_reference() -> None:
    found = posts_in(read_path(FIXTURES / "archive_threads"))
    single = found["325200000000000005"].text  # cut with "…", its note a second later
    assert single.endswith("fontaine") and "…" not in single
    by_reference = found["325200000000000020"].text  # names its note; ten minutes apart
    assert by_reference.startswith("#jdtap Par référence") and "…" not in by_reference


def test_an_ambiguous_note_is_reported_not_guessed() -> None:
    records = read_path(FIXTURES / "archive_threads", "threads")
    found = posts_in(records)
    assert found["325200000000000006"].text.endswith("…")  # the cut text, kept
    notices = [str(r) for r in records if isinstance(r, common.Notice)]
    assert len(notices) == 1
    assert notices[0].startswith("threads/data/tweets.js:")
    assert "325200000000000006" in notices[0]
    assert "1600000000000000061" in notices[0] and "1600000000000000062" in notices[0]
    line = int(notices[0].split(":")[1])
    text = (FIXTURES / "archive_threads" / "data" / "tweets.js").read_text(encoding="utf-8")
    assert "325200000000000006" in "\n".join(text.split("\n")[line - 1:line + 30])


def test_an_ambiguous_note_makes_the_import_say_so(project: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(project, str(FIXTURES / "archive_threads")) == 1
    out, err = capsys.readouterr()
    assert "warning: tweet 325200000000000006" in err
    assert "1 post(s) imported with a warning" in out
    assert "325200000000000006" in files_of(project)


# -- 2. edited tweets: the last version, once -------------------------------------------

def test_an_edited_tweet_is_kept_once_in_its_last_version() -> None:
    records = read_path(FIXTURES / "archive_threads")
    found = posts_in(records)
    assert "325200000000000010" not in found
    assert found["325200000000000011"].text == "#jdtap Rendez-vous à 19h (corrigé)"
    assert found["325200000000000011"].extra["edited"] is True
    assert Skipped("older version") in records


def test_an_edited_tweet_says_so_in_the_editors_file(project: Path) -> None:
    run_import(project, str(FIXTURES / "archive_threads"))
    files = files_of(project)
    assert "325200000000000010" not in files
    assert "edited: true" in files["325200000000000011"].read_text(encoding="utf-8")


def test_an_edit_whose_last_version_is_missing_keeps_the_last_present(tmp_path: Path) -> None:
    source = (FIXTURES / "archive_threads" / "data" / "tweets.js").read_text(encoding="utf-8")
    items = json.loads(source.partition("=")[2])
    lone = tmp_path / "tweets.js"
    lone.write_text("window.YTD.tweets.part0 = " + json.dumps(
        [i for i in items if i["tweet"]["id_str"] != "325200000000000011"]), encoding="utf-8")
    found = posts_in(read_path(lone))
    assert found["325200000000000010"].text == "#jdtap Rendez-vous à 18h"
    assert "edited" not in found["325200000000000010"].extra


# -- 9. damaged archive files: what is wrong, where it is ------------------------------

def test_a_cut_tweets_js_names_the_line_of_the_cut_and_keeps_what_precedes(
        tmp_path: Path) -> None:
    source = (FIXTURES / "archive_threads" / "data" / "tweets.js").read_text(encoding="utf-8")
    cut_at = source.index('"325200000000000020"')
    lone = tmp_path / "tweets.js"
    lone.write_text(source[:cut_at], encoding="utf-8")
    records = read_path(lone, "tweets.js")
    bad = [r for r in records if isinstance(r, Malformed)]
    assert len(bad) == 1
    assert bad[0].line == source[:cut_at].count("\n") + 1
    assert "cut short" in bad[0].what
    assert "325200000000000011" in posts_in(records)
