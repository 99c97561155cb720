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
    return list(_emoji_spans(text))


_MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u203c-\U0010ffff]")


@lru_cache(maxsize=16384)
def _emoji_spans(text: str) -> tuple[EmojiSpan, ...]:
    """The scan, once per text in a build: the reader and the figures both ask."""
    return tuple(EmojiSpan(m["match_start"], m["match_end"], m["emoji"])
                 for m in emoji.emoji_list(text))


@lru_cache(maxsize=4096)
def french_name(chars: str) -> str:
    """« drapeau france » for 🇫🇷; falls back to the English name, then to 'émoji'."""
    for language in ("fr", "en"):
        name = emoji.demojize(chars, language=language, delimiters=("\x00", "\x00"))
        if name != chars and name.count("\x00") == 2:
            return name.strip("\x00").replace("_", " ")
    return "émoji"
