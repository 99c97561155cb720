"""The editors' file: round trip byte for byte, and errors that name line and field."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from inventaire.core.model import Declaimed, Entity, Media, Post
from inventaire.core.postfile import PostFileError, dump_post, load_post, post_path

PARIS_SUMMER = timezone(timedelta(hours=2))


def make_post(**changes: object) -> Post:
    post = Post(
        id="325312345678901234", network="twitter", author="flaneuse75",
        author_name="La Flâneuse", date=datetime(2013, 4, 19, 14, 32, 7, tzinfo=PARIS_SUMMER),
        text="Un bus 96 passe. Il est presque vide. #jdtap\n— et « toi » ?",
        url="https://twitter.com/flaneuse75/status/325312345678901234",
        place="place-saint-sulpice", status="selected", consent="granted",
        declaimed=Declaimed("place-saint-sulpice", "14:45"),
        media=[Media(file="media/325312345678901234-1.jpg", alt="Le bassin : trois pigeons.")],
        note="Lu par le crieur.", entities=[Entity("hashtag", 38, 44, "jdtap")],
    )
    for name, value in changes.items():
        setattr(post, name, value)
    return post


def test_round_trip_is_exact() -> None:
    post = make_post()
    text = dump_post(post)
    assert load_post(text) == post
    assert dump_post(load_post(text)) == text


def test_file_matches_the_design_contract() -> None:
    text = dump_post(make_post())
    assert text.startswith('---\nid: "325312345678901234"\nnetwork: twitter\n')
    assert "\ndate: 2013-04-19T14:32:07+02:00\n" in text
    assert "\ndeclaimed: {place: place-saint-sulpice, time: '14:45'}\n" in text
    assert text.endswith("---\nUn bus 96 passe. Il est presque vide. #jdtap\n— et « toi » ?\n")


@pytest.mark.parametrize("body", ["<script>alert(1)</script>", "{{ 7*7 }} {% if %}",
                                  "# pas un titre\n\n* pas une liste", "---\nid: 1\n---",
                                  "  espaces  \n\n\nlignes vides"])
def test_body_is_kept_verbatim(body: str) -> None:
    post = make_post(text=body, entities=[])
    assert load_post(dump_post(post)).text == body


def test_path_is_day_and_local_time() -> None:
    from pathlib import Path

    path = post_path(make_post(), Path("content/posts"))
    assert path.as_posix() == "content/posts/2013-04-19/14h32-325312345678901234.md"


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("id: 1\n---\nx", 1, "front matter"),
        ("---\nid: '1'\nnetwork: twitter\nauthor: a\ndate: 2013-04-19T10:00:00+02:00\nx", 1,
         "front matter"),
        ("---\nid: '1'\nnetwork: twitter\nauthor: a\ndate: 2013-04-19 10:00\n---\nx", 5, "date"),
        ("---\nid: '1'\nnetwork: fax\nauthor: a\ndate: 2013-04-19T10:00:00+02:00\n---\nx", 3,
         "network"),
        ("---\nid: '1'\nnetwork: twitter\nauthor: a\ndate: 2013-04-19T10:00:00+02:00\n"
         "status: maybe\n---\nx", 6, "status"),
        ("---\nid: '1'\nnetwork: twitter\ndate: 2013-04-19T10:00:00+02:00\n---\nx", 2, "author"),
        ("---\nid: '1'\nnetwork: twitter\n  author: [a\n---\nx", 4, "author"),
        ("---\n!!python/object/apply:os.system [echo hacked]\n---\nx", 2, "front matter"),
    ],
)
def test_errors_name_the_line_and_the_field(text: str, line: int, field: str) -> None:
    with pytest.raises(PostFileError) as caught:
        load_post(text, "content/posts/x.md")
    error = caught.value
    assert (error.line, error.field) == (line, field), str(error)
    message = str(error)
    assert message.startswith(f"content/posts/x.md:{line}: {field}: ")
    assert " — " in message
