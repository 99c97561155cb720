"""Jinja filters of the theme: French dates, hours, numbers and spacing.

Registered into ``JINJA_FILTERS`` when Pelican starts (``initialized`` signal), so
every template of the site — and the book's, which shares the environment — writes
« vendredi 19 avril 2013, 14 h 32 » the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from markupsafe import Markup, escape

from inventaire.core.text import typography
from inventaire.core.text.render import xml_safe


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
    return escape(typography.french_spacing(str(value)))


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
}
