"""Readers, one format at a time: text, offsets, filters that belong to the format."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.core.model import Post
from inventaire.importer.sources.bluesky import facet_entities
from inventaire.importer.sources.common import (
    Deleted,
    Malformed,
    ReadContext,
    Skipped,
    Span,
    build_text,
    parse_twitter_date,
)
from inventaire.importer.sources.detect import READERS, UnknownFormat, detect
from inventaire.importer.sources.mastodon import html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PARIS = ZoneInfo("Europe/Paris")


def read_all(name: str) -> list[object]:
    path = FIXTURES / name
    return list(READERS[detect(path)](path, ReadContext(PARIS, f"sources/{name}", name)))


def posts(name: str) -> dict[str, Post]:
    return {r.id: r for r in read_all(name) if isinstance(r, Post)}


@pytest.mark.parametrize(("name", "kind"), [
    ("twitter_v1.jsonl", "twitter-v1"), ("twitter_v2.jsonl", "twitter-v2"),
    ("twitter_v2_flat.jsonl", "twitter-v2"), ("twitter_v2_single.json", "twitter-v2"),
    ("archive", "twitter-archive"), ("twarc.csv", "twarc-csv"), ("mastodon", "mastodon"),
    ("mastodon_statuses.json", "mastodon"), ("bluesky_search.json", "bluesky"),
    ("bluesky_feed.json", "bluesky"), ("repo.car", "bluesky"),
])
def test_detection(name: str, kind: str) -> None:
    assert detect(FIXTURES / name) == kind


def test_unknown_file(tmp_path: Path) -> None:
    odd = tmp_path / "x.json"
    odd.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(UnknownFormat, match="not an export we can read"):
        detect(odd)


def test_escaped_entity_before_hashtag_and_astral_emoji() -> None:
    escaped = "@bob_example Tea &amp; cake at 4? 🍰 #teatime https://t.co/Xy12AbCd34"
    text, entities = build_text(escaped, [
        Span(0, 12, "mention", "bob_example", expect="@bob_example"),
        Span(36, 44, "hashtag", "teatime", expect="#teatime"),
        Span(45, 68, "media", "", expect="https://t.co/Xy12AbCd34"),
    ])
    assert text == "@bob_example Tea & cake at 4? 🍰 #teatime"
    assert [text[e.start:e.end] for e in entities] == ["@bob_example", "#teatime"]
    assert entities[1].start == 32


def test_wrong_indices_are_found_nearby() -> None:
    text, entities = build_text("Voir #jdtap", [Span(4, 10, "hashtag", "jdtap",
                                                      expect="#jdtap")])
    assert text[entities[0].start:entities[0].end] == "#jdtap"


def test_same_tweet_same_text_in_every_twitter_format() -> None:
    texts = {posts(name)["325100000000000001"].text for name in (
        "twitter_v1.jsonl", "twitter_v2.jsonl", "twitter_v2_flat.jsonl", "archive")}
    assert texts == {"@bob_example Thé & gâteau 🍰 #jdtap au #PalaisRoyal "
                     "example.com/palais/jardin"}


def test_v1_records() -> None:
    records = read_all("twitter_v1.jsonl")
    assert Skipped("retweet") in records and Skipped("protected") in records
    assert Deleted("twitter", "325100000000000008") in records
    bad = [r for r in records if isinstance(r, Malformed)]
    assert [str(r) for r in bad] == ["twitter_v1.jsonl:10: invalid JSON: Expecting value "
                                     "(column 1)"]
    post = posts("twitter_v1.jsonl")["325100000000000001"]
    url = next(e for e in post.entities if e.kind == "url")
    assert (url.value, url.display) == ("https://www.example.com/palais/jardin",
                                        "example.com/palais/jardin")
    assert post.coordinates == (48.865, 2.3372)  # GeoJSON lon,lat turned round
    assert post.reply_to == "325099999999999999"
    assert post.url == "https://twitter.com/flaneuse75/status/325100000000000001"
    assert post.media[0].missing and post.media[0].alt == "Un bus"
    long_post = posts("twitter_v1.jsonl")["325100000000000010"]
    assert long_post.text.endswith("bla #jdtap") and len(long_post.text) > 300


def test_v2_note_tweet_and_retweet() -> None:
    found = posts("twitter_v2.jsonl")
    note = found["325100000000000020"]
    assert note.text.endswith("#jdtap & fin")
    tag = note.entities[0]
    assert note.text[tag.start:tag.end] == "#jdtap"
    assert "325100000000000021" not in found


def test_parse_twitter_date_is_locale_free() -> None:
    when = parse_twitter_date("Fri Apr 19 10:00:00 +0000 2013", PARIS)
    assert when.isoformat() == "2013-04-19T12:00:00+02:00"


def test_bluesky_byte_facets_after_accents() -> None:
    text = "Café à l’Hôtel #jdtap"
    start = len("Café à l’Hôtel ".encode())
    entities = facet_entities(text, [{"index": {"byteStart": start, "byteEnd": start + 6},
                                      "features": [{"$type": "app.bsky.richtext.facet#tag",
                                                    "tag": "jdtap"}]}])
    assert text[entities[0].start:entities[0].end] == "#jdtap"
    # A facet cutting a character in two is dropped, not misplaced.
    assert facet_entities(text, [{"index": {"byteStart": 4, "byteEnd": 8},
                                  "features": [{"$type": "x#tag", "tag": "x"}]}]) == []


def test_bluesky_views_car_and_reposts() -> None:
    view = posts("bluesky_search.json")["3kabc2xyz"]
    car = posts("repo.car")["3kabc2xyz"]
    assert view.text == car.text
    assert [e.kind for e in car.entities] == ["hashtag", "mention", "url"]
    assert car.author_name == "Zoé"
    assert Skipped("retweet") in read_all("bluesky_feed.json")
    assert Skipped("retweet") in read_all("repo.car")
    assert posts("bluesky_search.json")["3kabc2xz2"].extra["_tags"] == ["Paris"]


def test_mastodon_html_and_visibility() -> None:
    records = read_all("mastodon")
    assert records.count(Skipped("private")) == 2  # followers-only and direct
    assert Skipped("retweet") in records  # the boost
    post = posts("mastodon")["110222333444555001"]
    assert post.text == ("Thé & gâteau avec @bob #jdtap\nMenu : example.com/menu/du/jour/tres/…"
                         "\n\nSecond paragraphe <3")
    mention = next(e for e in post.entities if e.kind == "mention")
    assert (mention.value, mention.href) == ("bob@other.example", "https://other.example/@bob")
    assert post.url == "https://social.example/@ada/110222333444555001"
    api = read_all("mastodon_statuses.json")
    assert Skipped("private") in api and Skipped("retweet") in api


def test_html_to_text_line_breaks() -> None:
    text, entities = html_to_text("<p>a<br>b</p><p>c &amp; d</p>")
    assert (text, entities) == ("a\nb\n\nc & d", [])


def test_twarc_csv_reextracts_entities() -> None:
    pytest.importorskip("inventaire.core.text.twitter_text")
    post = posts("twarc.csv")["325100000000000001"]
    assert post.text.startswith("@bob_example Thé & gâteau 🍰 #jdtap au #PalaisRoyal ")
    assert [e.kind for e in post.entities] == ["mention", "hashtag", "hashtag", "url"]
    assert all(post.text[e.start:e.end] for e in post.entities)
    assert post.media[0].url.endswith("BIabc.jpg")


def test_lone_tweets_js_with_string_numbers() -> None:
    path = FIXTURES / "archive" / "data" / "tweets-part1.js"
    assert detect(path) == "twitter-archive"
    found = {r.id: r for r in READERS["twitter-archive"](path, ReadContext(PARIS, "", "t.js"))
             if isinstance(r, Post)}
    assert found["325100000000000032"].text == "Le bassin > la fontaine #jdtap"


@pytest.mark.parametrize("raw", [
    b'{"id": "1", "text": "caf\\u00e9 \\ud83c\\udf70", "n": 1.5e3, "ok": true}\n',
    b'{"text": "lone \\ud83d surrogate"}',       # orjson refuses, json takes
    b'{"count": NaN}',                            # the same
    b'{"id": 123456789012345678901234567890}',    # orjson would give a float
    b'{"id": 18446744073709551615, "lat": 48.853409, "lon": 2.3488, "x": -0.0, '
    b'"y": 1e-320, "z": 0.1, "w": 1.7976931348623157e308}',
])
def test_json_lines_parse_to_what_json_gives(raw: bytes) -> None:
    import json
    import math

    from inventaire.importer.sources.common import loads_line

    got, expected = loads_line(raw), json.loads(raw.decode("utf-8"))
    if "NaN" in raw.decode():
        assert math.isnan(got["count"]) and math.isnan(expected["count"])
    else:
        assert got == expected


def test_json_lines_fail_as_json_fails() -> None:
    import json

    from inventaire.importer.sources.common import loads_line

    with pytest.raises(UnicodeDecodeError):
        loads_line(b'{"text": "caf\xe9"}')
    with pytest.raises(json.JSONDecodeError, match="Expecting ',' delimiter"):
        loads_line(b'{"a": 1 "b": 2}')
    with pytest.raises(RecursionError):
        loads_line(b"[" * 100_000 + b"]" * 100_000)
