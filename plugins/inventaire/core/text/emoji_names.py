"""Emoji in a post: where they are and what a French screen reader should say.

The `emoji` package knows every sequence (ZWJ families, flags, skin tones) and ships
French names; we only turn ``:drapeau_france:`` into « drapeau france ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import emoji


@dataclass(frozen=True)
class EmojiSpan:
    start: int
    end: int
    chars: str


def find_emoji(text: str) -> list[EmojiSpan]:
    """Every emoji sequence in ``text`` with code-point offsets."""
    # Every emoji has a code point at or above U+203C but © and ®: most runs of text
    # have none, and the emoji package's scan is the slow part of rendering a post.
    if _MAYBE_EMOJI.search(text) is None:
        return []
    spans: list[EmojiSpan] = []
    for run in _EMOJI_RUN.finditer(text):
        chars = run.group()
        if _MAYBE_EMOJI.search(chars) is None:
            continue  # digits, « # » or « * » alone: no emoji
        offset = run.start()
        spans.extend(EmojiSpan(span.start + offset, span.end + offset, span.chars)
                     for span in _emoji_spans(chars))
    return spans


_MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u203c-\U0010ffff]")
# Every character an emoji sequence can hold: the keycaps' « # * 0-9 », © and ®, the
# zero-width joiner, and the code points from U+203C on (tests/test_emoji_runs.py
# checks this against the emoji package's own list). Any other character ends a
# sequence and starts none, and the package's scan forgets what came before it: the
# emoji of a text are those of its runs of these characters, each scanned alone.
# A run is short (« 🎉🎉 », « 14 », « #jdtap »'s « # ») and the same runs come back
# post after post, so the scan is cached per run, not per text.
_EMOJI_RUN = re.compile("[#*0-9\u00a9\u00ae\u200d\u203c-\U0010ffff]+")


@lru_cache(maxsize=16384)
def _emoji_spans(run: str) -> tuple[EmojiSpan, ...]:
    """The scan of one run, once per build: the reader and the figures both ask."""
    return tuple(EmojiSpan(m["match_start"], m["match_end"], m["emoji"])
                 for m in emoji.emoji_list(run))


@lru_cache(maxsize=4096)
def french_name(chars: str) -> str:
    """« drapeau france » for 🇫🇷; falls back to the English name, then to 'émoji'."""
    for language in ("fr", "en"):
        name = emoji.demojize(chars, language=language, delimiters=("\x00", "\x00"))
        if name != chars and name.count("\x00") == 2:
            return name.strip("\x00").replace("_", " ")
    return "émoji"
