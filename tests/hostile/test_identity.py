"""Who a post is by, and which post it is (issue 18, findings 2 and 3).

A handle with a zero-width character was listed on the real author's page as that
author and left up when the author withdrew; a Mastodon note carrying a tweet's id
replaced the tweet. Now a handle is one identity with its exact characters (NFC, case
aside), shown with its invisible characters escaped, and a post is its network and its
id together: file names, addresses and media of other networks are ``<network>-<id>``,
tweets' stay as they were.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.cli import main
from inventaire.core.model import Post
from inventaire.core.postfile import post_path, read_post
from inventaire.core.rights import Register
from inventaire.core.text.handles import (
    handle_key,
    lookalikes,
    parse_shown,
    shown_handle,
)

ZWSP = "\u200b"
REAL = made_up_post(1, author="flaneuse75", author_name="La Flâneuse",
                    text="Le vrai message de la flâneuse. #jdtap", consent="granted")
IMPOSTOR = made_up_post(2, author="flaneuse75" + ZWSP, author_name="La Flâneuse",
                        text="Le faux message de l'imposteur. #jdtap", consent="granted")
JOINER = made_up_post(3, author="flane\u200duse75", text="Un autre faux. #jdtap")
# A Mastodon note claiming the real tweet's id, in the same minute.
NOTE = made_up_post(4, id=REAL.id, network="mastodon", author="zoe@evil.example",
                    date=REAL.date, url="https://evil.example/@zoe/1",
                    text="La note qui prend l'identifiant du tweet. #jdtap")


def test_handles_are_identities_with_their_characters() -> None:
    assert shown_handle("flaneuse75" + ZWSP) == "flaneuse75⟨U+200B⟩"
    assert shown_handle("\u202egnp.exe") == "⟨U+202E⟩gnp.exe"
    assert shown_handle("Flaneuse75") == "Flaneuse75"
    assert handle_key("flaneuse75" + ZWSP) != handle_key("flaneuse75")
    assert handle_key("Cafe\u0301") == handle_key("CAFÉ")  # NFC, case folded
    assert parse_shown("@flaneuse75⟨U+200B⟩") == "@flaneuse75" + ZWSP
    assert lookalikes("flaneuse75", ["flaneuse75" + ZWSP, "FLANEUSE75", "ｆｌａｎｅｕｓｅ75",
                                     "autre"]) == ["flaneuse75" + ZWSP, "ｆｌａｎｅｕｓｅ75"]


def test_a_note_never_takes_a_tweets_file(tmp_path: Path) -> None:
    assert post_path(REAL, tmp_path).name == f"{REAL.date:%Hh%M}-{REAL.id}.md"
    assert post_path(NOTE, tmp_path).name == f"{REAL.date:%Hh%M}-mastodon-{REAL.id}.md"
    assert NOTE.slug == f"mastodon-{REAL.id}" and REAL.slug == REAL.id


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1366372800")
    return make_project(tmp_path, posts=[REAL, IMPOSTOR, JOINER, NOTE])


def test_both_files_are_kept_and_read_back(project: Path) -> None:
    posts = {(p.network, p.id): p for p in map(read_post,
                                               (project / "content/posts").rglob("*.md"))}
    assert posts[("twitter", REAL.id)].text == REAL.text
    assert posts[("mastodon", REAL.id)].text == NOTE.text
    assert posts[("twitter", IMPOSTOR.id)].author == "flaneuse75" + ZWSP


def test_authors_lists_the_impostor_apart_and_escaped(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_csv = project / "auteurs.csv"
    assert main(["--project", str(project), "authors", "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert ZWSP not in out and "\u200d" not in out
    lines = [line.split()[:3] for line in out.splitlines()]
    assert ["@flaneuse75", "twitter", "1"] in lines
    assert ["@flaneuse75⟨U+200B⟩", "twitter", "1"] in lines
    assert ["@flane⟨U+200D⟩use75", "twitter", "1"] in lines
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert {"flaneuse75", "flaneuse75⟨U+200B⟩"} <= {r["handle"] for r in rows}
    profiles = {r["handle"]: r["profile_url"] for r in rows}
    assert profiles["flaneuse75"] == "https://twitter.com/flaneuse75"
    assert profiles["flaneuse75⟨U+200B⟩"] == "https://twitter.com/flaneuse75%E2%80%8B"


def test_withdrawing_the_author_warns_of_lookalikes_and_leaves_them(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "withdraw", "@flaneuse75"]) == 0
    err = capsys.readouterr().err
    assert "@flaneuse75⟨U+200B⟩ (1 post(s), U+200B) looks like @flaneuse75" in err
    assert "inventaire withdraw '@flaneuse75⟨U+200B⟩'" in err
    assert "@flane⟨U+200D⟩use75" in err
    register = Register.load(project / "content")
    assert register.apply(read_post(post_path(REAL, project / "content/posts"))).status \
        == "withdrawn"
    assert register.apply(read_post(post_path(IMPOSTOR, project / "content/posts"))).status \
        == "selected"
    # The impostor, named as it is shown, is withdrawn on its own.
    assert main(["--project", str(project), "withdraw", "@flaneuse75⟨U+200B⟩"]) == 0
    out = capsys.readouterr().out
    assert "@flaneuse75⟨U+200B⟩ (twitter) withdrawn" in out and ZWSP not in out
    register = Register.load(project / "content")
    assert register.apply(read_post(post_path(IMPOSTOR, project / "content/posts"))).status \
        == "withdrawn"
    assert register.apply(read_post(post_path(JOINER, project / "content/posts"))).status \
        == "selected"


def test_check_names_the_impostors_and_the_shared_id(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--project", str(project), "check"])
    out = capsys.readouterr().out
    assert ZWSP not in out

    def said(post: Post, line: int, words: str) -> bool:
        start = f"{post_path(post, project / 'content/posts')}:{line}: "
        return any(row.startswith(start) and words in row for row in out.splitlines())

    # The project's site is French (DEFAULT_LANG): so are check's lines.
    assert said(IMPOSTOR, 6, "author: le pseudo contient des caractères invisibles ou "
                "bidirectionnels (U+200B)")
    assert said(IMPOSTOR, 6, "author: @flaneuse75⟨U+200B⟩ ressemble à @flaneuse75")
    assert said(NOTE, 2, f"id: un message twitter a le même identifiant {REAL.id} : les deux "
                f"sont gardés, celui-ci en /post/mastodon-{REAL.id}/")
    assert not said(REAL, 6, "author")  # the real author is not suspected


def _tweet(tweet_id: str, when: str) -> dict[str, object]:
    return {"created_at": when, "id_str": tweet_id, "full_text": "Le vrai. #jdtap",
            "truncated": False, "display_text_range": [0, 15],
            "entities": {"hashtags": [{"text": "jdtap", "indices": [9, 15]}],
                         "symbols": [], "user_mentions": [], "urls": []},
            "lang": "fr", "user": {"id_str": "42", "screen_name": "flaneuse75",
                                   "name": "La Flâneuse", "protected": False},
            "in_reply_to_status_id_str": None, "coordinates": None}


def _note(note_id: str, when: str, url: str) -> dict[str, object]:
    account = {"id": "1", "username": "zoe", "acct": "zoe@evil.example",
               "display_name": "Zoé", "url": "https://evil.example/@zoe"}
    return {"id": note_id, "created_at": when, "visibility": "public", "language": "fr",
            "url": url, "content": "<p>La fausse. #jdtap</p>", "account": account,
            "reblog": None, "in_reply_to_id": None, "media_attachments": [],
            "mentions": [], "tags": [{"name": "jdtap"}], "emojis": []}


def test_an_import_keeps_a_tweet_and_a_note_with_its_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    tweets = tmp_path / "tweets.jsonl"
    tweets.write_text(json.dumps(_tweet("325100000000000077",
                                        "Fri Apr 19 10:00:00 +0000 2013")) + "\n")
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps([_note("325100000000000077", "2013-04-19T10:00:30.000Z",
                                       "javascript:alert('HOSTILE')")]))
    main(["--project", str(project), "import", "--no-progress", "--day", "2013-04-19",
          "--all", str(tweets)])
    posts = project / "content" / "posts" / "2013-04-19"
    tweet_file = posts / "12h00-325100000000000077.md"
    before = tweet_file.read_bytes()
    capsys.readouterr()
    main(["--project", str(project), "import", "--no-progress", "--day", "2013-04-19",
          "--all", str(notes)])
    err = capsys.readouterr().err
    assert tweet_file.read_bytes() == before
    note = read_post(posts / "12h00-mastodon-325100000000000077.md")
    assert (note.network, note.id, note.text) == ("mastodon", "325100000000000077",
                                                  "La fausse. #jdtap")
    assert note.url == ""  # javascript: left out, with a warning
    assert "mastodon post 325100000000000077 has the id of a twitter post: kept apart " \
           "as mastodon-325100000000000077" in err
    assert "its address \"javascript:alert('HOSTILE')\" is not http(s); left out" in err


def test_a_note_is_withdrawn_by_its_address_not_the_tweet(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "withdraw", f"mastodon-{REAL.id}"]) == 0
    register = Register.load(project / "content")
    posts = project / "content" / "posts"
    assert register.apply(read_post(post_path(NOTE, posts))).status == "withdrawn"
    assert register.apply(read_post(post_path(REAL, posts))).status == "selected"


def test_the_import_names_an_impostors_handle() -> None:
    from inventaire.importer.curation.identity import unsafe_addresses

    post = made_up_post(9, author="Cafe\u0301" + ZWSP, source="sources/x.jsonl")
    lines = unsafe_addresses(post)
    assert post.author == "Café" + ZWSP  # stored in NFC
    assert lines == [f"sources/x.jsonl: warning: twitter post {post.id}: its handle holds "
                     "U+200B, U+00E9, which no network puts in a handle: kept apart as "
                     "@Caf⟨U+00E9⟩⟨U+200B⟩, another author than the one it looks like"]
