"""Composing one post's segments from the French fragments.

Every composed post carries ``#jdtap`` (the day is a hashtag search) and stays
within 2013's 140 characters, counted on the text a reader sees with t.co links.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable

from . import phrases
from .placewords import PlaceWords
from .tweets import Mention, Segment, Tag, Text, render

MAX_CHARS = 140


def fits(segments: list[Segment], extra: int = 0) -> bool:
    """Does the post fit in 140 characters (t.co links counted at their length)?"""
    text, _spans = render(segments, exported=True)
    return len(html.unescape(text)) + extra <= MAX_CHARS


def clock(hour: int, minute: int) -> str:
    """French typography for a time of day: « 9 h 05 », « 14 h 32 »."""
    return f"{hour} h {minute:02d}"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def pick(rng: random.Random, sights: tuple[str, ...], hour: int) -> str:
    """A sight that makes sense at this hour: « § » marks daytime (8–19 h) sights,
    « ¤ » lunchtime ones (11–14 h)."""
    fitting = [s for s in sights
               if not (s.startswith("§") and not 8 <= hour <= 19)
               and not (s.startswith("¤") and not 11 <= hour <= 14)]
    return rng.choice(fitting).lstrip("§¤")


def fill(rng: random.Random, template: str, buses: tuple[str, ...]) -> str:
    """Replace the placeholders of a sight with agreeing noun phrases."""
    personne = rng.choice(phrases.PERSONNES)
    groupe = rng.choice(phrases.GROUPES)
    chien = rng.choice(phrases.CHIENS)
    vehicule = rng.choice(phrases.VEHICULES)
    nombre = rng.choice(phrases.NOMBRES)
    return template.format(
        personne=personne, Personne=capitalize(personne), groupe=groupe,
        Groupe=capitalize(groupe), chien=chien, Chien=capitalize(chien),
        vehicule=vehicule, Vehicule=capitalize(vehicule), nb=nombre,
        Nb=capitalize(nombre), bus=rng.choice(buses),
    )


def sky(rng: random.Random, hour: int) -> str:
    key = max(h for h in phrases.SKY if h <= hour)
    return rng.choice(phrases.SKY[key])


def tags_tail(rng: random.Random, extra: list[str], emoji: bool) -> list[Segment]:
    """`` #jdtap`` plus the given tags, with an emoji before or after now and then."""
    tail: list[Segment] = []
    if emoji and rng.random() < 0.5:
        tail.append(Text(" " + rng.choice(phrases.EMOJI)))
        emoji = False
    for tag in ["jdtap", *extra]:
        tail += [Text(" "), Tag(tag)]
    if emoji:
        tail.append(Text(" " + rng.choice(phrases.EMOJI)))
    return tail


def observation(rng: random.Random, hour: int, minute: int, place: PlaceWords | None,
                named: bool) -> tuple[list[Segment], int]:
    """A Perec-like note; returns its segments and a quality score (higher is better)."""
    for _attempt in range(50):
        sentences: list[str] = []
        quality = 0
        extra_tags: list[str] = []
        if rng.random() < 0.3:
            sentences.append(clock(hour, minute) + ".")
            quality += 1
        buses = place.buses if place else phrases.BUSES
        if place is not None:
            by_tag = named and rng.random() < 0.3
            if named and not by_tag:
                sentences.append(rng.choice(place.stamps))
            if by_tag:
                extra_tags.append(place.tag)
            sentences.append(fill(rng, pick(rng, place.sights, hour), buses))
            quality += 1
        else:
            sentences.append(fill(rng, pick(rng, phrases.SIGHTS, hour), buses))
        roll = rng.random()
        if roll < 0.35:
            sentences.append(fill(rng, pick(rng, phrases.SIGHTS, hour), buses))
            quality += 1
        elif roll < 0.6:
            sentences.append(sky(rng, hour))
            quality += 1
        if rng.random() < 0.15:
            extra_tags.append(rng.choice(("paris", "Paris", "perec", "mémoire")))
        separator = "\n" if rng.random() < 0.06 else " "
        segments: list[Segment] = [Text(separator.join(sentences))]
        segments += tags_tail(rng, extra_tags, emoji=rng.random() < 0.2)
        if fits(segments):
            return segments, quality
    raise RuntimeError("no observation fits in 140 characters; shorten the fragments")


def casual(rng: random.Random) -> list[Segment]:
    """A chatty post: the kind of thing that is not selected for the book."""
    for _attempt in range(50):
        first = rng.choice(phrases.CASUAL)
        text = first
        if rng.random() < 0.4:
            second = rng.choice(phrases.CASUAL)
            if second != first:
                text = f"{first} {second}"
        extra = [rng.choice(phrases.CASUAL_TAGS)] if rng.random() < 0.35 else []
        segments: list[Segment] = [Text(text)]
        if rng.random() < 0.1:
            # An astral emoji right before the hashtag, as in real posts.
            segments += [Text(" " + rng.choice(("🚌", "🕊️", "👨‍👩‍👧", "🇫🇷", "👋🏽")) + " "),
                         Tag("jdtap")]
            for tag in extra:
                segments += [Text(" "), Tag(tag)]
        else:
            segments += tags_tail(rng, extra, emoji=rng.random() < 0.3)
        if fits(segments):
            return segments
    raise RuntimeError("no casual post fits in 140 characters")


def reply(rng: random.Random, to_handle: str) -> list[Segment]:
    segments: list[Segment] = [Mention(to_handle), Text(" " + rng.choice(phrases.REPLIES)),
                               Text(" "), Tag("jdtap")]
    if rng.random() < 0.2:
        segments.append(Text(" " + rng.choice(phrases.EMOJI)))
    return segments


def quote(rng: random.Random, make_link: Callable[[], Segment]) -> list[Segment]:
    return [Text(rng.choice(phrases.QUOTES) + " "), Tag("jdtap"), Text(" "), make_link()]
