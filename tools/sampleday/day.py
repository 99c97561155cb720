"""The timeline of 19 April 2013: who posts what, when, where; then the selection.

Tweets are built in time order so that replies, quotes and retweets always point
to an earlier tweet. The editors' decisions (selected, candidate, withdrawn,
featured, declaimed, consent) are taken afterwards, from the place the importer's
``PlaceTagger`` finds, so that files and exports agree.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from inventaire.core.places import PlaceTagger

from . import compose, phrases
from .authors import CITY, Author
from .placewords import BY_SLUG, PLACES, PlaceWords
from .tweets import Mention, Photo, Segment, Tag, Text, Tweet, link, render, snowflake, tco

PARIS = ZoneInfo("Europe/Paris")
DAY = (2013, 4, 19)
PEOPLE_POSTS = 1490
HOUR_WEIGHTS = (4, 2, 1, 1, 1, 2, 6, 25, 45, 60, 75, 100, 110, 105, 110, 110, 105, 100, 85,
                70, 55, 40, 25, 12)
PLACE_WEIGHTS = (1.4, 1.0, 1.0, 1.0, 1.0, 0.9)
SELECTED_PER_PLACE = {"place-saint-sulpice": 52}
SELECTED_DEFAULT = 40


def at(hour: int, minute: int, second: int, day_offset: int = 0) -> datetime:
    base = datetime(*DAY, hour, minute, second, tzinfo=PARIS)
    return base + timedelta(days=day_offset)


def jitter(rng: random.Random, place: PlaceWords, share: float = 0.6) -> tuple[float, float]:
    """A point inside the place's radius (degrees ≈ metres / 111 km)."""
    scale = place.radius_m * share / 111_000
    return (round(place.lat + rng.uniform(-scale, scale), 6),
            round(place.lon + rng.uniform(-scale, scale) * 1.5, 6))


class DayBuilder:
    """Builds every tweet of the day; ``rng`` is the only source of variation."""

    def __init__(self, rng: random.Random, authors: list[Author], tagger: PlaceTagger) -> None:
        self.rng = rng
        self.authors = {a.handle: a for a in authors}
        self.people = [a for a in authors if a.handle != CITY]
        self.tagger = tagger
        self.used_ids: set[str] = set()
        self.tweets: list[Tweet] = []
        self.texts: set[str] = set()

    # -- slots -------------------------------------------------------------------------

    def people_slots(self) -> list[datetime]:
        hours = self.rng.choices(range(24), weights=HOUR_WEIGHTS, k=PEOPLE_POSTS)
        return [at(h, self.rng.randrange(60), self.rng.randrange(60)) for h in hours]

    def new(self, author: str, date: datetime, segments: list[Segment], **kw: object) -> Tweet:
        tweet = Tweet(snowflake(self.rng, date, self.used_ids), author, date, segments,
                      **kw)  # type: ignore[arg-type]
        tweet.likes = int(self.rng.paretovariate(1.3)) - 1
        tweet.source = self.authors[author].source
        self.tweets.append(tweet)
        return tweet

    def unique(self, make: object) -> list[Segment]:
        """Call ``make`` until it gives a text nobody has posted yet."""
        assert callable(make)
        for _attempt in range(40):
            segments: list[Segment] = make()
            key = "".join(s.text for s in segments if isinstance(s, Text))
            if key not in self.texts:
                self.texts.add(key)
                return segments
        return segments

    # -- the people ----------------------------------------------------------------------

    def person_post(self, date: datetime) -> None:
        rng = self.rng
        author = rng.choices(self.people, weights=[a.weight for a in self.people])[0].handle
        limit = date - timedelta(minutes=2)
        earlier = [t for t in self.tweets[-200:] if t.kind != "retweet" and t.author != author
                   and t.date < limit]
        roll = rng.random()
        if earlier and roll < 0.052:
            originals = [t for t in earlier if not t.photos]
            if originals:
                self.new(author, date, [], kind="retweet", ref=rng.choice(originals))
                return
        if earlier and roll < 0.115:
            target = rng.choice(earlier[-60:])
            self.new(author, date, self.unique(lambda: compose.reply(rng, target.author)),
                     kind="reply", ref=target)
            return
        if earlier and roll < 0.12:
            target = rng.choice(earlier)
            url = f"https://twitter.com/{target.author}/status/{target.id}"
            self.new(author, date, self.unique(lambda: compose.quote(rng, lambda: link(rng, url))),
                     kind="quote", ref=target)
            return
        daytime = 7 <= date.hour <= 22
        roll = rng.random()
        if daytime and roll < 0.30:
            place = rng.choices(PLACES, weights=PLACE_WEIGHTS)[0]
            geo = rng.random() < 0.3
            named = not geo or rng.random() < 0.5
            holder: dict[str, int] = {}

            def make() -> list[Segment]:
                segments, holder["q"] = compose.observation(rng, date.hour, date.minute,
                                                            place, named)
                return segments

            segments = self.unique(make)
            self.new(author, date, segments, intended_place=place.slug,
                     coordinates=jitter(rng, place) if geo else None, quality=holder["q"])
        elif roll < 0.70:
            holder = {}

            def make_generic() -> list[Segment]:
                segments, holder["q"] = compose.observation(rng, date.hour, date.minute,
                                                            None, False)
                return segments

            segments = self.unique(make_generic)
            coordinates = None
            if rng.random() < 0.05:  # somewhere else in Paris, in no place of the day
                coordinates = (round(rng.uniform(48.83, 48.84), 6),
                               round(rng.uniform(2.28, 2.30), 6))
            self.new(author, date, segments, coordinates=coordinates)
        else:
            self.new(author, date, self.unique(lambda: compose.casual(rng)))

    # -- the city account -----------------------------------------------------------------

    def city_posts(self) -> list[tuple[datetime, str, object]]:
        """(time, kind, payload) of the city account's posts, merged into the timeline."""
        rng = self.rng
        plan: list[tuple[datetime, str, object]] = [
            (at(hour, 0, rng.randrange(5, 50)), "bulletin", hour) for hour in range(7, 24)]
        photo_hours = (7, 9, 11, 12, 13, 14, 16, 15, 19, 17, 18, 20)
        plan += [(at(photo_hours[index], rng.randrange(5, 55), rng.randrange(60)), "photo", spec)
                 for index, spec in enumerate(phrases.PHOTOS)]
        plan += [(at(8 + index * 2, 30, rng.randrange(60)), "news", news)
                 for index, news in enumerate(phrases.CITY_NEWS)]
        plan += [(at(12 + index * 3, 45, rng.randrange(60)), "reply", index) for index in range(3)]
        plan += [(at(15 + index * 4, 20, rng.randrange(60)), "retweet", index)
                 for index in range(2)]
        return plan

    def city_post(self, date: datetime, kind: str, payload: object) -> None:
        rng = self.rng
        if kind == "bulletin":
            assert isinstance(payload, int)
            text = f"Temps, {payload} h : " + phrases.TEMPS[f"{payload:02d}"]
            segments: list[Segment] = [Text(text + " "), Tag("jdtap")]
            if not compose.fits(segments):
                segments = [Text(f"Il est {payload} h. " + compose.sky(rng, payload) + " "),
                            Tag("jdtap")]
            self.new(CITY, date, segments)
        elif kind == "photo":
            scene, slug, alt, caption = cast(tuple[str, str, str, str], payload)
            media_date = date - timedelta(seconds=rng.randrange(20, 90))
            photo = Photo(scene, slug, alt, snowflake(rng, media_date, self.used_ids),
                          photo_name(rng), tco(rng))
            segments = [Text(caption + " "), Tag("jdtap"), Text(" "), Tag(BY_SLUG[slug].tag)]
            self.new(CITY, date, segments, photos=[photo], intended_place=slug,
                     coordinates=jitter(rng, BY_SLUG[slug], 0.4), quality=5)
        elif kind == "news":
            text, url = cast(tuple[str, str], payload)
            segments = [Text(text + " "), link(rng, url), Text(" "), Tag("jdtap")]
            self.new(CITY, date, segments)
        elif kind == "reply":
            earlier = [t for t in self.tweets if t.kind == "post" and t.author != CITY]
            target = earlier[-1 - 7 * int(payload)]  # type: ignore[call-overload]
            body = phrases.CITY_REPLIES[int(payload)]  # type: ignore[call-overload]
            segments = [Mention(target.author), Text(" " + body + " "), Tag("jdtap")]
            self.new(CITY, date, segments, kind="reply", ref=target)
        else:
            earlier = [t for t in self.tweets if t.kind == "post" and t.author != CITY
                       and t.intended_place and not t.photos]
            self.new(CITY, date, [], kind="retweet", ref=earlier[-3])

    # -- the whole day -------------------------------------------------------------------

    def outside(self) -> None:
        """A handful of posts just before and just after the day: the importer drops them."""
        times = [at(23, 41, 12, -1), at(23, 52, 40, -1), at(23, 58, 3, -1),
                 at(0, 2, 18, 1), at(0, 11, 51, 1), at(0, 29, 7, 1)]
        for date in times:
            author = self.rng.choice(self.people).handle
            self.new(author, date, self.unique(lambda: compose.casual(self.rng)))

    def build(self) -> list[Tweet]:
        timeline: list[tuple[datetime, str, object]] = [
            (d, "person", None) for d in self.people_slots()]
        timeline += self.city_posts()
        timeline.sort(key=lambda item: (item[0], item[1]))
        for date, kind, payload in timeline:
            if kind == "person":
                self.person_post(date)
            else:
                self.city_post(date, kind, payload)
        self.outside()
        self.tweets.sort(key=lambda t: (t.date, int(t.id)))
        for tweet in self.tweets:
            if tweet.kind != "retweet":
                text = render(tweet.segments, exported=False)[0]
                tweet.place = self.tagger.tag(text, tweet.coordinates)
        return self.tweets


def photo_name(rng: random.Random) -> str:
    """A pbs.twimg.com-like media name, e.g. ``BIMx3kQCMAA1f_p``."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "BI" + "".join(rng.choice(alphabet) for _ in range(8)) + "AA" + "".join(
        rng.choice(alphabet) for _ in range(3))


def in_day(tweet: Tweet) -> bool:
    return tweet.date.date() == datetime(*DAY).date()


def select(rng: random.Random, tweets: list[Tweet]) -> None:
    """The editors' choices: selected, candidates, one withdrawn, featured, declaimed."""
    by_place: dict[str, list[Tweet]] = {p.slug: [] for p in PLACES}
    for tweet in tweets:
        if (tweet.kind != "retweet" and in_day(tweet) and tweet.place
                and tweet.place == (tweet.intended_place or tweet.place)):
            by_place[tweet.place].append(tweet)
    withdrawn_done = False
    for slug, pool in by_place.items():
        ranked = sorted(pool, key=lambda t: (-t.quality - (1 if t.kind == "post" else 0),
                                             rng.random()))
        wanted = SELECTED_PER_PLACE.get(slug, SELECTED_DEFAULT)
        for tweet in ranked[:wanted]:
            tweet.status = "selected"
            tweet.consent = "unknown" if rng.random() < 0.08 else "granted"
        for tweet in ranked[wanted:wanted + 2]:
            tweet.status = "candidate"
            tweet.consent = "unknown"
        if not withdrawn_done and len(ranked) > wanted + 2:
            victim = ranked[wanted + 2]
            victim.status, victim.consent = "withdrawn", "refused"
            victim.note = "Retiré à la demande de son auteur, le 22 avril 2013."
            withdrawn_done = True
        selected = [t for t in ranked[:wanted] if t.author != CITY]
        best = [t for t in selected if t.quality >= 2]
        if best:
            rng.choice(best).featured = True
        if BY_SLUG[slug].crier:
            readable = [t for t in selected if 10 <= t.date.hour < 19 and not t.featured]
            for tweet in rng.sample(readable, min(5, len(readable))):
                hour = tweet.date.hour + 1
                tweet.declaimed = (slug, f"{hour:02d}:00")
                tweet.note = f"Lu par le crieur à {hour} h."
    for tweet in tweets:
        if tweet.photos and tweet.author == CITY and tweet.status == "selected":
            tweet.consent = "granted"
    extra = [t for t in tweets if t.status == "selected" and t.quality >= 3 and not t.featured]
    for tweet in extra[:2]:
        tweet.featured = True
