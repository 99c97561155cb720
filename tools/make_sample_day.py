"""Write the sample day shipped in ``content/``: Paris, Friday 19 April 2013, #jdtap.

    .venv/bin/python tools/make_sample_day.py [OUTPUT]      (default: content/)

Deterministic: one seed, no clock, no network; two runs write byte-identical
files. Each post is built first as the final :class:`inventaire.core.model.Post`, and
the exports (twarc2 JSONL, the city account's archive) are derived from the same
tweets, so that importing the exports gives back the posts written here.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inventaire.core.atomic import write_atomic
from inventaire.core.model import Declaimed, Entity, Media, Metrics, Post
from inventaire.core.places import PlaceTagger, load_places
from inventaire.core.postfile import write_post
from sampleday import exports, pages, photos
from sampleday.authors import CITY, Author, make_authors
from sampleday.day import DayBuilder, at, in_day, select
from sampleday.tweets import Tag, Text, Tweet, render, snowflake

SEED = 19042013
JSONL = "sources/jdtap-2013-04-19.jsonl"
ARCHIVE = "sources/archive-jdtap_paris"
ROOT = Path(__file__).resolve().parent.parent


def to_post(tweet: Tweet) -> Post:
    """The record the importer must produce for this tweet."""
    text, spans = render(tweet.segments, exported=False)
    entities = [Entity(kind=s.kind, start=s.start, end=s.end, value=s.value,  # type: ignore[arg-type]
                       display=s.display) for s in spans]
    return Post(
        id=tweet.id, network="twitter", author=tweet.author, date=tweet.date, text=text,
        url=f"https://twitter.com/{tweet.author}/status/{tweet.id}",
        author_name="", entities=entities,
        media=[Media(file=f"media/{tweet.id}-{n}.jpg", alt=p.alt, width=p.width,
                     height=p.height) for n, p in enumerate(tweet.photos, 1)],
        place=tweet.place, status=tweet.status,  # type: ignore[arg-type]
        consent=tweet.consent,  # type: ignore[arg-type]
        featured=tweet.featured,
        declaimed=Declaimed(*tweet.declaimed) if tweet.declaimed else None,
        note=tweet.note, reply_to=tweet.ref.id if tweet.kind == "reply" and tweet.ref else "",
        quote_of=tweet.ref.id if tweet.kind == "quote" and tweet.ref else "",
        lang="fr", coordinates=tweet.coordinates, source=JSONL,
    )


def clean(out: Path) -> None:
    """Remove what a previous run wrote, so that nothing stale survives."""
    for folder in ("posts", "media", "places", "pages", "sources"):
        base = out / folder
        if base.is_dir():
            for path in sorted(base.rglob("*"), reverse=True):
                if path.is_file():
                    path.unlink()
                elif path.is_dir():
                    path.rmdir()


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def generate(out: Path) -> dict[str, int]:
    """Write the whole sample under ``out``; returns a few counts for the report."""
    clean(out)
    rng = random.Random(SEED)
    pages.write_pages(out)
    tagger = PlaceTagger(load_places(out / "places"))
    authors = make_authors(rng)
    by_handle = {a.handle: a for a in authors}
    tweets = DayBuilder(rng, authors, tagger).build()
    select(rng, tweets)

    city_tweets = [t for t in tweets if t.author == CITY]
    archive = out / ARCHIVE / "data"
    for index, tweet in enumerate(t for t in city_tweets if t.photos):
        photo = tweet.photos[0]
        assert tweet.coordinates is not None
        taken = tweet.date.strftime("%Y:%m:%d %H:%M:%S")
        source, published = photos.render_photo(photo, SEED + index, tweet.coordinates, taken)
        write_bytes(archive / "tweets_media" / f"{tweet.id}-{photo.name}.jpg", source)
        write_bytes(out / "media" / f"{tweet.id}-1.jpg", published)

    lines = exports.twarc_lines(tweets, by_handle)
    write_atomic(out / JSONL, "\n".join(lines) + "\n")

    metrics = exports.public_metrics(tweets)
    items = [exports.archive_tweet(t, by_handle, metrics[t.id]["like_count"],
                                   metrics[t.id]["retweet_count"]) for t in city_tweets]
    items += archive_only(rng, by_handle)
    items.sort(key=lambda item: int(item["tweet"]["id"]), reverse=True)
    tweets_js = exports.js_assignment("tweets", items)
    account_js = exports.account(by_handle[CITY])
    write_atomic(archive / "tweets.js", tweets_js)
    write_atomic(archive / "account.js", account_js)
    size = sum(p.stat().st_size for p in (out / ARCHIVE).rglob("*") if p.is_file())
    write_atomic(archive / "manifest.js", exports.manifest(by_handle[CITY], len(items), size))

    files = 0
    for tweet in tweets:
        if tweet.status and tweet.kind != "retweet" and in_day(tweet):
            post = to_post(tweet)
            post.author_name = by_handle[tweet.author].name
            counts = metrics[tweet.id]  # what both exports say, so the import reads it back
            post.metrics = Metrics(counts["retweet_count"], counts["like_count"])
            write_post(post, out / "posts")
            files += 1
    return {"tweets": len(tweets), "files": files,
            "selected": sum(t.status == "selected" for t in tweets)}


def archive_only(rng: random.Random, authors: dict[str, Author]) -> list[dict[str, Any]]:
    """Two posts of the city account on other days: in the archive, not in the search."""
    used: set[str] = set()
    before = at(18, 30, 0, -2)
    after = at(10, 15, 0, 3)
    posts = [
        Tweet(snowflake(rng, before, used), CITY, before,
              [Text("Vendredi, notez ce qui passe sous vos yeux, à Paris, avec "), Tag("jdtap"),
               Text(". Les crieurs vous liront.")]),
        Tweet(snowflake(rng, after, used), CITY, after,
              [Text("Merci pour vos 1 500 notes de vendredi. Le livre est en préparation.")]),
    ]
    return [exports.archive_tweet(t, authors, 3, 1) for t in posts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "content",
                        help="folder to write into (default: content/)")
    args = parser.parse_args(argv)
    counts = generate(args.output)
    print(f"{counts['tweets']} tweets, {counts['files']} post files "
          f"({counts['selected']} selected) written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
