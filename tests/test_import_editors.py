"""Re-import that serves editors (issue 17, point 3): ``--update-only``, places given
to posts that have none (never replacing an editor's), and a summary naming the day,
the zone, the hashtags and where each came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post

SULPICE = """---
name: Place Saint-Sulpice
lat: 48.8511
lon: 2.3347
radius_m: 120
aliases: [Saint-Sulpice]
---
La fontaine.
"""


def tweet(index: int, text: str) -> dict[str, object]:
    text = f"{text} #jdtap"
    start = text.index("#jdtap")
    return {
        "created_at": f"Fri Apr 19 {8 + index:02d}:15:00 +0000 2013",
        "id_str": str(325300000000000000 + index), "full_text": text,
        "display_text_range": [0, len(text)],
        "entities": {"hashtags": [{"text": "jdtap", "indices": [start, start + 6]}],
                     "urls": [], "user_mentions": [], "symbols": []},
        "lang": "fr", "user": {"id_str": "7", "screen_name": "passant", "name": "Passant"},
    }


def export(path: Path, *texts: str) -> Path:
    path.write_text("".join(json.dumps(tweet(i, t)) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "project" / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "journee.md").write_text(
        "---\ndate: 2013-04-19\ntimezone: Europe/Paris\nhashtags: [jdtap]\n---\n",
        encoding="utf-8")
    (content / "places").mkdir()
    return tmp_path / "project"


def run(project: Path, *args: str) -> int:
    return main(["--project", str(project), "import", "--no-progress", *args])


def posts_of(project: Path) -> dict[str, Path]:
    return {read_post(p).id: p for p in (project / "content" / "posts").rglob("*.md")}


TEXTS = ("Devant Saint-Sulpice, la fontaine.", "Un bus passe à Saint-Sulpice.",
         "Un pigeon, ailleurs.")


def test_update_only_refreshes_and_adds_nothing(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = export(tmp_path / "first.jsonl", *TEXTS[:2])
    assert run(project, str(first)) == 0
    capsys.readouterr()
    both = export(tmp_path / "both.jsonl", *TEXTS)
    assert run(project, "--update-only", str(both)) == 0
    out = capsys.readouterr().out
    assert sorted(posts_of(project)) == ["325300000000000000", "325300000000000001"]
    assert "imported 2 (0 new, 2 updated, 0 unchanged)" in out  # their source is new
    assert "skipped 1: 1 not in content/ (--update-only)" in out


def test_places_are_given_to_posts_without_one_never_replacing_an_editors(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(tmp_path / "export.jsonl", *TEXTS)
    assert run(project, str(source)) == 0
    files = posts_of(project)
    assert all(read_post(p).place == "" for p in files.values())
    # The editors: one post placed by hand elsewhere, one edited (a note) without a
    # place, the third left alone. Then the gazetteer gets Saint-Sulpice.
    placed, edited, alone = (files[f"32530000000000000{i}"] for i in range(3))
    text = placed.read_text(encoding="utf-8")
    placed.write_text(text.replace("status: candidate", "place: palais-royal\n"
                                   "status: candidate"), encoding="utf-8")
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("status: candidate", "status: candidate\n"
                                   "note: vu par l'éditeur"), encoding="utf-8")
    before_alone = alone.read_bytes()
    (project / "content" / "places" / "place-saint-sulpice.md").write_text(
        SULPICE, encoding="utf-8")
    capsys.readouterr()
    assert run(project, str(source)) == 0
    out = capsys.readouterr().out
    assert read_post(placed).place == "palais-royal"  # the editor's, kept
    assert read_post(edited).place == "place-saint-sulpice"
    assert read_post(edited).note == "vu par l'éditeur"
    assert alone.read_bytes() == before_alone  # no place found in its text
    assert "1 post(s) already in content/ without a place given one from the gazetteer" \
        in out
    assert "1 updated, 2 unchanged" in out
    # An editor's explicit « no place » is a choice too.
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("place: place-saint-sulpice", "place: ''"),
                      encoding="utf-8")
    assert run(project, str(source)) == 0
    assert read_post(edited).place == ""


def test_the_summary_names_the_day_the_zone_and_the_hashtags(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(tmp_path / "export.jsonl", *TEXTS)
    assert run(project, str(source)) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("day 2013-04-19 (from content/pages/journee.md), zone "
                     "Europe/Paris (from content/pages/journee.md), hashtags #jdtap")
    assert run(project, "--day", "2013-04-19", "--tz", "America/Montreal", "--all",
               str(source)) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("day 2013-04-19 (from --day), zone America/Montreal (from --tz), "
                     "hashtags all (no hashtag filter)")
    (project / "content" / "pages" / "journee.md").write_text(
        "---\ndate: 2013-04-19\n---\n", encoding="utf-8")
    assert run(project, str(source)) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "zone Europe/Paris (from the default: no --tz and no 'timezone' in " \
        "content/pages/journee.md)" in first
