"""« Les plus partagés »: the posts most shared and liked on their network, a list
visitors of other archive sites look for (tweetback shows one).

The counts are the export's (``Post.metrics``, read at import: reposts, retweets or
boosts; likes or favourites), as they stood when the export was made. A post is
ranked by the two together, the shares first on a tie, then in time order, so the
list is the same at every build. Only posts on the site are in Pelican's list, and
of those only the public ones are ranked: not a Mastodon post its author kept out
of public timelines (``visibility: unlisted``), nor one behind a content warning,
whose words a list of favourites would put on show. A post without counts, or with
none above zero, is not ranked: the block is left out when no post has any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inventaire.core.model import Metrics
from inventaire.core.text.typography import NBSP, format_number, plural
from inventaire.site.postflags import content_warning

SHOWN = 5  # how many the home page lists


@dataclass(frozen=True)
class Shared:
    """One ranked post and its counts in words (« 3 partages · 12 j’aime »)."""

    article: Any  # a Pelican Article with ``post``
    label: str


def counts_label(metrics: Metrics) -> str:
    """The counts the export carried, in French; a count it did not carry is not said."""
    parts = []
    if metrics.reposts is not None:
        parts.append(plural(metrics.reposts, "partage"))
    if metrics.likes is not None:
        parts.append(f"{format_number(metrics.likes)}{NBSP}j’aime")
    return " · ".join(parts)


def rankable(post: Any) -> bool:
    """Public, unveiled, and counted above zero."""
    return (post.metrics is not None and post.metrics.total > 0
            and post.extra.get("visibility", "public") == "public"
            and not content_warning(post))


def most_shared(articles: Sequence[Any], count: int = SHOWN) -> list[Shared]:
    """The ``count`` most shared and liked of ``articles`` (in time order already)."""
    ranked = sorted((a for a in articles if rankable(a.post)),
                    key=lambda a: (-a.post.metrics.total, -(a.post.metrics.reposts or 0)))
    return [Shared(a, counts_label(a.post.metrics)) for a in ranked[:count]]


def label_counts(articles: Sequence[Any]) -> None:
    """Each post's counts in words (``article.counts``), for its own page; ``""`` when
    its export carried none, or only zeros (most posts: « 0 partage · 0 j’aime » on
    each would say nothing)."""
    for article in articles:
        metrics = article.post.metrics
        article.counts = counts_label(metrics) if metrics is not None and metrics.total \
            else ""
