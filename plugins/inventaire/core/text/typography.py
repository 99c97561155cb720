"""French typography for everything the site and the book write themselves.

The posts' own text is a quotation and never goes through here. What does: titles,
headings, labels, dates and numbers that Inventaire composes. Dates and numbers come
from Babel's CLDR data so that « vendredi 19 avril 2013 » and « 12 345 » are right
without a hand-made table; only the hour (« 14 h 32 ») is composed here, because
CLDR's French pattern is « 14:32 » while French editorial style writes « 14 h 32 ».
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

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


def french_spacing(text: str) -> str:
    """Plain text with French spacing: fine no-break space before ``; ! ?``, no-break
    space before ``:``, fine no-break spaces inside « », typographic apostrophe.

    Idempotent, and safe on text that already has the right spaces. URLs
    (``https://``) keep their colon. Apply it to text, never to HTML markup.
    """
    text = _APOSTROPHE.sub("’", text)
    text = _BEFORE_HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _BEFORE_COLON.sub(lambda m: NBSP + m.group(1), text)
    text = _OPEN_QUOTE.sub("«" + NNBSP, text)
    text = _CLOSE_QUOTE.sub(NNBSP + "»", text)
    # A sentence never starts with a space: undo what a leading mark picked up.
    return text.lstrip(NNBSP + NBSP)


def format_day(value: date | datetime, weekday: bool = True) -> str:
    """« vendredi 19 avril 2013 » (or « 19 avril 2013 » without the weekday)."""
    day = value.date() if isinstance(value, datetime) else value
    return _format_day(day, weekday)


@lru_cache(maxsize=64)
def _format_day(day: date, weekday: bool) -> str:
    # Babel is slow per call and a day's posts all share a handful of dates.
    pattern = "EEEE d MMMM y" if weekday else "d MMMM y"
    return babel_format_date(day, pattern, locale=LOCALE)


def format_hour(hour: int, minute: int | None = None, space: str = NBSP) -> str:
    """« 14 h », « 14 h 32 », « 0 h 05 »: the hour as French editors write it."""
    if minute is None:
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
