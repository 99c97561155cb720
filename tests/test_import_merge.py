"""Re-import never loses an edit: three-way merge with the import record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def tweet(text: str = "Un bus 96 passe. #jdtap", lang: str = "fr") -> dict[str, object]:
    start = text.index("#jdtap")
    return {"id_str": "325312345678901234", "created_at": "Fri Apr 19 12:32:07 +0000 2013",
            "full_text": text, "lang": lang,
            "entities": {"hashtags": [{"text": "jdtap", "indices": [start, start + 6]}]},
            "user": {"screen_name": "flaneuse75", "name": "La Flâneuse"}}


def write_export(path: Path, obj: dict[str, object]) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def run_import(project: Path, export: Path) -> int:
    return main(["--project", str(project), "import", "--no-progress", "--day", "2013-04-19",
                 str(export)])


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path, Path]:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    export = write_export(tmp_path / "day.jsonl", tweet())
    assert run_import(project, export) == 0
    files = list((project / "content" / "posts").rglob("*.md"))
    assert len(files) == 1
    return project, export, files[0]


def test_reimport_unchanged_is_byte_identical(imported: tuple[Path, Path, Path]) -> None:
    project, export, path = imported
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    record = project / "content" / ".inventaire" / "imported.jsonl"
    record_before = record.read_bytes()
    assert run_import(project, export) == 0
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert record.read_bytes() == record_before


def test_editor_changes_kept_absent_field_added_conflict_reported(
        imported: tuple[Path, Path, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    project, _export, path = imported
    text = path.read_text(encoding="utf-8")
    # The editor selects, places, notes, fixes a typo in the text, drops 'lang'.
    text = text.replace("status: candidate", "status: selected  # lu à 14h45")
    text = text.replace("lang: fr\n", "")
    text = text.replace("---\nUn bus", "note: Lu par le crieur.\n---\nUn bus")
    text = text.replace("Un bus 96 passe.", "Un bus 96 passe !")
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    # The export now has coordinates (absent from the file) and another text.
    changed = tweet("Un bus 96 passe, vide. #jdtap")
    changed["coordinates"] = {"type": "Point", "coordinates": [2.3347, 48.8511]}
    export = write_export(tmp_path / "day2.jsonl", changed)
    assert run_import(project, export) == 0
    err = capsys.readouterr().err
    after = path.read_text(encoding="utf-8")
    post = read_post(path)
    assert post.status == "selected" and post.note == "Lu par le crieur."
    assert "# lu à 14h45" in after  # the editor's comment stays
    assert post.text == "Un bus 96 passe ! #jdtap"
    assert post.coordinates == (48.8511, 2.3347)  # absent: added
    assert post.lang == ""  # deleted by the editor: not restored
    assert "text: the export now says" in err and "kept the file's value" in err
    again = path.read_bytes()
    assert run_import(project, export) == 0
    assert path.read_bytes() == again


def test_untouched_file_follows_the_export(imported: tuple[Path, Path, Path],
                                           tmp_path: Path) -> None:
    project, _export, path = imported
    export = write_export(tmp_path / "day3.jsonl", tweet(lang="en"))
    assert run_import(project, export) == 0
    assert read_post(path).lang == "en"


def test_file_without_record_only_gains_absent_fields(imported: tuple[Path, Path, Path],
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    project, export, path = imported
    (project / "content" / ".inventaire" / "imported.jsonl").unlink()
    text = path.read_text(encoding="utf-8").replace("author_name: La Flâneuse\n", "")
    text = text.replace("lang: fr", "lang: de")
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert run_import(project, export) == 0
    post = read_post(path)
    assert post.author_name == "La Flâneuse"
    assert post.lang == "de"
    assert "lang: the export now says" in capsys.readouterr().err
