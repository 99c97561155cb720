"""The import records in one store per project (``content/.inventaire/imported.jsonl``).

What the three-way merge needs from them: a re-import still tells an editor's edit from
a change of the export, whether the records come from the store or from the per-post
files of an earlier version; a broken line costs that one record, named with its
line, never the others; a failed import leaves the store as it was; two writers keep
each other's records.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from inventaire.commands.cli import main
from inventaire.core.atomic import DeferredWrites
from inventaire.core.postfile import read_post
from inventaire.importer.curation import merge
from inventaire.importer.curation.records import ImportRecords

ID, OTHER = "325312345678901234", "325312345678909999"


def tweet(post_id: str = ID, text: str = "Un bus 96 passe. #jdtap", minute: int = 32,
          lang: str = "fr") -> dict[str, object]:
    start = text.index("#jdtap")
    return {"id_str": post_id, "created_at": f"Fri Apr 19 12:{minute:02d}:07 +0000 2013",
            "full_text": text, "lang": lang,
            "entities": {"hashtags": [{"text": "jdtap", "indices": [start, start + 6]}]},
            "user": {"screen_name": "flaneuse75", "name": "La Flâneuse"}}


def export(path: Path, *tweets: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tweets),
                    encoding="utf-8")
    return path


def run_import(project: Path, source: Path) -> int:
    return main(["--project", str(project), "import", "--no-progress", "--day", "2013-04-19",
                 str(source)])


def store_of(project: Path) -> Path:
    return project / "content" / ".inventaire" / "imported.jsonl"


def lines_of(project: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in store_of(project).read_text("utf-8").splitlines()]


def post_file(project: Path, post_id: str = ID) -> Path:
    return next((project / "content" / "posts").rglob(f"*{post_id}.md"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    source = export(tmp_path / "day.jsonl", tweet(), tweet(OTHER, "Un pigeon. #jdtap", 40))
    assert run_import(project, source) == 0
    return project


def to_earlier_version(project: Path) -> Path:
    """The records as an earlier version left them: one JSON file per post (indented,
    keys sorted), no store."""
    folder = project / "content" / ".inventaire" / "imported"
    folder.mkdir()
    for line in lines_of(project):
        (folder / f"{line['key']}.json").write_bytes(orjson.dumps(
            line["record"], option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    store_of(project).unlink()
    return folder


def test_one_store_one_sorted_line_per_post(project: Path) -> None:
    content = project / "content"
    assert not (content / ".inventaire" / "imported").exists()
    lines = lines_of(project)
    assert [line["key"] for line in lines] == [f"twitter-{ID}", f"twitter-{OTHER}"]
    record = lines[0]["record"]
    assert record["text"] == "Un bus 96 passe. #jdtap" and record["lang"] == "fr"
    assert "status" not in record and "place" not in record  # editors' fields left out
    assert list(record) == sorted(record)  # stable for the editors who keep content/ in git


def test_reimport_of_the_same_export_leaves_the_store_alone(project: Path,
                                                             tmp_path: Path) -> None:
    before, when = store_of(project).read_bytes(), store_of(project).stat().st_mtime_ns
    assert run_import(project, tmp_path / "day.jsonl") == 0
    assert store_of(project).read_bytes() == before
    assert store_of(project).stat().st_mtime_ns == when


def test_a_changed_post_changes_its_line_only(project: Path, tmp_path: Path) -> None:
    before = store_of(project).read_text("utf-8").splitlines()
    assert run_import(project, export(tmp_path / "day2.jsonl", tweet(lang="en"))) == 0
    after = store_of(project).read_text("utf-8").splitlines()
    assert after[1] == before[1] and after[0] != before[0]
    assert json.loads(after[0])["record"]["lang"] == "en"
    assert read_post(post_file(project)).lang == "en"  # untouched by editors: followed


def test_records_of_an_earlier_version_are_moved_and_still_tell_edits(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = to_earlier_version(project)
    path = post_file(project)
    path.write_text(path.read_text("utf-8").replace("Un bus 96 passe.", "Un bus 96 passe !"),
                    encoding="utf-8")  # an editor's edit, made against the old record
    capsys.readouterr()
    assert run_import(project, tmp_path / "day.jsonl") == 0
    err = capsys.readouterr().err
    assert "the export now says" not in err  # an edit, not a conflict
    assert read_post(path).text == "Un bus 96 passe ! #jdtap"
    # Every record moved, the other post's too (not in this export), the folder gone.
    assert [line["key"] for line in lines_of(project)] == [f"twitter-{ID}",
                                                           f"twitter-{OTHER}"]
    assert lines_of(project)[0]["record"]["text"] == "Un bus 96 passe. #jdtap"
    assert not folder.exists()


def test_without_the_moved_record_the_same_edit_would_be_a_conflict(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The counter-test of the one above: what a lost record looks like."""
    to_earlier_version(project)
    for old in (project / "content" / ".inventaire" / "imported").iterdir():
        old.unlink()
    path = post_file(project)
    path.write_text(path.read_text("utf-8").replace("Un bus 96 passe.", "Un bus 96 passe !"),
                    encoding="utf-8")
    capsys.readouterr()
    assert run_import(project, tmp_path / "day.jsonl") == 0
    assert "text: the export now says" in capsys.readouterr().err


def test_an_old_record_newer_than_the_store_wins(project: Path) -> None:
    """An earlier version ran after this one (a colleague's copy): its per-post file is
    newer than the store's line, and is the record read."""
    folder = project / "content" / ".inventaire" / "imported"
    folder.mkdir()
    newer = folder / f"twitter-{ID}.json"
    newer.write_text(json.dumps({"text": "newer"}), encoding="utf-8")
    stamp = store_of(project).stat().st_mtime_ns + 10**9
    os.utime(newer, ns=(stamp, stamp))
    records = ImportRecords(project / "content")
    assert records.get("twitter", ID) == {"text": "newer"}
    assert records.get("twitter", OTHER)["text"] == "Un pigeon. #jdtap"  # type: ignore[index]


def test_a_broken_line_costs_its_record_only(project: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    store = store_of(project)
    first, second = store.read_text("utf-8").splitlines()
    store.write_text("not a record\n" + first[:40] + "\n" + second + "\n", encoding="utf-8")
    path = post_file(project, OTHER)
    path.write_text(path.read_text("utf-8").replace("Un pigeon.", "Un pigeon !"),
                    encoding="utf-8")
    capsys.readouterr()
    assert run_import(project, tmp_path / "day.jsonl") == 1  # said, and the status says it
    err = capsys.readouterr().err
    assert f"{store}:1: warning: this line is not an import record" in err
    assert f"{store}:2: warning: the import record of twitter-{ID} is not JSON" in err
    assert "the export now says" not in err  # the other record read: an edit, kept
    assert read_post(path).text == "Un pigeon ! #jdtap"
    # Written again: the broken record made anew, the line without a key left out.
    assert [line["key"] for line in lines_of(project)] == [f"twitter-{ID}",
                                                           f"twitter-{OTHER}"]
    assert lines_of(project)[0]["record"]["text"] == "Un bus 96 passe. #jdtap"


def test_a_failed_import_leaves_the_old_store(project: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store = store_of(project)
    before = store.read_bytes()
    replace = os.replace

    def failing(source: Any, target: Any) -> None:
        if os.fspath(target) == os.fspath(store):
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    source = export(tmp_path / "day2.jsonl", tweet(lang="en"), tweet(OTHER, "Un pigeon. #jdtap",
                                                                     40))
    with pytest.raises(OSError, match="No space"):
        run_import(project, source)
    assert store.read_bytes() == before
    assert [p.name for p in store.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_an_error_halfway_commits_the_records_of_the_files_written(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the batch wrote before the error is kept, and the records of those posts
    with it: a file that followed the export is never left with its older record
    (the next import would take it for an editor's edit)."""
    real = merge.merge_post
    calls = []

    def second_fails(post: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(post.id)
        if len(calls) == 2:
            raise RuntimeError("halfway")
        return real(post, *args, **kwargs)

    monkeypatch.setattr("inventaire.importer.curation.importer.merge_post", second_fails)
    source = export(tmp_path / "day2.jsonl", tweet(lang="en"),
                    tweet(OTHER, "Un pigeon. #jdtap", 40, lang="en"))
    with pytest.raises(RuntimeError):
        run_import(project, source)
    assert read_post(post_file(project)).lang == "en"
    assert [line["record"]["lang"] for line in lines_of(project)] == ["en", "fr"]


def test_two_writers_keep_each_others_records(project: Path) -> None:
    """``inventaire live`` and an import at once: each writes the records it changed
    over what the other wrote meanwhile, as with one file per post."""
    content = project / "content"
    live, manual = ImportRecords(content), ImportRecords(content)
    live.put("twitter", ID, {"text": "live"}, live.get("twitter", ID))
    manual.put("twitter", OTHER, {"text": "manual"}, manual.get("twitter", OTHER))
    live.commit(DeferredWrites())
    manual.commit(DeferredWrites())
    assert [line["record"] for line in lines_of(project)] == [{"text": "live"},
                                                              {"text": "manual"}]


def test_two_writers_moving_the_same_old_records(project: Path) -> None:
    """Both read the per-post files of an earlier version; the second to write keeps
    the first one's change of a record it only moved."""
    content = project / "content"
    to_earlier_version(project)
    live, manual = ImportRecords(content), ImportRecords(content)
    live.put("twitter", ID, {"text": "live"}, live.get("twitter", ID))
    live.commit(DeferredWrites())
    manual.put("twitter", OTHER, {"text": "manual"}, manual.get("twitter", OTHER))
    manual.commit(DeferredWrites())
    assert [line["record"] for line in lines_of(project)] == [{"text": "live"},
                                                              {"text": "manual"}]
    assert not (content / ".inventaire" / "imported").exists()


def test_unchanged_lines_are_written_back_as_they_were(project: Path) -> None:
    store = store_of(project)
    first, second = store.read_text("utf-8").splitlines()
    spaced = json.dumps(json.loads(second), indent=None)  # by hand: other spacing
    store.write_text(first + "\n" + spaced + "\n", encoding="utf-8")
    records = ImportRecords(project / "content")
    records.put("twitter", ID, {"text": "changed"}, records.get("twitter", ID))
    records.save()
    assert store.read_text("utf-8").splitlines()[1] == spaced


def test_integers_beyond_64_bits_read_back_exactly(tmp_path: Path) -> None:
    content = tmp_path / "content"
    records = ImportRecords(content)
    huge = {"metrics": {"likes": 2**70, "reposts": -(2**63) - 1}, "text": "x"}
    records.put("twitter", "1", huge, None)
    records.save()
    assert ImportRecords(content).get("twitter", "1") == huge


def test_an_unreadable_store_stops_the_import_before_a_post_is_written(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read as empty, every edited file would come back as conflicts, and the store
    written over: the import stops and says which file."""
    store = store_of(project)
    store.unlink()
    store.mkdir()
    path = post_file(project)
    before = path.read_bytes()
    capsys.readouterr()
    assert run_import(project, export(tmp_path / "day2.jsonl", tweet(lang="en"))) != 0
    assert f"cannot read the import records {store}" in capsys.readouterr().err
    assert path.read_bytes() == before and store.is_dir()


def test_a_live_command_keeps_its_records_between_passes_and_sees_an_import(
        project: Path) -> None:
    """``inventaire live`` keeps the records from one pass to the next; an import made
    meanwhile (another command) is read at the next pass, and nothing is lost."""
    content = project / "content"
    live = ImportRecords(content)
    live.put("twitter", ID, {"text": "pass 1"}, live.get("twitter", ID))
    live.commit(DeferredWrites())
    live.refresh()
    assert live.get("twitter", ID) == {"text": "pass 1"}
    manual = ImportRecords(content)
    manual.put("twitter", OTHER, {"text": "import"}, manual.get("twitter", OTHER))
    manual.save()
    live.refresh()
    assert live.get("twitter", OTHER) == {"text": "import"}
    live.put("twitter", ID, {"text": "pass 2"}, live.get("twitter", ID))
    live.commit(DeferredWrites())
    assert [line["record"] for line in lines_of(project)] == [{"text": "pass 2"},
                                                              {"text": "import"}]


def test_a_hostile_line_is_one_broken_record(project: Path) -> None:
    """A store from a shared repository may hold anything: nesting deeper than any
    parser goes, beside a number too long for orjson, is one record read as missing."""
    store = store_of(project)
    second = store.read_text("utf-8").splitlines()[1]
    deep = '{"key":"twitter-' + ID + '","record":' + "[" * 100_000 + "1" * 30
    store.write_text(deep + "\n" + second + "\n", encoding="utf-8")
    records = ImportRecords(project / "content")
    assert records.get("twitter", ID) is None
    assert records.get("twitter", OTHER)["text"] == "Un pigeon. #jdtap"  # type: ignore[index]
    assert [(p.line, "not JSON" in p.what) for p in records.problems] == [(1, True)]
