"""The sample day shipped in ``content/``: sizes, formats, and agreement between files.

The check that matters most is the round trip: reading the twarc2 export with the
importer's rules (docs/formats.md, « Twitter API v2 and twarc2 ») must give back,
for every editors' file, the same text, entities, date and place.
"""

from __future__ import annotations

import html
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from inventaire.core.model import Post
from inventaire.core.places import PlaceTagger, load_places
from inventaire.core.postfile import read_post
from PIL import Image
from PIL.ExifTags import IFD

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
JSONL = CONTENT / "sources" / "jdtap-2013-04-19.jsonl"
ARCHIVE = CONTENT / "sources" / "archive-jdtap_paris" / "data"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def pages() -> list[dict[str, Any]]:
    return [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def tweets(pages: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for page in pages for t in page["data"]}


@pytest.fixture(scope="module")
def posts() -> list[Post]:
    return [read_post(p) for p in sorted((CONTENT / "posts").rglob("*.md"))]


def archive_items(name: str) -> list[dict[str, Any]]:
    text = (ARCHIVE / name).read_text(encoding="utf-8")
    return json.loads(text[text.index("["):].rstrip().rstrip(";"))


def imported_text(tweet: dict[str, Any]) -> tuple[str, list[tuple[str, int, int, str, str]]]:
    """The importer's rules: slice the escaped text by entities, unescape the pieces,
    show links by display_url, drop the trailing media link."""
    text = tweet["text"]
    ents = tweet.get("entities", {})
    spans = sorted(
        [(h["start"], h["end"], "hashtag", h["tag"], "") for h in ents.get("hashtags", [])]
        + [(m["start"], m["end"], "mention", m["username"], "") for m in ents.get("mentions", [])]
        + [(u["start"], u["end"], "media" if "media_key" in u else "url", u["expanded_url"],
            u["display_url"]) for u in ents.get("urls", [])])
    out, result, position = "", [], 0
    for start, end, kind, value, display in spans:
        out += html.unescape(text[position:start])
        position = end
        if kind == "media":
            out = out.rstrip(" ")
            continue
        piece = display if kind == "url" else html.unescape(text[start:end])
        result.append((kind, len(out), len(out) + len(piece), value, display))
        out += piece
    out += html.unescape(text[position:])
    return out, result


def test_jsonl_is_a_twarc2_search_of_1500_posts(pages: list[dict[str, Any]]) -> None:
    assert sum(len(p["data"]) for p in pages) >= 1500
    for page in pages:
        assert 0 < len(page["data"]) <= 100
        assert page["meta"]["result_count"] == len(page["data"])
        assert {"users"} <= set(page["includes"]) and "url" in page["__twarc"]
        users = {u["id"] for u in page["includes"]["users"]}
        assert all(t["author_id"] in users for t in page["data"])
        if any("geo" in t for t in page["data"]):
            assert page["includes"]["places"]


def test_jsonl_has_retweets_replies_quotes_and_posts_outside_the_day(
        tweets: dict[str, dict[str, Any]]) -> None:
    kinds = Counter(r["type"] for t in tweets.values() for r in t.get("referenced_tweets", []))
    assert 0.03 * len(tweets) < kinds["retweeted"] < 0.08 * len(tweets)
    assert kinds["replied_to"] >= 20 and kinds["quoted"] >= 2
    days = Counter(datetime.fromisoformat(t["created_at"].replace("Z", "+00:00"))
                   .astimezone(PARIS).date().isoformat() for t in tweets.values())
    assert days["2013-04-18"] >= 1 and days["2013-04-20"] >= 1
    assert any("&amp;" in t["text"] for t in tweets.values())
    assert any("&lt;" in t["text"] for t in tweets.values())


def test_selection_has_240_posts_and_20_per_place(posts: list[Post]) -> None:
    selected = [p for p in posts if p.status == "selected"]
    assert len(selected) >= 240
    assert all(p.place for p in selected)
    per_place = Counter(p.place for p in selected)
    assert set(per_place) == set(load_places(CONTENT / "places"))
    assert min(per_place.values()) >= 20
    statuses = Counter(p.status for p in posts)
    assert statuses["candidate"] >= 5 and statuses["withdrawn"] == 1
    assert 6 <= sum(p.featured for p in posts) <= 8
    assert sum(p.declaimed is not None for p in posts) >= 15


def test_entities_slice_to_what_they_name(posts: list[Post]) -> None:
    for post in posts:
        for entity in post.entities:
            piece = post.text[entity.start:entity.end]
            expected = {"hashtag": "#" + entity.value, "mention": "@" + entity.value,
                        "url": entity.display}[entity.kind]
            assert piece == expected, (post.id, entity)


def test_files_are_what_importing_the_export_gives(posts: list[Post],
                                                   tweets: dict[str, dict[str, Any]]) -> None:
    tagger = PlaceTagger(load_places(CONTENT / "places"))
    for post in posts:
        tweet = tweets[post.id]
        text, spans = imported_text(tweet)
        assert post.text == text, post.id
        assert [(e.kind, e.start, e.end, e.value, e.display) for e in post.entities] == spans
        created = datetime.fromisoformat(tweet["created_at"].replace("Z", "+00:00"))
        assert post.date == created and post.date.utcoffset() == PARIS.utcoffset(created)
        coordinates = tweet.get("geo", {}).get("coordinates", {}).get("coordinates")
        expected = (coordinates[1], coordinates[0]) if coordinates else None
        assert post.coordinates == expected
        assert post.place == tagger.tag(text, expected), post.id
        assert post.source == "sources/jdtap-2013-04-19.jsonl"
        assert not any(r["type"] == "retweeted" for r in tweet.get("referenced_tweets", []))


def test_archive_duplicates_the_city_posts_of_the_day(tweets: dict[str, dict[str, Any]]
                                                      ) -> None:
    items = [i["tweet"] for i in archive_items("tweets.js")]
    assert all(isinstance(i["id"], str) and all(isinstance(x, str) for x in i["display_text_range"])
               for i in items)
    in_search = [i for i in items if i["id"] in tweets]
    assert 30 <= len(in_search) <= 60 and len(in_search) < len(items)
    for item in in_search:
        assert item["full_text"] == tweets[item["id"]]["text"]
    with_media = [i for i in in_search if "extended_entities" in i]
    assert 8 <= len(with_media) <= 15
    for item in with_media:
        name = item["extended_entities"]["media"][0]["media_url_https"].rsplit("/", 1)[1]
        path = ARCHIVE / "tweets_media" / f"{item['id']}-{name}"
        with Image.open(path) as image:
            gps = image.getexif().get_ifd(IFD.GPSInfo)
        assert gps.get(1) == "N" and gps.get(2)
    text = (ARCHIVE / "manifest.js").read_text(encoding="utf-8")
    assert text.startswith("window.__THAR_CONFIG = {")


def test_media_files_exist_without_exif(posts: list[Post]) -> None:
    media = [m for p in posts for m in p.media]
    assert len(media) >= 8
    for item in media:
        path = CONTENT / item.file
        assert path.stat().st_size < 400_000
        with Image.open(path) as image:
            assert (image.width, image.height) == (item.width, item.height)
            assert not image.getexif() and "exif" not in image.info
        assert item.alt


def test_generator_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_sample_day
    finally:
        sys.path.remove(str(ROOT / "tools"))
    make_sample_day.generate(tmp_path / "a")
    make_sample_day.generate(tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                     if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*")
                     if p.is_file())
    assert files_a == files_b and len(files_a) > 250
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
