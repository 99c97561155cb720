"""An archive is bounded in all, not only member by member (issue 18, finding 10).

A 256 KB zip of many members, each under the per-member limit, wrote 250 MB to
``content/media/`` (984:1), exit 0, no warning. An archive whose members are too many
or say they inflate to too much in all is now refused whole, before anything is read
or written, with a message naming the file and the setting to raise.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest
from inventaire.commands.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
MEMBER = bytes(1024 * 1024)  # 1 MiB of zeros: about 1 KiB once deflated
NOTES, PER_NOTE = 16, 4


def _outbox(notes: int, per_note: int) -> dict[str, object]:
    items = []
    for n in range(notes):
        note_id = f"11022233344455{n:04d}"
        attachments = [{"type": "Document", "mediaType": "video/mp4",
                        "url": f"/media_attachments/files/{n}/{k}/original/v.mp4",
                        "name": "vidéo"} for k in range(per_note)]
        items.append({
            "id": f"https://evil.example/users/z/statuses/{note_id}/activity",
            "type": "Create", "actor": "https://evil.example/users/z",
            "published": "2013-04-19T10:00:00Z",
            "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [],
            "object": {"id": f"https://evil.example/users/z/statuses/{note_id}",
                       "type": "Note", "summary": None, "inReplyTo": None,
                       "published": "2013-04-19T10:00:00Z",
                       "url": f"https://evil.example/@z/{note_id}",
                       "attributedTo": "https://evil.example/users/z",
                       "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [],
                       "sensitive": False, "content": "<p>Vidéos #jdtap</p>",
                       "attachment": attachments,
                       "tag": [{"type": "Hashtag", "name": "#jdtap",
                                "href": "https://evil.example/tags/jdtap"}]}})
    return {"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection",
            "totalItems": len(items), "orderedItems": items}


def _members(notes: int = NOTES, per_note: int = PER_NOTE) -> dict[str, bytes]:
    members = {"outbox.json": json.dumps(_outbox(notes, per_note)).encode(),
               "actor.json": (FIXTURES / "mastodon" / "actor.json").read_bytes()}
    for n in range(notes):
        for k in range(per_note):
            members[f"media_attachments/files/{n}/{k}/original/v.mp4"] = MEMBER
    return members


def zip_bomb(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tar_bomb(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz", compresslevel=9) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "project" / "content"
    (content / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", content / "pages" / "journee.md")
    (content / "places").mkdir()
    return tmp_path / "project"


def _import(project: Path, export: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["--project", str(project), "import", "--no-progress", str(export)])
    return status, capsys.readouterr().err


def _written(project: Path) -> list[Path]:
    content = project / "content"
    return sorted(p for folder in ("media", "posts") for p in (content / folder).rglob("*")
                  if p.is_file())


@pytest.mark.parametrize("make", [zip_bomb, tar_bomb], ids=["zip", "tar.gz"])
def test_many_small_members_are_refused_whole(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object
        ) -> None:
    name = "archive-20130420.zip" if make is zip_bomb else "archive-20130420.tar.gz"
    export = make(tmp_path / name, _members())  # type: ignore[operator]
    inflated = NOTES * PER_NOTE * len(MEMBER)
    assert inflated / export.stat().st_size > 300  # far beyond the 100:1 allowed
    status, err = _import(project, export, capsys)
    assert status == 1
    # The zip is refused when read, the tar when listed to recognise its format.
    assert any(line.startswith((f"{export}: error: its members say they inflate to ",
                                f"inventaire: {export}: its members say they inflate to "))
               for line in err.splitlines()), err
    assert "setting INVENTAIRE_IMPORT_MAX_RATIO, 100:1" in err
    assert "nothing read or written" in err and "Traceback" not in err
    assert _written(project) == []


def test_the_members_limit_is_a_setting(project: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pelicanconf.py").write_text("INVENTAIRE_IMPORT_MAX_MEMBERS = 10\n",
                                            encoding="utf-8")
    export = zip_bomb(tmp_path / "archive-20130420.zip",
                      dict.fromkeys(_members(notes=4, per_note=3), b"x"))
    status, err = _import(project, export, capsys)
    assert status == 1
    assert f"{export}: error: it holds 14 members, beyond the 10 allowed (setting " \
           "INVENTAIRE_IMPORT_MAX_MEMBERS)" in err, err
    assert _written(project) == []


def test_a_real_archive_passes(project: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    archive = shutil.make_archive(str(tmp_path / "archive-20130420"), "zip",
                                  FIXTURES / "mastodon")
    status, err = _import(project, Path(archive), capsys)
    assert "INVENTAIRE_IMPORT" not in err
    assert any(p.suffix == ".md" for p in _written(project))
    assert status in (0, 1)  # the fixture holds one malformed item, named on its own
