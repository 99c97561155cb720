"""Jinja filters of the theme: French dates, hours, zones, numbers and spacing; names
with their emoji marked; what a post's author asked of readers (:mod:`.postflags`).

Registered into ``JINJA_FILTERS`` when Pelican starts (``initialized`` signal), so
every template of the site — and the book's, which shares the environment — writes
« vendredi 19 avril 2013, 14 h 32 » the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from markupsafe import Markup, escape

from inventaire.core.text import typography
from inventaire.core.text.render import inline_html, xml_safe
from inventaire.site import postflags
from inventaire.site.fragments import une_fois
from inventaire.site.posthtml import texte
from inventaire.site.zones import zone_label


def jour(value: date | datetime | None, weekday: bool = True) -> str:
    return typography.format_day(value, weekday) if value else ""


def heure(value: datetime | int | str | None) -> str:
    """« 14 h 32 » for a datetime or "14:32", « 14 h » for an hour number."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        hour, _, minute = value.partition(":")
        if hour.isdigit() and (not minute or minute[:2].isdigit()):
            return typography.format_hour(int(hour), int(minute[:2]) if minute else None)
        return value
    if isinstance(value, int):
        return typography.format_hour(value)
    return typography.format_time(value)


def jour_heure(value: datetime | None) -> str:
    return typography.format_datetime(value) if value else ""


def nombre(value: int | float) -> str:
    return typography.format_number(value)


def taille(value: int) -> str:
    return typography.format_size(int(value))


def pluriel(count: int, singular: str, plural_form: str | None = None) -> str:
    return typography.plural(int(count), singular, plural_form)


def typo(value: Any) -> Any:
    """French spacing for text the site writes. Markup (already HTML) is left alone:
    spacing must never be applied inside tags or to a post's own text."""
    if isinstance(value, Markup):
        return value
    if type(value) is str:
        return spaced(value)
    return escape(typography.french_spacing(str(value)))


@functools.lru_cache(maxsize=4096)
def spaced(text: str) -> Markup:
    """:func:`typo` of a plain string, kept: every page prints the site's name three
    times, and each post its place's name, from a few dozen strings in all."""
    return escape(typography.french_spacing(text))


def une_ligne(value: Any, length: int = 300) -> str:
    """A post's words on one line for a meta tag (a social card's description): the
    characters XML forbids taken out, every run of spaces one space, cut at a word
    before ``length`` characters. Escaped by the template, as everything."""
    line = " ".join(xml_safe(str(value)).split())
    if len(line) <= length:
        return line
    return line[:length].rsplit(" ", 1)[0] + "…"


def iso(value: datetime) -> str:
    return value.isoformat()


def avec_emoji(value: Any) -> Markup:
    """A name or a warning, escaped, its emoji marked (``<span class="emoji">``) as in
    a post's text: the theme sets them in OpenMoji first, so a flag in a name is no
    longer drawn as EB Garamond's two boxed letters (it maps every regional indicator)."""
    return Markup(inline_html(str(value or "")))


def fuseau(zone: Any, when: datetime | None = None) -> str:
    """« heure de Paris » for the day's zone (:func:`.zones.zone_label`)."""
    return zone_label(str(zone or ""), when)


def pourcent(share: float) -> str:
    """« 42 % » (a narrow no-break space before the sign)."""
    return f"{round(share * 100)}\u202f%"


FILTERS: dict[str, Callable[..., Any]] = {
    "jour": jour,
    "heure": heure,
    "jour_heure": jour_heure,
    "nombre": nombre,
    "taille": taille,
    "pluriel": pluriel,
    "typo": typo,
    "iso": iso,
    "une_ligne": une_ligne,
    "avec_emoji": avec_emoji,
    "fuseau": fuseau,
    "pourcent": pourcent,
    "avertissement": postflags.content_warning,
    "sensible": postflags.sensitive,
    "sondage": postflags.poll,
    "texte": texte,
    "une_fois": une_fois,
}
