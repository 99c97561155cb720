"""A map of Paris drawn by the site itself: inline SVG, no tile server, no script.

The city's outline and the Seine are shipped as data (``data/paris.json``); the
places come from the gazetteer. The projection is equirectangular with the longitude
scaled by cos(latitude): at a city's scale it is indistinguishable from Mercator and
keeps the code to a few lines. Labels are placed greedily (right, left, above,
below) so that neighbouring squares do not write over each other.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from markupsafe import Markup

from inventaire.core.text.typography import plural
from inventaire.site.groups import PlaceSummary

DATA = Path(__file__).with_name("data") / "paris.json"
WIDTH = 1000.0
MARGIN = 20.0
FONT = 15.0


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale: float
    cos_lat: float

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = MARGIN + (lon - self.west) * self.cos_lat * self.scale
        y = MARGIN + (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


@lru_cache(maxsize=1)
def city_data() -> dict[str, list[list[float]]]:
    data: dict[str, list[list[float]]] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def projection(points: Sequence[Sequence[float]]) -> tuple[Projection, float]:
    """A projection fitting ``points`` (lon, lat) into WIDTH; returns it and the height."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    cos_lat = math.cos(math.radians((min(lats) + max(lats)) / 2))
    scale = (WIDTH - 2 * MARGIN) / ((max(lons) - min(lons)) * cos_lat)
    height = (max(lats) - min(lats)) * scale + 2 * MARGIN
    return Projection(min(lons), max(lats), scale, cos_lat), round(height, 1)


def _path(points: Sequence[Sequence[float]], project: Projection, close: bool) -> str:
    coords = [project(lon, lat) for lon, lat in points]
    text = "M" + " L".join(f"{x},{y}" for x, y in coords)
    return text + (" Z" if close else "")


def _overlaps(box: tuple[float, float, float, float],
              boxes: list[tuple[float, float, float, float]]) -> bool:
    x1, y1, x2, y2 = box
    return any(not (x2 < a1 or x1 > a2 or y2 < b1 or y1 > b2) for a1, b1, a2, b2 in boxes)


def _label_position(x: float, y: float, r: float, text: str,
                    boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, str]:
    width = 0.5 * FONT * len(text)
    right, left, half = x + r + 4, x - r - 4, FONT / 2
    candidates = [
        (right, y + FONT / 3, "start", (right, y - half, right + width, y + half)),
        (left, y + FONT / 3, "end", (left - width, y - half, left, y + half)),
        (x, y - r - 5, "middle", (x - width / 2, y - r - 5 - FONT, x + width / 2, y - r - 5)),
        (x, y + r + FONT, "middle", (x - width / 2, y + r + 2, x + width / 2, y + r + 2 + FONT)),
    ]
    for lx, ly, anchor, box in candidates:
        if not _overlaps(box, boxes) and box[0] >= 0 and box[2] <= WIDTH:
            boxes.append(box)
            return lx, ly, anchor
    lx, ly, anchor, box = candidates[0] if x < WIDTH * 0.7 else candidates[1]
    boxes.append(box)
    return lx, ly, anchor


def city_map(groups: Sequence[PlaceSummary], siteurl: str = "", highlight: str = "",
             labels: bool = True) -> Markup:
    """The SVG map; each place is a link to its page, its dot sized by its posts."""
    data = city_data()
    project, height = projection(data["outline"])
    most = max((g.count for g in groups), default=0) or 1
    parts = [
        f'<svg class="city-map" viewBox="0 0 {WIDTH:g} {height:g}" role="group" '
        f'aria-labelledby="carte-titre" xmlns="http://www.w3.org/2000/svg">',
        '<title id="carte-titre">Carte de Paris et des lieux de la journée</title>',
        f'<path class="map-city" d="{_path(data["outline"], project, True)}"></path>',
        f'<path class="map-seine" d="{_path(data["seine"], project, False)}"></path>',
    ]
    boxes: list[tuple[float, float, float, float]] = []
    ordered = sorted(groups, key=lambda g: (-g.count, g.slug))
    # Dots first (largest below), then labels, so that no dot hides a label.
    dots: list[str] = []
    texts: list[str] = []
    for group in ordered:
        x, y = project(group.place.lon, group.place.lat)
        r = 4 + 12 * math.sqrt(group.count / most)
        boxes.append((x - r, y - r, x + r, y + r))
    for group in ordered:
        x, y = project(group.place.lon, group.place.lat)
        r = 4 + 12 * math.sqrt(group.count / most)
        name = escape(group.name)
        css = "map-place" + (" is-current" if group.slug == highlight else "")
        css += " has-crier" if group.place.crier else ""
        label = escape(f"{group.name}, {plural(group.count, 'message')}")
        href = escape(f"{siteurl}/{group.url}")
        dots.append(f'<a class="{css}" href="{href}" aria-label="{label}">'
                    f'<circle cx="{x}" cy="{y}" r="{r:.1f}"></circle></a>')
        if labels or group.slug == highlight:
            lx, ly, anchor = _label_position(x, y, r, group.name, boxes)
            current = " is-current" if group.slug == highlight else ""
            texts.append(f'<text class="map-label{current}"'
                         f' x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" aria-hidden="true">'
                         f"{name}</text>")
    parts.extend(dots)
    parts.extend(texts)
    parts.append("</svg>")
    return Markup("".join(parts))
