"""``inventaire import`` end to end on small fixtures: the day, filters, files written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures" / "import"

PALAIS = """---
name: Palais-Royal
lat: 48.8650
lon: 2.3372
radius_m: 150
aliases: [Jardin du Palais-Royal]
crier: true
---
Le jardin.
"""

SULPICE = """---
name: Place Saint-Sulpice
lat: 48.8511
lon: 2.3347
radius_m: 120
aliases: [Saint-Sulpice]
---
La fontaine.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", content / "pages" / "journee.md")
    (content / "places").mkdir()
    (content / "places" / "palais-royal.md").write_text(PALAIS, encoding="utf-8")
    (content / "places" / "place-saint-sulpice.md").write_text(SULPICE, encoding="utf-8")
    return tmp_path


def run_import(project: Path, *args: str) -> int:
    return main(["--project", str(project), "import", "--no-progress", *args])


def posts_of(project: Path) -> dict[str, Path]:
    return {read_post(p).id: p for p in (project / "content" / "posts").rglob("*.md")}


def test_v1_day_bounds_filters_and_malformed_line(project: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status = run_import(project, str(FIXTURES / "twitter_v1.jsonl"))
    out, err = capsys.readouterr()
    assert status == 1  # one malformed line
    assert "twitter_v1.jsonl:10: invalid JSON" in err
    files = posts_of(project)
    # 00:30 and 23:59:59 local are in; 23:59:59 the day before and 00:00 after are out.
    assert {"325100000000000001", "325100000000000002", "325100000000000004",
            "325100000000000010"} == set(files)
    assert "retweet" in out and "protected" in out and "deleted" in out
    assert "outside the day" in out and "hashtag" in out and "malformed" in out
    first = read_post(files["325100000000000001"])
    assert first.text.startswith("@bob_example Thé & gâteau 🍰 #jdtap")
    assert first.place == "palais-royal"  # from the coordinates
    assert first.status == "candidate"
    assert first.source == "sources/twitter_v1.jsonl"
    assert first.date.isoformat() == "2013-04-19T12:00:00+02:00"
    assert files["325100000000000001"].name == "12h00-325100000000000001.md"
    assert files["325100000000000001"].parent.name == "2013-04-19"
    assert (project / "content" / "sources" / "twitter_v1.jsonl").read_bytes() == \
        (FIXTURES / "twitter_v1.jsonl").read_bytes()
    assert len(read_post(files["325100000000000010"]).text) > 280


def test_dst_day(project: Path) -> None:
    assert run_import(project, "--day", "2013-03-31", str(FIXTURES / "dst.jsonl")) == 0
    files = posts_of(project)
    # 2013-03-31 lasts 23 hours in Paris: 23:00Z the day before → 22:00Z.
    assert set(files) == {"315000000000000001", "315000000000000002"}


def test_status_and_hashtag_options(project: Path) -> None:
    assert run_import(project, "--status", "selected", "--hashtag", "PALAISROYAL",
                      str(FIXTURES / "twitter_v2.jsonl")) == 1  # line 3 lacks created_at
    files = posts_of(project)
    assert set(files) == {"325100000000000001"}
    assert read_post(files["325100000000000001"]).status == "selected"


def test_duplicates_across_formats_merge_media(project: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    status = run_import(project, str(FIXTURES / "twitter_v2_flat.jsonl"),
                        str(FIXTURES / "archive"), str(FIXTURES / "twitter_v2_single.json"))
    out, _err = capsys.readouterr()
    assert status == 0
    assert "duplicate" in out
    post = read_post(posts_of(project)["325100000000000001"])
    assert post.media[0].file == "media/325100000000000001-1.jpg"
    assert post.media[0].alt == "Un bus"  # from the API copy, the file from the archive
    assert not post.media[0].missing
    assert post.coordinates == (48.865, 2.3372)
    image = project / "content" / "media" / "325100000000000001-1.jpg"
    with Image.open(image) as opened:
        assert not opened.getexif()
        assert opened.size == (40, 30)
    assert b"PhoneMaker" not in image.read_bytes()
    assert (project / "content" / "sources" / "archive" / "data" / "manifest.js").is_file()


def test_zip_archive_and_note_tweet(project: Path, tmp_path: Path) -> None:
    archive = shutil.make_archive(str(tmp_path / "twitter-2023"), "zip", FIXTURES / "archive")
    assert run_import(project, archive) == 0
    files = posts_of(project)
    assert set(files) == {"325100000000000001", "325100000000000031", "325100000000000032"}
    note = read_post(files["325100000000000031"])
    assert note.text.endswith("encore #jdtap")
    assert read_post(files["325100000000000032"]).text == "Le bassin > la fontaine #jdtap"
    assert (project / "content" / "media" / "325100000000000001-1.jpg").is_file()
    assert (project / "content" / "sources" / "twitter-2023.zip").is_file()


def test_mastodon_archive_zip_and_statuses(project: Path, tmp_path: Path) -> None:
    archive = shutil.make_archive(str(tmp_path / "archive-20240101"), "zip",
                                  FIXTURES / "mastodon")
    status = run_import(project, archive, str(FIXTURES / "mastodon_statuses.json"))
    assert status == 1  # the outbox item without an id
    files = posts_of(project)
    assert set(files) == {"110222333444555001", "110222333444555002", "120"}
    post = read_post(files["110222333444555001"])
    assert post.author == "ada@social.example"
    assert post.text.endswith("Second paragraphe <3")
    assert post.media[0].file == "media/mastodon-110222333444555001-1.jpg"
    assert post.media[0].alt == "Un pigeon"


def test_bluesky_views_and_car(project: Path) -> None:
    assert run_import(project, str(FIXTURES / "bluesky_feed.json"),
                      str(FIXTURES / "repo.car")) == 0
    files = posts_of(project)
    assert set(files) == {"3kabc2xyz"}
    post = read_post(files["3kabc2xyz"])
    assert post.author == "zoe.example.com"
    assert [post.text[e.start:e.end] for e in post.entities] == [
        "#jdtap", "@ada.example.com", "example.com/menu…"]


def test_unknown_file_is_one_sentence(project: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("bonjour\n", encoding="utf-8")
    assert run_import(project, str(odd)) == 1
    err = capsys.readouterr().err
    assert "is not an export we can read" in err
    assert "Traceback" not in err
    assert run_import(project, str(tmp_path / "absent.jsonl")) == 1
    assert "does not exist" in capsys.readouterr().err


def test_day_required_without_settings(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(tmp_path, str(FIXTURES / "dst.jsonl")) == 1
    assert "--day" in capsys.readouterr().err


def test_twarc_csv(project: Path) -> None:
    assert run_import(project, str(FIXTURES / "twarc.csv")) == 1  # the row 'not-an-id'
    files = posts_of(project)
    assert set(files) == {"325100000000000001", "325100000000000040"}
    assert read_post(files["325100000000000040"]).text == "Deux lignes\nsur le pont & #jdtap"
