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


def fold(text: str) -> str:
    """Case- and accent-insensitive form: « Hôtel-de-Ville » → « hotel-de-ville »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    """Finds the place of a post: coordinates first, then aliases in the text."""

    def __init__(self, places: dict[str, Place]) -> None:
        self.places = places
        self.patterns = [
            (slug, _alias_pattern(alias))
            for slug, place in places.items()
            for alias in [place.name, *place.aliases]
        ]

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
        folded = fold(text)
        best = ("", len(folded) + 1)
        for slug, pattern in self.patterns:
            match = pattern.search(folded)
            if match and match.start() < best[1]:
                best = (slug, match.start())
        return best[0]

    def tag(self, text: str, coordinates: tuple[float, float] | None) -> str:
        """The place of a post (coordinates are ``(lat, lon)``), or '' when unknown."""
        if coordinates is not None:
            slug = self.by_coordinates(*coordinates)
            if slug:
                return slug
        return self.by_text(text)
