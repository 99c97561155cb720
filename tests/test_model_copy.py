"""``Post.copy``: the preview's builder hands each build a copy of the posts it keeps
parsed, so a copy must be equal to its post and share nothing a change could reach."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, datetime, timedelta, timezone

import pytest
from inventaire.core.model import Declaimed, Entity, Media, Metrics, Post

# Every field of Post, and how a copy holds it: its own object ("own"), or the
# post's, which cannot change ("shared"). A field added to Post fails the test
# below until it is listed here, with Post.copy made to suit it.
HELD = {
    "id": "shared", "network": "shared", "author": "shared", "date": "shared",
    "text": "shared", "url": "shared", "author_name": "shared", "entities": "own",
    "media": "own", "place": "shared", "status": "shared", "consent": "shared",
    "book": "shared", "featured": "shared", "declaimed": "own", "note": "shared",
    "reply_to": "shared", "quote_of": "shared", "lang": "shared",
    "coordinates": "shared", "source": "shared", "extra": "own", "metrics": "shared",
}
UNCHANGEABLE = (str, bool, int, float, tuple, datetime, Entity, Metrics)


def full_post() -> Post:
    """A post with every field set away from its default."""
    return Post(
        id="325", network="twitter", author="ada", text="#jdtap au marché",
        date=datetime(2013, 4, 19, 12, 0, tzinfo=timezone(timedelta(hours=2))),
        url="https://twitter.com/ada/status/325", author_name="Ada",
        entities=[Entity("hashtag", 0, 6, "jdtap")],
        media=[Media(file="media/325/a.jpg", alt="un banc", width=800, height=600)],
        place="bastille", status="selected", consent="granted", book=False,
        featured=True, declaimed=Declaimed("bastille", "12:30"), note="lu à midi",
        reply_to="324", quote_of="300", lang="fr", coordinates=(48.85, 2.37),
        source="archive", extra={"a": {"b": [1, 2]}}, metrics=Metrics(3, 9))


def test_every_field_of_post_is_listed() -> None:
    assert [f.name for f in dataclasses.fields(Post)] == list(HELD)


def test_a_copy_is_equal_and_of_the_same_kind() -> None:
    post = full_post()
    copy = post.copy()
    assert type(copy) is Post and copy == post and repr(copy) == repr(post)
    assert dataclasses.asdict(copy) == dataclasses.asdict(post)
    assert pickle.loads(pickle.dumps(copy)) == post
    assert copy.copy() == post


@pytest.mark.parametrize("name", [name for name, held in HELD.items() if held == "shared"])
def test_what_a_copy_shares_cannot_change(name: str) -> None:
    post = full_post()
    value = getattr(post.copy(), name)
    assert value is None or isinstance(value, UNCHANGEABLE), name
    if isinstance(value, tuple):
        assert all(isinstance(item, UNCHANGEABLE) for item in value)


def test_changing_a_copy_leaves_its_post_as_it_was() -> None:
    post = full_post()
    before = pickle.dumps(post)
    copy = post.copy()
    copy.entities.append(Entity("mention", 7, 9, "bob"))
    copy.media[0].alt = "changé"
    copy.media.append(Media(file="media/325/b.jpg"))
    assert copy.declaimed is not None
    copy.declaimed.place = "nation"
    copy.extra["a"]["b"].append(3)
    copy.extra["c"] = 1
    copy.text = "changé"
    assert pickle.dumps(post) == before


def test_a_post_without_extras_copies_to_its_own_empty_ones() -> None:
    post = Post(id="1", network="mastodon", author="a", text="t",
                date=datetime(2013, 4, 19, tzinfo=UTC))
    copy = post.copy()
    assert copy == post and copy.declaimed is None and copy.metrics is None
    copy.extra["x"] = 1
    copy.entities.append(Entity("hashtag", 0, 1, "t"))
    assert post.extra == {} and post.entities == []
