"""The indexes a reader uses (issue 14, point 4), as a content model: places by their
sittings (hour and page range), hashtags other than the day's own, and the
placeholder numbers before the pages are known. The printed indexes are read back
in tests/test_book_sample.py and tests/test_book_parallel.py."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from inventaire.book.chapters import (
    BookPost,
    chapters_by_hour,
    hashtags_index,
    places_index,
)
from inventaire.book.day import Day
from inventaire.book.interior import PLACEHOLDER, index_rows, page_range
from inventaire.book.posttext import printed_hashtags
from inventaire.core.model import Post
from inventaire.core.places import Place

PARIS = ZoneInfo("Europe/Paris")


def tag(name: str, link: bool = False) -> str:
    return (f'<a class="hashtag" href="/tag/{name}/">#{name}</a>' if link
            else f'<span class="hashtag">#{name}</span>')


def book_post(index: int, hour: int, place: str, html: str = "x") -> BookPost:
    post = Post(id=str(index), network="twitter", author=f"a{index}",
                date=datetime(2013, 4, 19, hour, index, tzinfo=PARIS), text="x",
                status="selected", place=place)
    return BookPost(anchor=f"p{index}", article=None, post=post, time="", author=post.author,
                    place=place, html=html)


def test_printed_hashtags_read_links_and_spans() -> None:
    html = f"Un bus {tag('Paris', link=True)} puis {tag('bus96')} et {tag('caf&#233;')}"
    assert printed_hashtags(html) == ["Paris", "bus96", "café"]


def test_hashtag_index_folds_case_and_leaves_out_the_days_own() -> None:
    posts = [book_post(1, 9, "", f"a {tag('Paris')} {tag('jdtap')}"),
             book_post(2, 9, "", f"b {tag('paris')} {tag('paris')}"),
             book_post(3, 10, "", f"c {tag('paris')} {tag('Métro')}")]
    entries = hashtags_index(posts, ["#JDTAP"])
    assert [(e.label, e.anchors) for e in entries] == [
        ("#Métro", ["p3"]), ("#paris", ["p1", "p2", "p3"])]


def test_places_index_lists_sittings_with_their_first_and_last_posts() -> None:
    day = Day(places={"vosges": Place("vosges", "place des Vosges", 0, 0),
                      "tertre": Place("tertre", "place du Tertre", 0, 0)})
    posts = [book_post(1, 9, "vosges"), book_post(2, 9, "tertre"), book_post(3, 9, "vosges"),
             book_post(4, 11, "vosges"), book_post(5, 11, "ailleurs")]
    entries = places_index(chapters_by_hour(posts, day), day)
    assert [e.label for e in entries] == ["place des Vosges", "place du Tertre"]
    vosges = entries[0]
    assert [(s.hour, s.first, s.last) for s in vosges.sittings] == [
        ("9\u00a0h", "p1", "p3"), ("11\u00a0h", "p4", "p4")]
    rows = index_rows(entries, {"p1": 9, "p2": 9, "p3": 10, "p4": 12, "p5": 12})
    assert [(s.hour, s.pages, s.anchor) for s in rows[0].sittings] == [
        ("9\u00a0h", "9\u201310", "p1"), ("11\u00a0h", "12", "p4")]
    assert index_rows(entries, None)[0].sittings[0].pages == PLACEHOLDER


def test_page_range() -> None:
    assert page_range(12, 12) == "12"
    assert page_range(12, 13) == "12\u201313"
