"""Issue 15, defect 11: a Bluesky ``repo.car`` names its author by handle where the
export says it, and by display name from the repository's profile record.

The CAR itself holds the DID (its commit) and the display name (the profile record),
never the handle: the handle comes from a profile or DID document next to the CAR,
or from the name ``goat repo export`` gives its file; otherwise the DID is kept, and
``inventaire authors`` lists it for the editors to map.
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
from inventaire.importer.sources.bluesky import handle_of, read
from inventaire.importer.sources.common import ReadContext

FIXTURES = Path(__file__).parent / "fixtures" / "import"
DID = "did:plc:zoe"  # the commit of tests/fixtures/import/repo.car


def car_posts(path: Path) -> list[Post]:
    context = ReadContext(ZoneInfo("Europe/Paris"), "sources/x.car", path.name)
    return [r for r in read(path, context) if isinstance(r, Post)]


def lone_car(folder: Path, name: str = "repo.car") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(FIXTURES / "repo.car", folder / name))


def test_a_lone_car_keeps_the_did_and_the_profile_records_name(tmp_path: Path) -> None:
    [post] = car_posts(lone_car(tmp_path))
    assert post.author == DID
    assert post.author_name == "Zoé"  # app.bsky.actor.profile/self
    assert post.url == f"https://bsky.app/profile/{DID}/post/3kabc2xyz"


def test_a_profile_next_to_the_car_gives_the_handle(tmp_path: Path) -> None:
    car = lone_car(tmp_path)
    profile = {"did": DID, "handle": "Zoe.Example.com", "displayName": "Zoé (profil)"}
    (tmp_path / "profile.json").write_text(json.dumps(profile), encoding="utf-8")
    [post] = car_posts(car)
    assert post.author == "zoe.example.com"
    assert post.author_name == "Zoé"  # the record's own name wins over the metadata's
    assert post.url == "https://bsky.app/profile/zoe.example.com/post/3kabc2xyz"


def test_a_did_document_next_to_the_car_gives_the_handle(tmp_path: Path) -> None:
    car = lone_car(tmp_path)
    document = {"@context": ["https://www.w3.org/ns/did/v1"], "id": DID,
                "alsoKnownAs": ["at://zoe.example.com"], "service": []}
    (tmp_path / "did.json").write_text(json.dumps(document), encoding="utf-8")
    assert car_posts(car)[0].author == "zoe.example.com"


def test_metadata_of_another_account_is_never_used(tmp_path: Path) -> None:
    car = lone_car(tmp_path)
    (tmp_path / "other.json").write_text(json.dumps(
        {"did": "did:plc:someone-else", "handle": "mallory.example.com"}), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "invalid.json").write_text(json.dumps(
        {"did": DID, "handle": "handle.invalid"}), encoding="utf-8")
    assert car_posts(car)[0].author == DID


def test_goats_file_name_gives_the_handle(tmp_path: Path) -> None:
    car = lone_car(tmp_path, "zoe.example.com.20130419120000.car")
    assert car_posts(car)[0].author == "zoe.example.com"
    did_named = lone_car(tmp_path / "b", "did:plc:zoe.20130419120000.car")
    assert car_posts(did_named)[0].author == DID


@pytest.mark.parametrize(("value", "handle"), [
    ("at://Zoe.Example.COM", "zoe.example.com"), ("@ada.bsky.social", "ada.bsky.social"),
    ("did:plc:zoe", ""), ("handle.invalid", ""), ("no-dot", ""), ("", ""),
    ("a..b.com", ""), ("-a.com", "")])
def test_handle_syntax(value: str, handle: str) -> None:
    assert handle_of(value) == handle


def test_authors_lists_the_did_for_the_editors_to_map(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", tmp_path / "content" / "pages" / "journee.md")
    car = lone_car(tmp_path / "export")
    args = ["--project", str(tmp_path)]
    assert main([*args, "import", "--no-progress", "--status", "selected", str(car)]) == 0
    capsys.readouterr()
    assert main([*args, "authors"]) == 0
    assert DID in capsys.readouterr().out
    # The editors' mapping: the profile next to the CAR, then the same import again.
    (tmp_path / "export" / "profile.json").write_text(
        json.dumps({"did": DID, "handle": "zoe.example.com"}), encoding="utf-8")
    assert main([*args, "import", "--no-progress", str(car)]) == 0
    [path] = (tmp_path / "content" / "posts").rglob("*.md")
    post = read_post(path)
    assert (post.author, post.status) == ("zoe.example.com", "selected")
