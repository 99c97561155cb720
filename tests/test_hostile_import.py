"""Hostile exports: ``inventaire import`` says what is wrong and where, writes nothing
outside the project and loses nothing it could read (issue 6).

The fixtures are in ``tests/hostile/import/`` (``make_fixtures.py`` remakes them).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post
from inventaire.importer.curation.media import media_name
from inventaire.importer.sources import common

HOSTILE = Path(__file__).parent / "hostile" / "import"
FIXTURES = Path(__file__).parent / "fixtures" / "import"

@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "project" / "content"
    (content / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", content / "pages" / "journee.md")
    (content / "places").mkdir()
    return tmp_path / "project"


def run(project: Path, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    exports = project.parent / "exports"
    exports.mkdir(exist_ok=True)
    export = exports / name
    shutil.copy2(HOSTILE / name, export)
    status = main(["--project", str(project), "import", "--no-progress", str(export)])
    out, err = capsys.readouterr()
    return status, out, err


def add_export(project: Path, name: str, data: bytes) -> str:
    exports = project.parent / "exports"
    exports.mkdir(exist_ok=True)
    (exports / name).write_bytes(data)
    return name


def written_posts(project: Path) -> list[str]:
    return sorted(read_post(p).id for p in (project / "content" / "posts").rglob("*.md"))


def assert_contained(project: Path, name: str) -> None:
    """Nothing outside the project but the untouched export; no escaped file anywhere."""
    base = project.parent
    assert sorted(p.name for p in base.iterdir()) == ["exports", "project"]
    assert [p.name for p in (base / "exports").iterdir()] == [name]
    assert (base / "exports" / name).read_bytes() == (HOSTILE / name).read_bytes()
    assert not list(base.rglob("*escape-HOSTILE*"))
    assert not list(base.parent.glob("escape-HOSTILE*"))
    assert not Path("/tmp/escape-HOSTILE-absolute.txt").exists()


def assert_one_clear_error(status: int, err: str, name: str) -> None:
    assert status == 1, err
    assert name in err, err
    assert "Traceback" not in err and "RecursionError" not in err, err



def test_truncated_json_is_named_with_its_line(project: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(project, "truncated.json", capsys)
    assert_one_clear_error(status, err, "truncated.json")
    assert re.search(r"truncated\.json:\d+: invalid JSON \(.*\); the file may be cut", err), err
    assert written_posts(project) == []
    assert_contained(project, "truncated.json")


def test_a_json_bomb_is_one_clear_error(project: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(project, "json-bomb.json", capsys)
    assert_one_clear_error(status, err, "json-bomb.json")
    assert err.count("\n") == 1 and "nested too deeply" in err, err
    assert written_posts(project) == []
    assert_contained(project, "json-bomb.json")


def test_a_json_bomb_line_is_skipped_and_the_others_imported(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = (FIXTURES / "twitter_v1.jsonl").read_bytes()
    bomb = b'{"id_str": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    name = add_export(project, "bomb-line.jsonl", good + bomb)
    status = main(["--project", str(project), "import", "--no-progress",
                   "--format", "twitter-v1", str(project.parent / "exports" / name)])
    err = capsys.readouterr().err
    assert_one_clear_error(status, err, name)
    line = good.count(b"\n") + 1
    assert f"{name}:{line}: JSON nested too deeply" in err, err
    assert "325100000000000001" in written_posts(project)


def test_a_line_that_is_not_utf8_is_named(project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(project, "not-utf8.jsonl", capsys)
    assert_one_clear_error(status, err, "not-utf8.jsonl")
    assert "not-utf8.jsonl:1: not UTF-8 (byte 0xe9 at column " in err, err
    assert "UnicodeDecodeError" not in err
    assert written_posts(project) == []
    assert_contained(project, "not-utf8.jsonl")


def test_lines_that_are_not_utf8_are_skipped_and_the_others_imported(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = (HOSTILE / "not-utf8.jsonl").read_bytes()
    good = (FIXTURES / "twitter_v1.jsonl").read_bytes()
    name = add_export(project, "mixed.jsonl", bad + good + bad)
    status = main(["--project", str(project), "import", "--no-progress",
                   str(project.parent / "exports" / name)])
    err = capsys.readouterr().err
    assert status == 1, err
    last = 2 + good.count(b"\n")
    assert f"{name}:1: not UTF-8" in err and f"{name}:{last}: not UTF-8" in err, err
    assert "325100000000000001" in written_posts(project)


def test_a_csv_line_that_is_not_utf8_skips_only_its_row(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (FIXTURES / "twarc.csv").read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b"#jdtap", b"#jdtap \xe9t\xe9", 1)
    name = add_export(project, "latin1.csv", b"".join(lines))
    status = main(["--project", str(project), "import", "--no-progress",
                   str(project.parent / "exports" / name)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert f"{name}:2: not UTF-8 (byte 0xe9" in err, err
    assert "Traceback" not in err
    assert written_posts(project)  # the other rows are imported


def test_a_csv_with_broken_quoting_is_named(project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(project, "broken-quoting.csv", capsys)
    assert_one_clear_error(status, err, "broken-quoting.csv")
    assert_contained(project, "broken-quoting.csv")


@pytest.mark.parametrize(("name", "what"), [
    ("zip-bomb.zip", "says it inflates to 209,715,229 bytes"),
    ("zip-bomb-lying.zip", "cannot be read (Bad CRC-32"),
])
def test_a_zip_bomb_is_refused_before_it_is_inflated(
        project: Path, capsys: pytest.CaptureFixture[str], name: str, what: str) -> None:
    status, _out, err = run(project, name, capsys)
    assert_one_clear_error(status, err, name)
    assert f"{name}: error: member 'data/tweets.js' {what}" in err, err
    assert written_posts(project) == []
    assert_contained(project, name)


def test_the_bounded_reader_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A header that lies cannot make the reader inflate more than the limit."""
    tree = common.Tree(HOSTILE / "zip-bomb.zip")
    assert tree.zip is not None
    info = tree.zip.getinfo("data/tweets.js")
    read: list[int] = []
    original = zipfile.ZipExtFile.read

    def counting(self: zipfile.ZipExtFile, n: int | None = -1) -> bytes:
        data = original(self, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    with pytest.raises(common.ArchiveError, match="says it inflates to 209,715,229"):
        tree.read_bytes("data/tweets.js")
    assert read == []  # the declared size alone refuses it
    # Now the header passes the checks but the data inflates to more than allowed.
    monkeypatch.setattr(common, "MAX_MEMBER_BYTES", 2 << 20)
    monkeypatch.setattr(common, "RATIO_FLOOR", 0)
    monkeypatch.setattr(info, "file_size", 1 << 20)
    monkeypatch.setattr(zipfile.ZipExtFile, "_update_crc", lambda self, data: None)
    monkeypatch.setattr(common, "MAX_RATIO", 1 << 30)
    opened = tree.zip.open

    def lying_open(member: zipfile.ZipInfo, *args: object, **kwargs: object) -> object:
        handle = opened(member, *args, **kwargs)  # type: ignore[arg-type]
        handle._left = 1 << 40  # type: ignore[attr-defined]  # inflate past the header
        return handle

    monkeypatch.setattr(tree.zip, "open", lying_open)
    with pytest.raises(common.ArchiveError, match="inflates to more than"):
        tree.read_bytes("data/tweets.js")
    assert sum(read) <= (2 << 20) + (1 << 20)


def test_a_zip_slip_archive_writes_only_inside_the_project(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(project, "zip-slip.zip", capsys)
    assert_contained(project, "zip-slip.zip")
    # The archive's real tweets are imported; its media land in content/media only.
    assert "325100000000000001" in written_posts(project)
    assert [p.name for p in (project / "content" / "media").iterdir()] == [
        "325100000000000001-1.jpg"]
    for path in (project / "content").rglob("*"):
        assert path.resolve().is_relative_to(project.resolve()), path
        assert not path.is_symlink(), path
        if path.is_file():
            assert b"root:x:0:0" not in path.read_bytes(), path
    assert status == 1, err
    assert "Traceback" not in err


def test_a_zip_slip_archive_is_reported(project: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(project, "zip-slip.zip", capsys)
    assert_one_clear_error(status, err, "zip-slip.zip")
    lines = [line.split("exports/", 1)[1] for line in err.splitlines()]
    assert lines == [
        "zip-slip.zip: warning: member '../../escape-HOSTILE-parent.txt' climbs out of "
        "the archive (..); ignored, nothing read from it",
        "zip-slip.zip: warning: member '/tmp/escape-HOSTILE-absolute.txt' has an absolute "
        "path; ignored, nothing read from it",
        "zip-slip.zip: warning: member 'data/tweets_media/325100000000000001-../../../../"
        "escape-HOSTILE.jpg' climbs out of the archive (..); ignored, nothing read from it",
        "zip-slip.zip: warning: member 'data/tweets_media/325100000000000002-link.jpg' is "
        "a symbolic link; ignored, nothing read from it",
    ]


def test_a_folder_export_with_a_link_is_reported_and_the_link_not_followed(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exports = project.parent / "exports"
    folder = exports / "archive"
    shutil.copytree(FIXTURES / "archive", folder)
    secret = project.parent / "secret-escape-HOSTILE.txt"
    secret.write_text("root:x:0:0", encoding="utf-8")
    (folder / "data" / "tweets_media" / "325100000000000002-link.jpg").symlink_to(secret)
    status = main(["--project", str(project), "import", "--no-progress", str(folder)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert ("archive: warning: member 'data/tweets_media/325100000000000002-link.jpg' "
            "is a symbolic link; ignored") in err, err
    for path in (project / "content").rglob("*"):
        assert not path.is_symlink(), path
        if path.is_file():
            assert b"root:x:0:0" not in path.read_bytes(), path


def test_a_decompression_bomb_image_is_not_copied(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project.parent / "exports" / "archive"
    shutil.copytree(FIXTURES / "archive", folder)
    photo = folder / "data" / "tweets_media" / "325100000000000001-BIabc.jpg"
    photo.write_bytes((HOSTILE.parent / "files" / "bomb.png").read_bytes())
    status = main(["--project", str(project), "import", "--no-progress", str(folder)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert (f"{folder}: data/tweets_media/325100000000000001-BIabc.jpg: warning: image of "
            "more than 89,478,485 pixels (a decompression bomb?); not copied, post "
            "325100000000000001 keeps its remote link") in err, err
    assert not (project / "content" / "media").exists()
    post = next(read_post(p) for p in (project / "content" / "posts").rglob("*.md")
                if read_post(p).id == "325100000000000001")
    assert post.media and not post.media[0].file


def test_a_post_id_with_path_separators_writes_nothing(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (FIXTURES / "twitter_v1.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["id_str"] = "../../../escape-HOSTILE"
    name = add_export(project, "ids.jsonl",
                      "\n".join([json.dumps(first), *lines[1:]]).encode() + b"\n")
    status = main(["--project", str(project), "import", "--no-progress",
                   str(project.parent / "exports" / name)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert f"{name}: post id '../../../escape-HOSTILE' has characters" in err, err
    assert not [p for p in project.parent.rglob("*escape-HOSTILE*")
                if p.name != name and "sources" not in p.parts]
    assert written_posts(project)  # the other lines are imported


@pytest.mark.parametrize(("post_id", "source", "expected"), [
    ("325", "data/tweets_media/325-a.JPEG", "media/325-1.jpg"),
    ("../../x", "a.jpg", "media/_.._x-1.jpg"),
    ("325", "325-../../../etc/passwd", "media/325-1"),
    ("325", "a.jpg/..\\..\\b", "media/325-1"),
    ("..", "x.png", "media/post-1.png"),
])
def test_media_names_come_from_the_post_id_only(post_id: str, source: str,
                                                expected: str) -> None:
    assert media_name(post_id, 1, source) == expected
