"""Handles as identities: normalised, compared, and shown so that an impostor shows.

A stranger can post as ``@flaneuse75`` followed by a zero-width space: the handle
looks the same, is a different account, and was listed on the real author's page
(Pelican's slugs drop invisible characters) and left up when the real author asked to
withdraw. So a handle is:

* stored in NFC (:func:`normal_handle`): the same letters in the same code points,
  whichever way an export or an editor wrote them;
* one identity with its exact characters (case aside, as the networks compare them):
  ``@flaneuse75`` and ``@flaneuse75⟨U+200B⟩`` are two authors, two pages, two lines
  of ``inventaire authors``, two withdrawals;
* shown with every character outside printable ASCII escaped (:func:`shown_handle`,
  « @flaneuse75⟨U+200B⟩ »): handles are ASCII on Twitter, Mastodon and Bluesky, so
  an invisible character, a bidi control or a letter from another script (a
  Cyrillic « а ») is made visible instead of passing for the real author;
* compared for look-alikes (:func:`lookalike_key`) without those invisible and bidi
  characters and in compatibility form, so ``check`` and ``withdraw`` can name the
  handles that pose as another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters that print as nothing: zero-width space, non-joiner and joiner, word
# joiner, byte order mark (zero-width no-break space), soft hyphen, Arabic letter mark,
# Mongolian vowel separator, the invisible operators, and the bidi controls (LRM, RLM,
# embeddings and overrides, isolates). Any other format character (category Cf) is
# treated the same.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u180e\u2061\u2062\u2063\u2064"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SHOWN = re.compile(r"⟨U\+([0-9A-Fa-f]{4,6})⟩")


def invisible(char: str) -> bool:
    """Whether ``char`` prints as nothing or reorders the text around it."""
    return char in INVISIBLE or unicodedata.category(char) in ("Cf", "Cc")


def normal_handle(handle: str) -> str:
    """A handle as stored: without its leading '@' and surrounding spaces, in NFC."""
    return unicodedata.normalize("NFC", handle.strip().lstrip("@"))


def handle_key(handle: str) -> str:
    """What makes two handles one author (with the network): NFC, without case."""
    return normal_handle(handle).casefold()


def lookalike_key(handle: str) -> str:
    """What two handles look like once invisible and bidi characters are removed and
    compatibility forms (full-width letters, ligatures) folded: equal keys with
    different :func:`handle_key` are a handle posing as another."""
    text = unicodedata.normalize("NFKC", normal_handle(handle))
    return "".join(ch for ch in text if not invisible(ch)).casefold()


def _escaped(char: str) -> str:
    return f"⟨U+{ord(char):04X}⟩"


def shown_handle(handle: str) -> str:
    """The handle as printed: NFC, every character outside printable ASCII escaped
    (« flaneuse75⟨U+200B⟩ »). A plain handle is returned as it is."""
    text = normal_handle(handle)
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch if ch.isascii() and ch.isprintable() else _escaped(ch)
                   for ch in text)


def hidden_characters(handle: str) -> list[str]:
    """The escapes (``U+200B``) of the characters a reader cannot see in ``handle``."""
    return [f"U+{ord(ch):04X}" for ch in normal_handle(handle) if invisible(ch)]


def foreign_characters(handle: str) -> list[str]:
    """The escapes of the visible characters outside ASCII (a Cyrillic « а »)."""
    return [f"U+{ord(ch):04X}" for ch in normal_handle(handle)
            if not ch.isascii() and not invisible(ch)]


def parse_shown(text: str) -> str:
    """A handle typed as it is shown (``@flaneuse75⟨U+200B⟩``) back to its characters,
    so that an editor can name an impostor on the command line."""
    return _SHOWN.sub(lambda match: chr(int(match.group(1), 16)), text)


def lookalikes(handle: str, handles: Iterable[str]) -> list[str]:
    """The handles among ``handles`` that look like ``handle`` but are not it, each
    once, in their shown form's order."""
    key, look = handle_key(handle), lookalike_key(handle)
    found = {handle_key(other): other for other in handles
             if handle_key(other) != key and lookalike_key(other) == look}
    return sorted(found.values(), key=shown_handle)
