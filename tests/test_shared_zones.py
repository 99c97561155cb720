"""The posts' dates share one zone object per UTC offset (``InventaireReader._dated``).

Python compares two aware dates whose zones are distinct objects through their
offsets, forty times slower than when the zone is the same object: Pelican's sorts
by date (the posts, each hashtag's, each author's) went that way at every build."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

from hostile.tmpproject import DAY, made_up_post, make_project
from inventaire.commands.build import build
from pelican.plugins import signals


def test_dates_of_one_offset_share_their_zone_and_keep_their_value(tmp_path: Path) -> None:
    posts = [made_up_post(i) for i in range(5)]
    posts.append(made_up_post(5, date=(DAY + timedelta(hours=9)).astimezone(UTC)))
    project = make_project(tmp_path, posts=posts)
    seen: list[Any] = []

    def keep(generator: Any) -> None:
        seen.extend(generator.articles)

    signals.article_generator_finalized.connect(keep)
    try:
        build(project, book=False, overrides={"INVENTAIRE_SEARCH": False,
                                               "INVENTAIRE_RENDER_WORKERS": 1})
    finally:
        signals.article_generator_finalized.disconnect(keep)
    paris = [a for a in seen if a.date.utcoffset() == timedelta(hours=2)]
    utc = [a for a in seen if a.date.utcoffset() == timedelta(0)]
    assert len(paris) == 5 and len(utc) == 1
    assert len({id(a.date.tzinfo) for a in paris}) == 1
    assert utc[0].date.tzinfo is not paris[0].date.tzinfo
    for article in seen:
        assert article.date == article.post.date
        assert article.date.isoformat() == article.post.date.isoformat()
