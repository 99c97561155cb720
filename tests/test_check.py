"""``inventaire check``: one line per problem, exit 1 on any."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inventaire.commands.cli import main

POST = """---
id: "325312345678901234"
network: twitter
url: https://twitter.com/flaneuse75/status/325312345678901234
date: 2013-04-19T14:32:07+02:00
author: flaneuse75
place: place-saint-sulpice
status: selected
media:
  - file: media/325312345678901234-1.jpg
    alt: Le bassin.
---
Un bus 96 passe. #jdtap
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "journee.md").write_text(
        "---\ndate: 2013-04-19\ntimezone: Europe/Paris\n---\n", encoding="utf-8")
    (content / "places").mkdir()
    (content / "places" / "place-saint-sulpice.md").write_text(
        "---\nname: Place Saint-Sulpice\nlat: 48.85\nlon: 2.33\n---\n", encoding="utf-8")
    (content / "media").mkdir()
    (content / "media" / "325312345678901234-1.jpg").write_bytes(b"x")
    posts = content / "posts" / "2013-04-19"
    posts.mkdir(parents=True)
    (posts / "14h32-325312345678901234.md").write_text(POST, encoding="utf-8")
    return tmp_path


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["--project", str(project), "check"])
    return status, [line for line in capsys.readouterr().out.splitlines() if line]


def test_clean_content_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check(project, capsys)
    assert status == 0
    assert lines == [f"inventaire check: 1 post file(s) in {project / 'content'}, no problem "
                     "— all is well"]  # one line: a check that says nothing looks broken


def test_every_problem_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = project / "content" / "posts" / "2013-04-19"
    bad = POST.replace("place-saint-sulpice", "place-inconnue")
    bad = bad.replace("alt: Le bassin.", "alt: ''").replace("2013-04-19T14:32", "2013-04-20T14:32")
    bad = bad.replace("-1.jpg", "-2.jpg")
    other_day = posts.parent / "2013-04-20"
    other_day.mkdir()
    (other_day / "14h32-325312345678901234.md").write_text(bad, encoding="utf-8")
    (posts / "broken-1.md").write_text("---\nid: [\n---\nx\n", encoding="utf-8")
    long_text = POST.replace("Un bus 96 passe.", "é" * 300)
    (posts / "14h32-2.md").write_text(long_text.replace("325312345678901234", "2"),
                                     encoding="utf-8")
    status, lines = check(project, capsys)
    assert status == 1
    joined = "\n".join(lines)
    assert "broken-1.md:2: id: a value is missing or a bracket is not closed — " in joined
    copy = str(other_day / "14h32-325312345678901234.md")
    assert f"{copy}:7: place: 'place-inconnue' is not in content/places/ — " in joined
    assert f"{copy}:2: id: post 325312345678901234 is also in" in joined
    assert f"{copy}:5: date: " in joined and "not on the day 2013-04-19" in joined
    assert "has no alt text" in joined and "does not exist" in joined
    assert "14h32-2.md:13: text: " in joined and "allows 280" in joined
    assert all(" — " in line for line in lines)


def test_text_edited_away_from_its_source(project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    store = project / "content" / ".inventaire" / "imported.jsonl"
    store.parent.mkdir(parents=True)
    store.write_text(json.dumps({"key": "twitter-325312345678901234", "record": {
        "text": "Un bus 96 passe. Il est vide. #jdtap"}}) + "\n", encoding="utf-8")
    status, lines = check(project, capsys)
    assert status == 1
    said = next(line for line in lines if ":13: text: the text differs from the imported"
                in line)
    assert "twitter-325312345678901234 in content/.inventaire/imported.jsonl" in said


def test_text_checked_against_a_record_of_an_earlier_version(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A project imported by an earlier version has one record file per post: check
    reads it, and moves nothing (check never writes)."""
    folder = project / "content" / ".inventaire" / "imported"
    folder.mkdir(parents=True)
    old = folder / "twitter-325312345678901234.json"
    old.write_text(json.dumps({"text": "Un bus 96 passe. Il est vide. #jdtap"}),
                   encoding="utf-8")
    status, lines = check(project, capsys)
    assert status == 1
    assert any(":13: text: the text differs from the imported post" in line for line in lines)
    assert old.is_file()
    assert sorted(p.name for p in (project / "content" / ".inventaire").iterdir()) == \
        ["imported"]


def test_a_broken_line_of_the_records_is_a_warning_not_a_lost_store(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = project / "content" / ".inventaire" / "imported.jsonl"
    store.parent.mkdir(parents=True)
    store.write_text('<<<<<<< HEAD\n{"key":"twitter-325312345678901234","record":'
                     '{"text":"Un bus 96 passe. Il est vide. #jdtap"}}\n', encoding="utf-8")
    status, lines = check(project, capsys)
    assert status == 1  # the record on line 2 is still read
    assert any(":13: text: the text differs from the imported post" in line for line in lines)
    assert any(f"{store}:1: warning: record: this line is not an import record" in line
               for line in lines)
