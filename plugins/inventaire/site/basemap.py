"""The ground under the places: the editors' GeoJSON, projected and simplified at build time.

Why a file and not code: a map drawn from open data (the city's own boundaries), never
by hand, and an edition about another city shows that city, or none: no outline ships
with the plugin. The editors put ``fond.geojson`` beside the gazetteer
(``content/places/``) with ``fond.yml`` saying where it comes from and the attribution
its licence asks for, printed under the map. Without it the map draws the places alone.

Why Shapely: the union of the districts into the city's outline and a simplification
that keeps their shared borders whole (``preserve_topology``) are what a geometry
library is for. The projection is equirectangular at the frame's mean latitude: at a
city's scale it cannot be told from Mercator, and it is two lines.

``INVENTAIRE_BASEMAP`` names another file (another city's districts, relative to
``content/`` or absolute), its credit in the ``.yml`` of the same name beside it; an
empty value draws no ground even where ``fond.geojson`` exists. A file it names that
is missing, or that is not GeoJSON, is a warning, and the map draws the places alone.
The base map has no water layer: a river is drawn only if the editors' file holds it.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:  # shapely (and numpy) are imported by the pages that draw a map
    from shapely.geometry.base import BaseGeometry

from inventaire.core import settings as inventaire_settings
from inventaire.core.signature import file_digest

logger = logging.getLogger(__name__)

BASEMAP_FILE = "fond.geojson"
CREDIT_FILE = "fond.yml"
WIDTH = 1000.0  # map units across; the SVG scales, these never show
MIN_ASPECT = 4 / 3  # a frame narrower than this is widened: a map, not a strip
PAD_M = 900.0  # around the places, so that their streets have a district around them
PAD_SHARE = 0.2  # … or a fifth of their spread, if that is more
M_PER_DEGREE = 111_195.0
TOLERANCE = 0.8  # map units (under a pixel at 1,200 px wide): what simplify may drop


@dataclass(frozen=True)
class Basemap:
    """The districts as read (lon/lat polygons) and what their licence asks to print."""

    key: str  # the file and its state: the cache of drawings is keyed on it
    shapes: tuple[BaseGeometry, ...]
    attribution: str
    licence_url: str = ""


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to map units: x east, y south, from the frame's corner."""

    west: float
    north: float
    cos_lat: float
    scale: float  # map units per degree of latitude
    width: float
    height: float

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.cos_lat * self.scale, (self.north - lat) * self.scale)

    def geometry(self, geometry: BaseGeometry) -> BaseGeometry:
        def project(coords: Any) -> Any:
            out = coords.copy()
            out[:, 0] = (coords[:, 0] - self.west) * self.cos_lat * self.scale
            out[:, 1] = (self.north - coords[:, 1]) * self.scale
            return out

        import shapely

        return shapely.transform(geometry, project)


def load_basemap(folder: Path) -> Basemap | None:
    """The base map of the gazetteer in ``folder``, or None when the editors gave none."""
    return load_basemap_file(folder / BASEMAP_FILE)


def load_basemap_file(path: Path) -> Basemap | None:
    """The base map in ``path`` with its credit (``<name>.yml`` beside it); None when
    there is no such file, or it cannot be read (a warning names it, once)."""
    if not path.is_file():
        return None
    credit = path.with_suffix(".yml")
    # By the bytes, never the dates: a file put back with an older date (``cp -p``,
    # ``rsync -a``) is another map, and the preview's builder keeps what it read.
    states = [f"{p}:{file_digest(p)}" for p in (path, credit) if p.is_file()]
    return _read_or_warn(path, credit, "|".join(states))


BESIDE_GAZETTEER = "gazetteer"  # the default: fond.geojson in the places' folder


def basemap_file(settings: Any, content: Path) -> Path | str | None:
    """The file ``INVENTAIRE_BASEMAP`` names (relative to ``content``); None for an
    empty value; :data:`BESIDE_GAZETTEER` when unset (``fond.geojson`` beside the
    places, ``content/places/fond.geojson`` in a new project). A file named in the
    settings but missing is a warning: the map then draws the places alone; the
    default file missing is the usual case, said nowhere."""
    value = inventaire_settings.get(settings, "INVENTAIRE_BASEMAP")
    if value is None:
        return BESIDE_GAZETTEER
    if not value:
        return None
    path = content / Path(str(value)).expanduser()
    if not path.is_file():
        logger.warning("%s: INVENTAIRE_BASEMAP names no file — give the path of a GeoJSON "
                       "file (relative to content/), or '' for no base map", path)
    return path


@lru_cache(maxsize=4)
def _read_or_warn(path: Path, credit: Path, key: str) -> Basemap | None:
    import shapely.errors

    try:
        return _read(path, credit, key)
    except (OSError, UnicodeDecodeError, ValueError, AttributeError, TypeError,
            yaml.YAMLError, shapely.errors.ShapelyError) as error:
        logger.warning("%s: not a GeoJSON base map the site can read (%s) — give a "
                       "FeatureCollection of polygons; the map draws the places alone",
                       path, error)
        return None


def _read(path: Path, credit: Path, key: str) -> Basemap:
    import shapely
    from shapely.geometry import shape

    data = json.loads(path.read_text(encoding="utf-8"))
    features = data.get("features", []) if data.get("type") == "FeatureCollection" else [data]
    shapes = []
    for feature in features:
        geometry = feature.get("geometry") if feature.get("type") == "Feature" else feature
        if geometry and geometry.get("type") in ("Polygon", "MultiPolygon"):
            shapes.append(shapely.make_valid(shape(geometry)))
    about: dict[str, Any] = {}
    if credit.is_file():
        about = yaml.safe_load(credit.read_text(encoding="utf-8")) or {}
    return Basemap(key, tuple(shapes), str(about.get("attribution") or ""),
                   str(about.get("licence_url") or ""))


def frame(points: list[tuple[float, float]], basemap: Basemap | None) -> Projection | None:
    """The projection of the map: the places (lon, lat) with a district around them,
    else the whole base map; None when there is nothing to draw."""
    if points:
        west, east = min(p[0] for p in points), max(p[0] for p in points)
        south, north = min(p[1] for p in points), max(p[1] for p in points)
        cos_lat = math.cos(math.radians((south + north) / 2))
        spread = max((east - west) * cos_lat, north - south)
        pad = max(PAD_M / M_PER_DEGREE, PAD_SHARE * spread)
        west, east = west - pad / cos_lat, east + pad / cos_lat
        south, north = south - pad, north + pad
    elif basemap is not None and basemap.shapes:
        import shapely

        west, south, east, north = shapely.union_all(basemap.shapes).bounds
        cos_lat = math.cos(math.radians((south + north) / 2))
    else:
        return None
    across, down = (east - west) * cos_lat, north - south
    if across < MIN_ASPECT * down:  # widen around the centre
        grow = (MIN_ASPECT * down - across) / 2 / cos_lat
        west, east = west - grow, east + grow
        across = MIN_ASPECT * down
    scale = WIDTH / across
    return Projection(west, north, cos_lat, scale, WIDTH, round(down * scale, 1))


@dataclass(frozen=True)
class Ground:
    """The base map as SVG path data in map units: the city's fill, its outline and
    the borders between its districts."""

    fill: str
    outline: str
    borders: str


def draw(basemap: Basemap, projection: Projection) -> Ground:
    """The base map within the frame, simplified; cached per file state and frame."""
    return _draw(basemap.key, basemap.shapes, projection)


@lru_cache(maxsize=8)
def _draw(_key: str, shapes: tuple[BaseGeometry, ...], projection: Projection) -> Ground:
    import shapely
    from shapely.geometry import box

    districts = [projection.geometry(s) for s in shapes]
    city = shapely.union_all(districts).simplify(TOLERANCE, preserve_topology=True)
    # Each border between two districts once: the rings, noded and merged, less the
    # city's own edge.
    rings = shapely.union_all([d.boundary for d in districts])
    inner = rings.difference(shapely.union_all(districts).boundary.buffer(TOLERANCE))
    borders = shapely.line_merge(inner).simplify(TOLERANCE, preserve_topology=True)
    view = box(-2, -2, projection.width + 2, projection.height + 2)
    return Ground(fill=svg_path(city.intersection(view)),
                  outline=svg_path(city.boundary.intersection(view)),
                  borders=svg_path(borders.intersection(view)))


def svg_path(geometry: BaseGeometry) -> str:
    """SVG path data of a geometry's lines and rings (one decimal: a tenth of a unit)."""
    parts: list[str] = []
    for part in getattr(geometry, "geoms", [geometry]):
        if part.is_empty:
            continue
        if part.geom_type == "Polygon":
            parts.extend(_line(ring.coords[:-1]) + "Z"
                         for ring in (part.exterior, *part.interiors))
        elif part.geom_type in ("LineString", "LinearRing"):
            parts.append(_line(part.coords))
        elif hasattr(part, "geoms"):
            parts.append(svg_path(part))
    return "".join(parts)


def _line(coords: Any) -> str:
    points = [f"{x:.1f},{y:.1f}".replace(".0,", ",").removesuffix(".0") for x, y in coords]
    return "M" + "L".join(points)
