"""French typography for everything the site and the book write themselves.

The posts' own text is a quotation: only :func:`quote_spacing` touches it, and it
changes no character but the author's own spaces, made unbreakable. What goes
through the rest: titles, headings, labels, dates and numbers that Inventaire
composes, and the editors' prose (:func:`editors_spacing`). Dates and numbers come
from Babel's CLDR data so that « vendredi 19 avril 2013 » and « 12 345 » are right
without a hand-made table; only the hour (« 14 h 32 ») is composed here, because
CLDR's French pattern is « 14:32 » while French editorial style writes « 14 h 32 ».
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from html import escape, unescape

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal
from babel.units import format_unit

LOCALE = "fr_FR"
NNBSP = "\u202f"  # espace fine insécable: before ; ! ? and inside « »
NBSP = "\u00a0"  # espace insécable: before : and inside hours, « 14 h 32 »

_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]*([;!?])")
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*(:)(?!//)(?=\s|$)")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_HOUR_SPACE = re.compile(r"(?<=\d) (?=h\b)|(?<=\d h) (?=\d\d\b)")
_TAG = re.compile(r"(<[^>]*>)")
_AUTHOR_SPACE_BEFORE = re.compile(r" (?=[;!?»])")
_AUTHOR_SPACE_BEFORE_COLON = re.compile(r"(?<=\S) (?=:(?:\s|$))")
_AUTHOR_SPACE_AFTER = re.compile(r"(?<=«) ")


@lru_cache(maxsize=8192)
def french_spacing(text: str) -> str:
    """Plain text with French spacing: fine no-break space before ``; ! ?``, no-break
    space before ``:`` and in « 10 h », fine no-break spaces inside « », typographic
    apostrophe.

    Idempotent, and safe on text that already has the right spaces. URLs
    (``https://``) keep their colon. Apply it to text, never to HTML markup.

    Remembered: the site sets the same few dozen titles and names (the site's own,
    the places', « Préface ») on every one of its pages, 57,000 times for 10,000
    posts, and six substitutions each time were 3 % of a build's work.
    """
    text = _APOSTROPHE.sub("’", text)
    text = _HOUR_SPACE.sub(NBSP, text)  # « 10 h », « 14 h 32 » never cut
    text = _BEFORE_HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _BEFORE_COLON.sub(lambda m: NBSP + m.group(1), text)
    text = _OPEN_QUOTE.sub("«" + NNBSP, text)
    text = _CLOSE_QUOTE.sub(NNBSP + "»", text)
    # A sentence never starts with a space: undo what a leading mark picked up.
    return text.lstrip(NNBSP + NBSP)


def quote_spacing(html: str) -> str:
    """A post's HTML with the spaces its author put before ``; ! ? : »`` (and after
    «) made unbreakable, so that no line starts with one of those marks.

    The post is a quotation: no character is added or removed, one space becomes
    one no-break space (fine before ``; ! ? »`` and after «, plain before ``:``).
    Tags and their attributes are left alone. The book and the site both use it.
    """
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):
        # « <a>#jdtap</a> : » — the word before the colon ended in the tag before.
        glued = _after_inline_tag(parts, index)
        text = _AUTHOR_SPACE_BEFORE.sub(NNBSP, parts[index])
        text = _AUTHOR_SPACE_BEFORE_COLON.sub(NBSP, "x" + text if glued else text)
        parts[index] = _AUTHOR_SPACE_AFTER.sub(NNBSP, text[1:] if glued else text)
    return "".join(parts)


def _after_inline_tag(parts: list[str], index: int) -> bool:
    """Whether the text ``parts[index]`` follows a tag that is not a line break (its
    first space is then between two words of the same line)."""
    return index > 0 and not parts[index - 1].lower().startswith(("<br", "<p", "</p",
                                                                   "<li", "</li"))


def editors_spacing(html: str) -> str:
    """The editors' own HTML (preface, introductions) with :func:`french_spacing` in
    its text, never in its tags. Entities are read first: « &rsquo; » ends with a
    semicolon that French spacing would otherwise move."""
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):
        if parts[index].strip():
            text = unescape(parts[index])
            # « <strong>#jdtap</strong> : » — give the colon the word it follows.
            glued = _after_inline_tag(parts, index) and not text[:1].isalnum()
            spaced = french_spacing("x" + text)[1:] if glued else french_spacing(text)
            parts[index] = escape(spaced, quote=False)
    return "".join(parts)


def format_day(value: date | datetime, weekday: bool = True) -> str:
    """« vendredi 19 avril 2013 » (or « 19 avril 2013 » without the weekday)."""
    day = value.date() if isinstance(value, datetime) else value
    return _format_day(day, weekday)


@lru_cache(maxsize=64)
def _format_day(day: date, weekday: bool) -> str:
    # Babel is slow per call and a day's posts all share a handful of dates.
    pattern = "EEEE d MMMM y" if weekday else "d MMMM y"
    return babel_format_date(day, pattern, locale=LOCALE)


@lru_cache(maxsize=4096, typed=True)  # every post's time, on each page that lists it
def format_hour(hour: int, minute: int | None = None, space: str = NBSP) -> str:
    """« 14 h », « 14 h 32 », « 0 h 05 »: the hour as French editors write it; a full
    hour is « 15 h », never « 15 h 00 »."""
    if not minute:
        return f"{hour}{space}h"
    return f"{hour}{space}h{space}{minute:02d}"


def format_time(value: datetime, space: str = NBSP) -> str:
    """« 14 h 32 » for a local datetime."""
    return format_hour(value.hour, value.minute, space)


def format_datetime(value: datetime, space: str = NBSP) -> str:
    """« vendredi 19 avril 2013, 14 h 32 »."""
    return f"{format_day(value)}, {format_time(value, space)}"


def format_number(value: int | float) -> str:
    """« 12 345 », « 3,5 »: CLDR's French grouping and decimal comma."""
    return _format_number(value)


@lru_cache(maxsize=4096, typed=True)  # typed: 1, 1.0 and True are three numbers here
def _format_number(value: int | float) -> str:
    # Babel is slow per call, and a build writes the same few counts thousands of
    # times (each post's shares and likes, each page's number of messages).
    return format_decimal(value, locale=LOCALE)


def format_size(size_bytes: int) -> str:
    """A file size for a download link: « 820 ko », « 12,4 Mo »."""
    if size_bytes < 1000 * 1000:
        value = max(1, round(size_bytes / 1000))
        return format_unit(value, "digital-kilobyte", length="short", locale=LOCALE)
    value_mb = round(size_bytes / 1_000_000, 1)
    return format_unit(value_mb, "digital-megabyte", length="short", locale=LOCALE)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 message », « 0 message », « 12 messages » (French: 0 and 1 are singular)."""
    word = singular if count < 2 else (plural_form or singular + "s")
    return f"{format_number(count)}{NBSP}{word}"


def ordinal_page(page: int) -> str:
    """« page 12 » with a no-break space, for references into the book."""
    return f"page{NBSP}{format_number(page)}"
