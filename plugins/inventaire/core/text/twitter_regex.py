"""The twitter-text patterns for hashtags, mentions, lists, cashtags and replies.

These are our own Python statements of the rules Twitter publishes in
``twitter/twitter-text`` (Apache-2.0, copyright 2011 Twitter, Inc.) and checks with
its conformance suite (``tests/conformance/twitter-text``). Python's ``re`` has no
``\\p{L}``, so the Unicode letter/mark/digit classes are built once from
``unicodedata`` on first use (about 0.2 s) rather than at import time, which keeps
``import inventaire`` cheap for commands that never extract entities.

URL extraction is in ``twitter_urls``; the shapes ``is_valid_url`` accepts are at
the end of this file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inventaire.core.atomic import write_atomic
from inventaire.core.fonts import user_cache_dir

# Character groups, as code-point ranges in ``re`` class syntax.
SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
DIRECTIONAL_MARKERS = "\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
INVALID_CHARS = "\ufffe\ufeff\uffff"
LATIN_ACCENTS = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
# ASCII punctuation as twitter-text lists it (no double quote, no backtick).
PUNCT = re.escape("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")
# Characters allowed inside a hashtag besides letters, marks and decimal digits:
# underscore, joiners, and punctuation that is part of words in some scripts
# (Hebrew geresh/gershayim, Japanese middle dot and sound marks, Tibetan tsheg...).
HASHTAG_SPECIAL = (
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c"
    "\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7"
)
HASH_SIGNS = "#\uff03"
AT_SIGNS = "@\uff20"
# Right-to-left scripts: a hashtag starting with one gets the ``rtl`` class.
RTL_CHARS = re.compile("[\u0600-\u06ff\u0750-\u077f\u0590-\u05ff\ufe70-\ufeff]")


LETTERS_MARKS = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me"})
DIGITS = frozenset({"Nd"})


def _ranges(categories: frozenset[str]) -> str:
    """Every code point whose general category is in ``categories``, as a class body."""
    parts: list[str] = []
    start: int | None = None
    for cp in range(sys.maxunicode + 2):
        inside = cp <= sys.maxunicode and unicodedata.category(chr(cp)) in categories
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            last = cp - 1
            parts.append(_char(start) if start == last else f"{_char(start)}-{_char(last)}")
            start = None
    return "".join(parts)


def _class_bodies() -> tuple[str, str]:
    """The letters-and-marks and the digits classes of this Python's Unicode
    database. Scanning every code point costs a quarter of a second, in every process
    that reads a post's text; the result depends only on the database's version and
    on this module's code, so it is kept in the user's cache under both (a file that
    cannot be read or written is made again)."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    path = user_cache_dir() / (
        f"twitter-classes-unicode-{unicodedata.unidata_version}-{code}.json")
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, list) and len(kept) == 2 and all(isinstance(k, str) for k in kept):
            return kept[0], kept[1]
    except (OSError, ValueError):
        pass
    letters_marks, digits = _ranges(LETTERS_MARKS), _ranges(DIGITS)
    with contextlib.suppress(OSError):  # a read-only home: made again next time
        write_atomic(path, json.dumps([letters_marks, digits]), durable=False)
    return letters_marks, digits


def _char(cp: int) -> str:
    return re.escape(chr(cp)) if cp < 128 else chr(cp)


@dataclass(frozen=True)
class Patterns:
    hashtag: re.Pattern[str]
    end_hashtag: re.Pattern[str]
    mention_or_list: re.Pattern[str]
    end_mention: re.Pattern[str]
    reply: re.Pattern[str]
    cashtag: re.Pattern[str]
    list_only: re.Pattern[str]


@cache
def patterns() -> Patterns:
    """Compile the patterns once, on first use."""
    letters_marks, digits = _class_bodies()
    alpha = f"[{letters_marks}]"
    alnum = f"[{letters_marks}{digits}{HASHTAG_SPECIAL}]"
    # A hashtag starts the text, follows a text-presentation or emoji-presentation
    # selector, or follows any character that could not continue a word; ``&`` is
    # excluded so that HTML entities such as ``&#39;`` never become hashtags.
    boundary = f"(?:^|\ufe0e|\ufe0f|(?!{alnum}|&)[\\s\\S])"
    hashtag = re.compile(f"({boundary})([{HASH_SIGNS}])(?!\ufe0f|\u20e3)({alnum}*{alpha}{alnum}*)")
    # A mention follows the start, a character that is not part of a handle or
    # e-mail address, or a retweet marker (``RT``/``RT:``).
    preceding = f"(?:^|[^a-zA-Z0-9_!#$%&*{AT_SIGNS}]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)"
    mention_body = f"([{AT_SIGNS}])([a-zA-Z0-9_]{{1,20}})(/[a-zA-Z][a-zA-Z0-9_-]{{0,24}})?"
    return Patterns(
        hashtag=hashtag,
        end_hashtag=re.compile(f"[{HASH_SIGNS}]|://"),
        mention_or_list=re.compile(f"({preceding}){mention_body}"),
        end_mention=re.compile(f"[{AT_SIGNS}{LATIN_ACCENTS}]|://"),
        reply=re.compile(f"[{SPACES}{DIRECTIONAL_MARKERS}]*[{AT_SIGNS}]([a-zA-Z0-9_]{{1,20}})"),
        cashtag=re.compile(
            f"(^|[{SPACES}{DIRECTIONAL_MARKERS}])(\\$)"
            f"([a-zA-Z]{{1,6}}(?:[._][a-zA-Z]{{1,2}})?)(?=\\Z|\\s|[{PUNCT}])"
        ),
        list_only=re.compile(mention_body),
    )


# URL validation (``is_valid_url``): the RFC 3986 shapes twitter-text checks, with
# Cyrillic letters allowed unencoded in paths and any non-ASCII letter in domains.
_UNRESERVED = "[a-zA-Z\u0400-\u04ff0-9._~-]"
_PCT = "(?:%[0-9a-fA-F]{2})"
_SUB_DELIMS = "[!$&'()*+,;=]"
_PCHAR = f"(?:{_UNRESERVED}|{_PCT}|{_SUB_DELIMS}|[:|@])"
_USERINFO = f"(?:{_UNRESERVED}|{_PCT}|{_SUB_DELIMS}|:)*"
_DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])"
_IP = f"(?:{_DEC_OCTET}(?:\\.{_DEC_OCTET}){{3}}|\\[[a-fA-F0-9:.]+\\])"
_U_ALNUM = "(?:[a-zA-Z0-9]|[^\x00-\x7f])"
_U_SUBDOMAIN = f"(?:{_U_ALNUM}(?:(?:[a-zA-Z0-9_-]|[^\x00-\x7f])*{_U_ALNUM})?)"
_U_SEGMENT = f"(?:{_U_ALNUM}(?:(?:[a-zA-Z0-9-]|[^\x00-\x7f])*{_U_ALNUM})?)"
_U_TLD = f"(?:(?:[a-zA-Z]|[^\x00-\x7f])(?:(?:[a-zA-Z0-9-]|[^\x00-\x7f])*{_U_ALNUM})?)"
_U_DOMAIN = f"(?:(?:{_U_SUBDOMAIN}\\.)*(?:{_U_SEGMENT}\\.){_U_TLD})"

URL_PARTS = re.compile(r"(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.DOTALL)
URL_SCHEME = re.compile("https?", re.IGNORECASE)
URL_AUTHORITY = re.compile(f"(?:{_USERINFO}@)?(?:{_IP}|{_U_DOMAIN})(?::[0-9]{{1,5}})?")
URL_PATH = re.compile(f"(?:/{_PCHAR}*)*")
URL_QUERY = re.compile(f"(?:{_PCHAR}|/|\\?)*")
