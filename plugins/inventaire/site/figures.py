"""The day's figures, counted once from the published posts.

Each series is a list of ``(label, count, url)`` rows so that the same data feeds the
SVG chart and the text table beside it (the table is what screen readers and
text browsers read).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text.emoji_names import find_emoji, french_name
from ..text.typography import format_hour
from .groups import Hour, PlaceGroup

NETWORK_NAMES = {"twitter": "Twitter", "mastodon": "Mastodon", "bluesky": "Bluesky"}


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    url: str = ""
    note: str = ""


@dataclass
class Figures:
    posts: int = 0
    authors: int = 0
    places: int = 0
    with_media: int = 0
    declaimed: int = 0
    busiest_hour: Hour | None = None
    per_hour: list[Row] = field(default_factory=list)
    per_place: list[Row] = field(default_factory=list)
    per_network: list[Row] = field(default_factory=list)
    top_hashtags: list[Row] = field(default_factory=list)
    top_emoji: list[Row] = field(default_factory=list)
    day_hashtags: list[Row] = field(default_factory=list)


def count_figures(articles: Sequence[Any], hours: Sequence[Hour],
                  groups: dict[str, PlaceGroup], day_hashtags: Sequence[str],
                  tag_url: Any, top: int = 10) -> Figures:
    """Count everything the figures page shows; ``tag_url(name)`` gives a tag's address."""
    posts = [a.post for a in articles]
    figures = Figures(
        posts=len(posts),
        authors=len({(p.network, p.author.casefold()) for p in posts}),
        places=sum(1 for g in groups.values() if g.count),
        with_media=sum(1 for p in posts if p.media),
        declaimed=sum(1 for p in posts if p.declaimed),
    )
    figures.per_hour = [Row(format_hour(h.hour), h.count, h.url) for h in hours]
    if hours:
        figures.busiest_hour = max(hours, key=lambda h: (h.count, -h.hour))
    figures.per_place = sorted(
        (Row(g.name, g.count, g.url) for g in groups.values() if g.count),
        key=lambda r: (-r.count, r.label))
    networks = Counter(p.network for p in posts)
    figures.per_network = [Row(NETWORK_NAMES.get(n, n), c) for n, c in networks.most_common()]
    tags: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for post in posts:
        for tag in {t.casefold(): t for t in post.hashtags}.values():
            key = tag.casefold()
            tags[key] += 1
            shown.setdefault(key, tag)
    own = {t.casefold() for t in day_hashtags}
    ranked = sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))
    figures.day_hashtags = [Row("#" + shown[k], c, tag_url(shown[k])) for k, c in ranked
                            if k in own]
    figures.top_hashtags = [Row("#" + shown[k], c, tag_url(shown[k])) for k, c in ranked
                            if k not in own][:top]
    emoji: Counter[str] = Counter()
    for post in posts:
        emoji.update(span.chars for span in find_emoji(post.text))
    figures.top_emoji = [Row(chars, c, note=french_name(chars))
                         for chars, c in sorted(emoji.items(), key=lambda kv: (-kv[1], kv[0]))
                         [:top]]
    return figures
