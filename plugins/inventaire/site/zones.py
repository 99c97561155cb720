"""The day's time zone as a French reader says it: « heure de Paris », « heure de Montréal ».

A post's page gives its time with the zone it is in. It used to say « heure de
Paris » whatever the day's zone (``journee.md``'s ``timezone``, else the setting
``TIMEZONE``): a day in Montréal or Dakar was mislabelled. The city comes from the
CLDR through Babel (a dependency already), in French; Babel files some zones under
another city (``America/Montreal`` is an alias of ``America/Toronto``), so a small
table keeps the city the editors named. A zone with no city (``UTC``, ``Etc/GMT-2``)
or a name no one knows is said by its offset, from the post's own date.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from babel.core import UnknownLocaleError
from babel.dates import get_timezone, get_timezone_location

# Zones Babel files under another city (its aliases), by the city their name says.
OWN_CITIES = {
    "America/Montreal": "Montréal",
    "Europe/Belfast": "Belfast",
    "America/Yellowknife": "Yellowknife",
}
_VOWELS = "AEIOUÂÉÈÊÎÏÔÛ"


def _of(city: str) -> str:
    """« de Paris », « d’Amsterdam », « du Caire », « des îles Canaries »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des "), ("Îles ", "des îles "),
                                ("Île ", "de l’île ")):
        if city.startswith(article):
            return contracted + city[len(article):]
    return ("d’" if city[:1].upper() in _VOWELS else "de ") + city


@lru_cache(maxsize=64)
def _city(zone: str) -> str:
    """The zone's city in French, or ``""`` when it has none (UTC, Etc/…, unknown)."""
    if zone in OWN_CITIES:
        return OWN_CITIES[zone]
    if not zone or zone.upper() in ("UTC", "GMT", "UCT", "UNIVERSAL", "ZULU") \
            or zone.startswith("Etc/") or "/" not in zone:
        return ""
    try:
        city = get_timezone_location(get_timezone(zone), locale="fr", return_city=True)
    except (LookupError, ValueError, UnknownLocaleError):
        return ""
    return str(city) if city and city != "UTC" else ""


def offset_label(offset: timedelta | None) -> str:
    """« UTC », « UTC+2 », « UTC−3:30 » (a minus sign, as French typography writes it)."""
    if offset is None or not offset:
        return "UTC"
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(zone: str, when: datetime | None = None) -> str:
    """« heure de Paris » for ``Europe/Paris``; « heure UTC+2 » for a zone without a
    city, from ``when``'s offset; « heure locale » when nothing is known."""
    city = _city(zone.strip())
    if city:
        return f"heure {_of(city)}"
    if when is not None and when.tzinfo is not None:
        return f"heure {offset_label(when.utcoffset())}"
    return "heure locale"
