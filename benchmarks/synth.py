"""Synthetic days for the benchmarks: N posts in the real formats, the same bytes every run.

A synthetic day is a throw-away project folder shaped like the shipped one:
``pelicanconf.py`` and ``publishconf.py``, ``content/posts/`` (the editors' Markdown
files, written by :func:`inventaire.core.postfile.write_post`), ``content/sources/``
(the twarc2 JSONL the importer reads), and the sample day's places and pages copied
as they are. Texts come
from the sample day's own composer (``tools/sampleday``), so posts read like the
real ones, hit the same places, hashtags, emoji and entities, and scale to any size.

Authors scale with the day (one per ~15 posts) so that author pages grow as they
would in a bigger edition instead of 65 pages of thousands of posts each.

    .venv/bin/python -m benchmarks.synth 10000 /tmp/day-10k [--vanilla]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

from inventaire.core.atomic import write_atomic  # noqa: E402
from inventaire.core.places import PlaceTagger, load_places  # noqa: E402
from inventaire.core.postfile import write_post  # noqa: E402
from make_sample_day import to_post  # noqa: E402
from sampleday import compose, exports  # noqa: E402
from sampleday.authors import CITY, Author, make_authors  # noqa: E402
from sampleday.day import HOUR_WEIGHTS, at  # noqa: E402
from sampleday.placewords import PLACES  # noqa: E402
from sampleday.tweets import Segment, Tweet, render, snowflake  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
DAY = "2013-04-19"
JSONL = "sources/synthetic.jsonl"
POSTS_PER_AUTHOR = 15


@dataclass
class SynthDay:
    """Where a synthetic day was written and what it holds."""

    project: Path
    posts: int
    authors: int

    @property
    def content(self) -> Path:
        return self.project / "content"

    @property
    def jsonl(self) -> Path:
        return self.content / JSONL


def authors_for(rng: random.Random, count: int) -> list[Author]:
    """The sample's 65 accounts, then invented ones (``handle_2``…) up to ``count``."""
    base = make_authors(rng)
    people = [a for a in base if a.handle != CITY]
    authors = list(base)
    used = {a.user_id for a in authors}
    number = 2
    while len(authors) < count:
        for model in people:
            if len(authors) >= count:
                break
            user_id = str(rng.randrange(14_000_000, 1_300_000_000))
            while user_id in used:
                user_id = str(rng.randrange(14_000_000, 1_300_000_000))
            used.add(user_id)
            authors.append(Author(f"{model.handle}_{number}", f"{model.name} {number}",
                                  user_id, model.weight, model.source))
        number += 1
    return authors


def make_tweets(rng: random.Random, count: int, authors: list[Author],
                tagger: PlaceTagger) -> list[Tweet]:
    """``count`` original posts spread over the day like the sample's, in time order."""
    people = [a for a in authors if a.handle != CITY]
    weights = [a.weight for a in people]
    sources = {a.handle: a.source for a in people}
    used: set[str] = set()
    tweets: list[Tweet] = []
    hours = rng.choices(range(24), weights=HOUR_WEIGHTS, k=count)
    for hour in sorted(hours):
        minute, second = rng.randrange(60), rng.randrange(60)
        date = at(hour, minute, second)
        author = rng.choices(people, weights=weights)[0].handle
        roll = rng.random()
        place = rng.choice(PLACES) if roll < 0.6 else None
        segments: list[Segment]
        if roll < 0.85:
            segments, _quality = compose.observation(rng, hour, minute, place, place is not None)
        elif roll < 0.93 or not tweets:
            segments = compose.casual(rng)
        else:
            target = rng.choice(tweets[-50:])
            segments = compose.reply(rng, target.author)
        tweet = Tweet(snowflake(rng, date, used), author, date, segments)
        tweet.likes = int(rng.paretovariate(1.3)) - 1
        tweet.source = sources[author]
        tweet.place = tagger.tag(render(segments, exported=False)[0], None)
        tweet.status = "selected"
        tweet.consent = "granted"
        tweets.append(tweet)
    tweets.sort(key=lambda t: (t.date, int(t.id)))
    return tweets


def copy_sample(content: Path) -> None:
    """The sample day's places and pages: the site and the book need them."""
    for folder in ("places", "pages"):
        shutil.copytree(ROOT / "content" / folder, content / folder, dirs_exist_ok=True)


def write_settings(project: Path) -> None:
    """The repository's settings, with the theme and plugins taken from the repository,
    and a ``publishconf.py`` that imports them as the repository's does."""
    text = (f"exec(open({str(ROOT / 'pelicanconf.py')!r}, encoding='utf-8').read())\n"
            f"THEME = {str(ROOT / 'theme')!r}\n"
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
            "CACHE_PATH = 'cache'\n")
    write_atomic(project / "pelicanconf.py", text)
    # As the repository's publishconf.py: `inventaire build --publish` reads this one.
    write_atomic(project / "publishconf.py", (
        "import os\nimport sys\n\nsys.path.append(os.curdir)\n"
        "from pelicanconf import *  # noqa: F403\n\n"
        "SITEURL = 'https://jdtap.example.org'\nRELATIVE_URLS = False\n"
        "DELETE_OUTPUT_DIRECTORY = True\nINVENTAIRE_SHOW_CANDIDATES = False\n"))


def vanilla_article(tweet: Tweet) -> str:
    """The same post as a plain Pelican Markdown article (metadata lines, then text)."""
    text, spans = render(tweet.segments, exported=False)
    tags = ", ".join(s.value for s in spans if s.kind == "hashtag")
    title = " ".join(text.split())[:60].rstrip()
    lines = [f"Title: {title}", f"Date: {tweet.date:%Y-%m-%d %H:%M:%S}",
             f"Author: {tweet.author}", f"Slug: {tweet.id}"]
    if tweet.place:
        lines.append(f"Category: {tweet.place}")
    if tags:
        lines.append(f"Tags: {tags}")
    return "\n".join(lines) + "\n\n" + text + "\n"


def write_vanilla(project: Path, tweets: list[Tweet]) -> None:
    """A vanilla Pelican project: default theme, no plugins, the same texts."""
    posts = project / "content"
    posts.mkdir(parents=True, exist_ok=True)
    for tweet in tweets:
        (posts / f"{tweet.id}.md").write_text(vanilla_article(tweet), encoding="utf-8")
    write_atomic(project / "pelicanconf.py", (
        "AUTHOR = 'Ville de Paris'\nSITENAME = 'Vanilla'\nSITEURL = ''\n"
        "PATH = 'content'\nOUTPUT_PATH = 'output'\nTIMEZONE = 'Europe/Paris'\n"
        "DEFAULT_LANG = 'fr'\nRELATIVE_URLS = True\nPLUGINS = []\n"
        "DEFAULT_PAGINATION = False\nCACHE_PATH = 'cache'\n"
        "FEED_DOMAIN = 'https://jdtap.example.org'\n"))


def generate(count: int, project: Path, seed: int = 7, vanilla: Path | None = None,
             posts: bool = True) -> SynthDay:
    """Write a synthetic day of ``count`` posts into ``project`` (and the vanilla twin).

    Without ``posts`` only the export is written, not the editors' files: the day as
    it stands before its first ``inventaire import``.
    """
    rng = random.Random(seed * 1_000_003 + count)
    content = project / "content"
    copy_sample(content)
    write_settings(project)
    tagger = PlaceTagger(load_places(content / "places"))
    authors = authors_for(rng, max(65, count // POSTS_PER_AUTHOR))
    by_handle = {a.handle: a for a in authors}
    tweets = make_tweets(rng, count, authors, tagger)
    write_atomic(content / JSONL, "\n".join(exports.twarc_lines(tweets, by_handle)) + "\n")
    for tweet in tweets if posts else ():
        post = to_post(tweet)
        post.source = JSONL
        post.author_name = by_handle[tweet.author].name
        write_post(post, content / "posts")
    if vanilla is not None:
        write_vanilla(vanilla, tweets)
    return SynthDay(project, count, len({t.author for t in tweets}))


def post_files(day: SynthDay) -> list[Path]:
    """The day's editors' files, in name (time) order."""
    return sorted((day.content / "posts").rglob("*.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=int, help=f"number of posts, e.g. {SIZES}")
    parser.add_argument("project", type=Path, help="an empty folder to write into")
    parser.add_argument("--vanilla", type=Path, help="also write a vanilla Pelican twin here")
    args = parser.parse_args(argv)
    started = datetime.now()
    day = generate(args.posts, args.project, vanilla=args.vanilla)
    took = (datetime.now() - started).total_seconds()
    print(f"{day.posts} posts by {day.authors} authors written to {day.project} "
          f"in {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
