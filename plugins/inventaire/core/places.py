"""The gazetteer: ``content/places/<slug>.md``, one file per place.

Each file has YAML front matter (``name``, ``lat``, ``lon``, ``radius_m``, ``aliases``,
``crier``) and a Markdown introduction used on the place's page and as the opening of
its book chapter. Posts are tagged from it at import time.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from inventaire.core.postfile import (
    PostFileError,
    field_lines,
    read_front_matter,
    split_front_matter,
)

EARTH_RADIUS_M = 6_371_000.0


@dataclass
class Place:
    """A place of the day, with what it takes to recognise a post made there."""

    slug: str
    name: str
    lat: float
    lon: float
    radius_m: float = 150.0
    aliases: list[str] = field(default_factory=list)
    crier: bool = False
    intro: str = ""
    path: str = ""

    def distance_m(self, lat: float, lon: float) -> float:
        """Great-circle distance (haversine): exact enough at a city's scale."""
        phi1, phi2 = math.radians(self.lat), math.radians(lat)
        dphi = phi2 - phi1
        dlmb = math.radians(lon - self.lon)
        a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
        return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


class _Combining(dict[int, int | None]):
    """``str.translate``'s table dropping combining marks, filled as characters are
    met (a table of every code point would cost a pass over 1.1 million of them)."""

    def __missing__(self, code: int) -> int | None:
        if len(self) >= 20_000:  # a bound on the memory: texts are untrusted
            self.clear()
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_COMBINING = _Combining()


def fold(text: str) -> str:
    """Case- and accent-insensitive form: « Hôtel-de-Ville » → « hotel-de-ville ».

    Every post's text is folded at import to find its place: ASCII text (most of it)
    is only lowered, the rest decomposed (NFKD) and its combining marks dropped in
    one ``translate``.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else decomposed.translate(_COMBINING)


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """An alias matches as whole words, with any of space, hyphen or nothing between them,
    and as a hashtag (``#saintsulpice`` for « Saint-Sulpice »)."""
    words = [re.escape(w) for w in re.split(r"[\s\-'’]+", fold(alias)) if w]
    joined = r"[\s\-'’]*".join(words)
    return re.compile(rf"(?<![\w]){joined}(?![\w])")


def _line(path: Path, name: str) -> int:
    """The line of a field, for an error message (the file is read again: errors are rare)."""
    head, _body, _first = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    return field_lines(head).get(name, 2)


def load_place(path: Path) -> Place:
    """Read one place file; errors name the file, the line and the field."""
    data, body = read_front_matter(path)
    for name in ("name", "lat", "lon"):
        if name not in data:
            raise PostFileError(str(path), _line(path, name), name, "the field is missing",
                                f"add '{name}:' to the place's front matter")
    try:
        lat, lon = float(data["lat"]), float(data["lon"])
    except (TypeError, ValueError):
        raise PostFileError(str(path), _line(path, "lat"), "lat/lon", "not a number",
                            "write decimal degrees, e.g. lat: 48.8511") from None
    return Place(
        slug=path.stem,
        name=str(data["name"]),
        lat=lat,
        lon=lon,
        radius_m=float(data.get("radius_m", 150)),
        aliases=[str(a) for a in data.get("aliases") or []],
        crier=bool(data.get("crier", False)),
        intro=body.strip(),
        path=str(path),
    )


def load_places(folder: Path) -> dict[str, Place]:
    """Every place of the gazetteer by slug, in slug order (stable everywhere)."""
    if not folder.is_dir():
        return {}
    return {p.slug: p for p in (load_place(f) for f in sorted(folder.glob("*.md")))}


class PlaceTagger:
    """Finds the place of a post: coordinates first, then aliases in the text.

    The aliases are searched together, one pattern of alternatives in the
    gazetteer's order: a search stops at the first position where one matches and
    takes the first alternative that matches there, which is the alias the text
    names first, ties to the earlier place, as searching each alias in turn found,
    in one pass over the text instead of one per alias.
    """

    def __init__(self, places: dict[str, Place]) -> None:
        self.places = places
        self.patterns = [
            (slug, _alias_pattern(alias))
            for slug, place in places.items()
            for alias in [place.name, *place.aliases]
        ]
        self._slugs = [slug for slug, _pattern in self.patterns]
        self._any = re.compile("|".join(f"({pattern.pattern})"
                                        for _slug, pattern in self.patterns)
                               ) if self.patterns else None

    def by_coordinates(self, lat: float, lon: float) -> str:
        """The nearest place whose radius contains the point, or ''."""
        best = ("", math.inf)
        for slug, place in self.places.items():
            distance = place.distance_m(lat, lon)
            if distance <= place.radius_m and distance < best[1]:
                best = (slug, distance)
        return best[0]

    def by_text(self, text: str) -> str:
        """The place whose name or alias comes first in the text, or ''."""
        if self._any is None:
            return ""
        match = self._any.search(fold(text))
        return self._slugs[match.lastindex - 1] if match and match.lastindex else ""

    def tag(self, text: str, coordinates: tuple[float, float] | None) -> str:
        """The place of a post (coordinates are ``(lat, lon)``), or '' when unknown."""
        if coordinates is not None:
            slug = self.by_coordinates(*coordinates)
            if slug:
                return slug
        return self.by_text(text)
