"""The day's figures, counted once from the published posts.

Each series is a list of ``(label, count, url)`` rows so that the same data feeds the
SVG chart and the text table beside it (the table is what screen readers and
text browsers read), and the terminal summary of ``inventaire stats``.

The counting takes plain :class:`~inventaire.core.model.Post` records and the
gazetteer's names, not Pelican objects: the ``/chiffres/`` page (through
:mod:`inventaire.site.figures`) and ``inventaire stats`` (which reads
``content/posts/`` without running Pelican) call the same :func:`count_figures`, so
they cannot disagree. The rows carry the site's addresses of an hour and a place
(README.md, « Web addresses »), so those two addresses are defined here, for the
site's pages too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from inventaire.core.model import Post
from inventaire.core.text.emoji_names import find_emoji, french_name
from inventaire.core.text.typography import format_hour

HOURS = range(24)


def hour_url(hour: int) -> str:
    """``heure/14/``: one sitting's address (README.md, « Web addresses »), for pages
    and figures alike."""
    return f"heure/{hour:02d}/"


def place_url(slug: str) -> str:
    """``lieu/<slug>/``: a place's address."""
    return f"lieu/{slug}/"


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
    busiest_hour: Row | None = None
    per_hour: list[Row] = field(default_factory=list)
    per_place: list[Row] = field(default_factory=list)
    per_network: list[Row] = field(default_factory=list)
    top_hashtags: list[Row] = field(default_factory=list)
    top_emoji: list[Row] = field(default_factory=list)
    day_hashtags: list[Row] = field(default_factory=list)


def ranked(counter: Mapping[str, int]) -> list[tuple[str, int]]:
    """Most frequent first, ties in alphabetical order (reproducible output)."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def per_hour(posts: Sequence[Post]) -> list[Row]:
    """The 24 hours, midnight to midnight, empty ones included (dates are local)."""
    counts = Counter(p.date.hour for p in posts)
    return [Row(format_hour(h), counts[h], hour_url(h)) for h in HOURS]


def per_place(posts: Sequence[Post], place_names: Mapping[str, str]) -> list[Row]:
    """Places of the gazetteer that have posts; a slug not in it is left out, as on
    the place pages (``inventaire check`` reports it)."""
    counts = Counter(p.place for p in posts if p.place in place_names)
    return sorted((Row(place_names[slug], c, place_url(slug)) for slug, c in counts.items()),
                  key=lambda r: (-r.count, r.label))


def hashtag_rows(posts: Sequence[Post], day_hashtags: Sequence[str],
                 tag_url: Callable[[str], str], top: int) -> tuple[list[Row], list[Row]]:
    """(the day's own hashtags, the others' top): case-insensitive, one count per post,
    shown as first written."""
    tags: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for post in posts:
        for tag in {t.casefold(): t for t in post.hashtags}.values():
            key = tag.casefold()
            tags[key] += 1
            shown.setdefault(key, tag)
    own = {t.casefold() for t in day_hashtags}
    order = ranked(tags)
    mine = [Row("#" + shown[k], c, tag_url(shown[k])) for k, c in order if k in own]
    # An address is a slug to make: only for the rows shown, of hundreds of hashtags.
    others = [(k, c) for k, c in order if k not in own][:top]
    return mine, [Row("#" + shown[k], c, tag_url(shown[k])) for k, c in others]


def emoji_rows(posts: Sequence[Post], top: int) -> list[Row]:
    """Every occurrence counts (« 🎉🎉 » is two); the note is the French name."""
    emoji: Counter[str] = Counter()
    for post in posts:
        emoji.update(span.chars for span in find_emoji(post.text))
    return [Row(chars, c, note=french_name(chars)) for chars, c in ranked(emoji)[:top]]


def count_figures(posts: Sequence[Post], place_names: Mapping[str, str],
                  day_hashtags: Sequence[str], tag_url: Callable[[str], str],
                  top: int = 10) -> Figures:
    """Everything the figures page shows.

    ``posts`` are the published ones; ``place_names`` maps the gazetteer's slugs to
    names; ``tag_url(name)`` gives a hashtag page's address.
    """
    hours = per_hour(posts)
    places = per_place(posts, place_names)
    figures = Figures(
        posts=len(posts),
        authors=len({(p.network, p.author.casefold()) for p in posts}),
        places=len(places),
        with_media=sum(1 for p in posts if p.media),
        declaimed=sum(1 for p in posts if p.declaimed),
        per_hour=hours,
        per_place=places,
    )
    if posts:
        busiest = max(HOURS, key=lambda h: (hours[h].count, -h))  # the earliest on a tie
        figures.busiest_hour = hours[busiest]
    networks: Counter[str] = Counter(p.network for p in posts)
    figures.per_network = [Row(NETWORK_NAMES.get(n, n), c) for n, c in ranked(networks)]
    figures.day_hashtags, figures.top_hashtags = hashtag_rows(posts, day_hashtags, tag_url, top)
    figures.top_emoji = emoji_rows(posts, top)
    return figures
