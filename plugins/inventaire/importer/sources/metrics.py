"""The counts an export carries of how often a post was shared and liked.

« Les plus partagés » on the site needs them, and no later step can find them: they
are read here, at import, from whatever each format keeps, into
:class:`~inventaire.core.model.Metrics` (``reposts``, ``likes``). A count the format
does not carry stays ``None``, never zero: the Twitter archive's own tweets have
theirs (as strings), a Mastodon outbox has them only in newer versions (its
``shares``/``likes`` collections), the Bluesky repository has none (reposts and likes
are other people's records), the API views of every network have them.

=================  ================================  ================================
format             reposts                           likes
=================  ================================  ================================
Twitter v1.1,      ``retweet_count``                 ``favorite_count``
tweets.js
Twitter v2         ``public_metrics.retweet_count``  ``public_metrics.like_count``
twarc2 CSV         ``public_metrics.retweet_count``  ``public_metrics.like_count``
Mastodon API       ``reblogs_count``                 ``favourites_count``
Mastodon outbox    ``shares.totalItems``             ``likes.totalItems``
Bluesky API view   ``repostCount``                   ``likeCount``
=================  ================================  ================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inventaire.core.model import Metrics


def count(value: Any) -> int | None:
    """A count as the export wrote it (a number, or digits in a string: the Twitter
    archive writes every number as a string); None for anything else."""
    if type(value) is int:  # the API's counts, settled before the checks below
        return value if value >= 0 else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _metrics(reposts: Any, likes: Any) -> Metrics | None:
    shared, liked = count(reposts), count(likes)
    # Built only when kept: a post without counts makes no object to throw away.
    return Metrics.make(shared, liked) if shared is not None or liked is not None else None


def _total(collection: Any) -> Any:
    return collection.get("totalItems") if isinstance(collection, Mapping) else None


def twitter_v1(tweet: Mapping[str, Any]) -> Metrics | None:
    """A v1.1 tweet or an archive's tweet."""
    return _metrics(tweet.get("retweet_count"), tweet.get("favorite_count"))


def twitter_v2(tweet: Mapping[str, Any]) -> Metrics | None:
    found = tweet.get("public_metrics")
    # A dict parsed from JSON needs no abstract-class check (the slower one).
    if type(found) is not dict and not isinstance(found, Mapping):
        return None
    return _metrics(found.get("retweet_count"), found.get("like_count"))


def twarc_csv(row: Mapping[str, Any]) -> Metrics | None:
    return _metrics(row.get("public_metrics.retweet_count"),
                    row.get("public_metrics.like_count"))


def mastodon_status(status: Mapping[str, Any]) -> Metrics | None:
    return _metrics(status.get("reblogs_count"), status.get("favourites_count"))


def mastodon_note(note: Mapping[str, Any]) -> Metrics | None:
    return _metrics(_total(note.get("shares")), _total(note.get("likes")))


def bluesky_view(view: Mapping[str, Any]) -> Metrics | None:
    return _metrics(view.get("repostCount"), view.get("likeCount"))
