"""The emoji of a text are found run by run (``emoji_names.find_emoji``): the same
spans, at the same offsets, as one scan of the whole text by the emoji package."""

from __future__ import annotations

import random
import re

import emoji
from inventaire.core.text.emoji_names import find_emoji

# What find_emoji takes for characters an emoji can hold; anything else splits runs.
RUN_CHARACTER = re.compile("[#*0-9\u00a9\u00ae\u200d\u203c-\U0010ffff]")


def whole_scan(text: str) -> list[tuple[int, int, str]]:
    return [(m["match_start"], m["match_end"], m["emoji"]) for m in emoji.emoji_list(text)]


def by_runs(text: str) -> list[tuple[int, int, str]]:
    return [(span.start, span.end, span.chars) for span in find_emoji(text)]


def test_every_character_of_every_emoji_is_a_run_character() -> None:
    """The package's list of emoji, flags, keycaps, ZWJ families and tag sequences:
    no emoji can straddle a character that ends a run."""
    outside = {char for sequence in emoji.EMOJI_DATA for char in sequence
               if not RUN_CHARACTER.match(char)}
    assert outside == set()


def test_known_sequences_keep_their_offsets() -> None:
    text = "Ça y est 🇫🇷 ! 1️⃣ #jdtap 👩‍👩‍👧 ©, 🏴󠁧󠁢󠁳󠁣󠁴󠁿 et 🙋🏽‍♀️🎉🎉"
    assert by_runs(text) == whole_scan(text)
    assert [chars for _s, _e, chars in by_runs(text)].count("🎉") == 2
    assert by_runs("rien ici, 14 h 32 #jdtap") == []


def test_random_texts_match_the_whole_scan() -> None:
    """Texts mixing what makes the package's scan look back (joiners after skin tones,
    components after letters and spaces, variation selectors, regional indicators cut
    in half) with plain letters, digits and spaces."""
    pieces = ["a", "é", " ", "\n", "1", "#", "*", "’", "€", "日", "\u200d", "\ufe0f",
              "\ufe0e", "\u20e3", "🏻", "🏽", "👩", "👧", "❤", "🇫", "🇷", "🏴",
              "\U000e0067", "\U000e007f", "🎉", "©", "♀", "🙋", "👍🏿", "🧑‍🤝‍🧑"]
    chance = random.Random(20130419)
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 14)))
        assert by_runs(text) == whole_scan(text), ascii(text)
