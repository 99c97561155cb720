"""The day's posts are sorted once per build (``groups.TimeOrder``): the hours, the
places, the neighbours and the home page read that one order, and give the same
result from it as from posts in any order."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from inventaire.core.model import Post
from inventaire.core.places import Place
from inventaire.site.groups import (
    TimeOrder,
    featured,
    hours_of_day,
    in_time_order,
    place_groups,
    set_neighbours,
)

PARIS = ZoneInfo("Europe/Paris")


def article(pid: str, hour: int, minute: int, place: str = "", network: str = "twitter",
            ) -> SimpleNamespace:
    post = Post(id=pid, network=network, author="a", text="x",  # type: ignore[arg-type]
                date=datetime(2013, 4, 19, hour, minute, tzinfo=PARIS), place=place,
                status="selected")
    return SimpleNamespace(post=post)


def shuffled() -> list[Any]:
    # Two posts of the same minute on two networks, and ids of different lengths.
    return [article("20", 14, 5, "tertre"), article("3", 9, 0),
            article("100", 14, 5, "tertre", "mastodon"), article("9", 14, 5, "tertre"),
            article("1", 23, 59)]


def ids(articles: Any) -> list[str]:
    return [f"{a.post.network}:{a.post.id}" for a in articles]


def test_the_order_is_sorted_once_and_kept() -> None:
    items = shuffled()
    ordered = in_time_order(items)
    assert isinstance(ordered, TimeOrder)
    assert in_time_order(ordered) is ordered  # no second sort
    assert ids(ordered) == ["twitter:3", "mastodon:100", "twitter:9", "twitter:20",
                            "twitter:1"]
    assert ids(items)[0] == "twitter:20"  # the caller's list is left as it was


def test_the_day_cut_from_the_order_is_the_day_cut_from_any_order() -> None:
    places = {"tertre": Place("tertre", "Place du Tertre", 48.8865, 2.3408)}
    given, ordered = shuffled(), in_time_order(shuffled())
    from_given = place_groups(given, places)
    from_ordered = place_groups(ordered, places)
    assert ids(from_given["tertre"].articles) == ids(from_ordered["tertre"].articles) \
        == ["mastodon:100", "twitter:9", "twitter:20"]
    hours_given = hours_of_day(given, {}, from_given)
    hours_ordered = hours_of_day(ordered, {}, from_ordered)
    assert [ids(h.articles) for h in hours_given] == [ids(h.articles) for h in hours_ordered]
    assert ids(featured(given, limit=2)) == ids(featured(ordered, limit=2)) \
        == ["twitter:3", "twitter:9"]
    set_neighbours(given)
    set_neighbours(ordered)
    for one, other in zip(in_time_order(given), ordered, strict=True):
        assert ids([one.previous_post or one]) == ids([other.previous_post or other])
        assert ids([one.next_post or one]) == ids([other.next_post or other])
    assert isinstance(featured(ordered), list)


def test_the_sort_key_orders_posts_as_their_own_dates_do() -> None:
    """``Post.sort_key`` puts a fixed offset's date in UTC (a faster sort): the order is
    that of the posts' own dates, for offsets, UTC and a named zone around its change
    of summer time (whose dates are compared field by field, and are left alone)."""
    from datetime import timedelta, timezone

    chance = random.Random(19)
    paris_autumn = datetime(2013, 10, 27, 1, 50, tzinfo=PARIS)
    paris_spring = datetime(2013, 3, 31, 1, 50, tzinfo=PARIS)
    for _ in range(300):
        posts = []
        for index in range(12):
            minutes = chance.randint(0, 90)
            base = chance.choice([paris_autumn, paris_spring])
            zone = chance.choice(["offset", "utc", "paris", "paris-fold"])
            when = base + timedelta(minutes=minutes)
            if zone == "offset":
                when = when.astimezone(timezone(timedelta(hours=chance.choice([1, 2, -5]))))
            elif zone == "utc":
                when = when.astimezone(UTC)
            elif zone == "paris-fold":
                when = when.replace(fold=1)
            posts.append(Post(id=str(index % 3), network="twitter", author="a", text="x",
                              date=when))
        own = sorted(posts, key=lambda p: (p.date, p.network, p.id.zfill(24)))
        assert [id(p) for p in sorted(posts, key=Post.sort_key)] == [id(p) for p in own]
