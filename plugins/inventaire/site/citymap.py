"""The map of the day's places, drawn by the site itself: no tile server, no script.

Three layers in one box: the base map (the editors' GeoJSON, :mod:`.basemap`) as an
inline SVG that scales with the page; the places as HTML dots at a fixed size, their
area proportional to their posts; their names as HTML labels at a fixed CSS size,
placed by :mod:`.maplabels` so that none covers another at any width. Dots and labels
are positioned in percentages of the box plus pixels, which is why they may be HTML:
text in an SVG would shrink with it to five pixels on a phone.

The place pages' minimap is the same drawing, the place highlighted and alone named.
Every name is the editors' text: escaped, always.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from pathlib import Path

from markupsafe import Markup

from inventaire.core.text.typography import french_spacing, plural
from inventaire.site.basemap import (
    BESIDE_GAZETTEER,
    Basemap,
    Projection,
    draw,
    frame,
    load_basemap,
    load_basemap_file,
)
from inventaire.site.groups import PlaceSummary
from inventaire.site.maplabels import Layout, Mark, Spot, place_labels, text_width

# Pixels, as the CSS sets them (theme/static/css/site.css, « The map »): the placement
# reckons with these sizes.
LABEL_PAD_X = 3.0
LINE_SPACING = 1.15  # the labels' line height, a multiple of their font size
WRAP_FROM = 14  # characters: a longer name is set on two lines on a narrow map
DOT_MAX = 13.0  # radius of the busiest place's dot
RING = 4.0  # a crier's ring around the dot
# The map's widths: the page shows one layout or the other by the map's own width
# (a container query at 600 px in the CSS).
LAYOUTS = (Layout("narrow", 280.0, 600.0, wrap=True, font_px=13.0),
           Layout("wide", 600.0, 1000.0, font_px=15.0))


def radius(count: int, most: int) -> float:
    """A dot's radius: its area is proportional to the count."""
    return DOT_MAX * math.sqrt(count / most) if most > 0 else 0.0


def label_lines(name: str, wrap: bool) -> list[str]:
    """A label's lines: the name (with French spacing), cut at the space nearest its
    middle when ``wrap`` and the name is long."""
    name = french_spacing(name)
    spaces = [i for i, c in enumerate(name) if c == " "]
    if not wrap or len(name) < WRAP_FROM or not spaces:
        return [name]
    cut = min(spaces, key=lambda i: abs(2 * i - len(name)))
    return [name[:cut], name[cut + 1:]]


def label_size(lines: list[str], font_px: float) -> tuple[float, float]:
    """A label's box in pixels (a pixel of slack each way for the browser's rounding)."""
    width = max(text_width(line, font_px) for line in lines) + 2 * LABEL_PAD_X + 1
    return width, math.ceil(font_px * LINE_SPACING) * len(lines) + 1


def gazetteer_folder(groups: Sequence[PlaceSummary]) -> Path | None:
    """The gazetteer's folder, where the base map lives beside the places."""
    paths = [g.place.path for g in groups if g.place.path]
    return Path(paths[0]).parent if paths else None


def marks(groups: Sequence[PlaceSummary], project: Projection, labelled: set[str],
          layout: Layout) -> list[Mark]:
    """Each place as a dot (and its label's size, if labelled) for the placement."""
    most = max((g.count for g in groups), default=0)
    found = []
    for group in groups:
        x, y = project.point(group.place.lon, group.place.lat)
        r = radius(group.count, most)
        width, height = (label_size(label_lines(group.name, layout.wrap), layout.font_px)
                         if group.slug in labelled else (0.0, 0.0))
        found.append(Mark(group.slug, x, y, r, r + (RING if group.place.crier else 1.0),
                          width, height))
    return found


def _percent(value: float, whole: float) -> str:
    return f"{100 * value / whole:.2f}%"


def _ground(basemap: Basemap | None, project: Projection) -> str:
    size = f"{project.width:g} {project.height:g}"
    parts = [f'<svg class="map-ground" viewBox="0 0 {size}" aria-hidden="true"'
             ' focusable="false" xmlns="http://www.w3.org/2000/svg">']
    if basemap is not None:
        ground = draw(basemap, project)
        parts.append(f'<path class="map-city" d="{ground.fill}"></path>')
        parts.append(f'<path class="map-borders" d="{ground.borders}"></path>')
        parts.append(f'<path class="map-edge" d="{ground.outline}"></path>')
    parts.append("</svg>")
    return "".join(parts)


def _labels(layout: Layout, spots: dict[str, Spot], groups: Sequence[PlaceSummary],
            found: dict[str, Mark], project: Projection, siteurl: str, highlight: str) -> str:
    parts = [f'<div class="map-labels map-labels-{layout.name}" aria-hidden="true">']
    for group in groups:
        spot = spots.get(group.slug)
        if spot is None:
            continue
        mark = found[group.slug]
        where = (f"--x:{_percent(mark.x, project.width)};"
                 f"--y:{_percent(mark.y, project.height)};")
        if spot.leader:
            length = math.hypot(spot.dx, spot.dy)
            angle = math.degrees(math.atan2(spot.dy, spot.dx))
            parts.append(f'<span class="map-leader" style="{where}--from:{mark.radius:.1f}px;'
                         f'--length:{length - mark.radius:.1f}px;--angle:{angle:.1f}deg">'
                         "</span>")
        # A space before the break: the text reads whole (« Place des Vosges »).
        lines = " <br>".join(escape(line) for line in label_lines(group.name, layout.wrap))
        current = " is-current" if group.slug == highlight else ""
        parts.append(
            f'<a class="map-label{current}" tabindex="-1" '
            f'href="{escape(f"{siteurl}/{group.url}")}" style="{where}'
            f'--dx:{spot.dx:g}px;--dy:{spot.dy:g}px;--ax:{-100 * spot.ax:g}%;'
            f'--ay:{-100 * spot.ay:g}%">{lines}</a>')
    parts.append("</div>")
    return "".join(parts)


def _nice(value: float) -> int:
    """The largest of 1, 2, 5, 10, 20, 50… not above ``value`` (at least 1)."""
    if value < 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return max(step * power for step in (1, 2, 5) if step * power <= value)


def legend(groups: Sequence[PlaceSummary]) -> str:
    """Two dots of known counts, and a crier's ring if any place had one."""
    most = max((g.count for g in groups), default=0)
    if not most:
        return ""
    samples = sorted({_nice(most), _nice(most / 5)}, reverse=True)
    items = [f'<li><span class="map-key" style="--r:{radius(n, most):.2f}px"></span>'
             f"{escape(plural(n, 'message'))}</li>" for n in samples]
    if any(g.place.crier for g in groups):
        items.append(f'<li><span class="map-key has-crier" style="--r:{DOT_MAX * 0.6:.2f}px">'
                     "</span>un crieur y lisait les messages</li>")
    return ('<div class="map-legend"><p>La surface de chaque point suit le nombre de '
            f'messages.</p><ul role="list">{"".join(items)}</ul></div>')


def credit(basemap: Basemap | None) -> str:
    """The attribution the base map's licence asks for, where the map is drawn."""
    if basemap is None or not basemap.attribution:
        return ""
    text = escape(french_spacing(basemap.attribution))
    if basemap.licence_url:
        text += f' — <a href="{escape(basemap.licence_url)}">licence</a>'
    return f'<p class="map-credit">{text}</p>'


class CityMap:
    """The day's map for one build, called by the templates (``city_map(SITEURL,
    highlight=..., labels=False)``).

    The base map is read and its ground drawn when the site's context is made, in the
    process that then forks the render processes: they share the drawing instead of
    each importing Shapely, reading the file and drawing it again for the first map it
    renders; and the preview's builder, which lives from one rebuild to the next,
    keeps it while the file's bytes are the same (:func:`.basemap.load_basemap_file`)."""

    def __init__(self, groups: Sequence[PlaceSummary], ground: Path | str | None =
                 BESIDE_GAZETTEER, folder: Path | None = None) -> None:
        """``ground`` is the base map's file (``INVENTAIRE_BASEMAP``), None for none; by
        default ``fond.geojson`` in ``folder`` (default: the gazetteer's own)."""
        if ground == BESIDE_GAZETTEER:
            folder = folder or gazetteer_folder(groups)
            self.basemap = load_basemap(folder) if folder else None
        else:
            self.basemap = load_basemap_file(Path(ground)) if ground else None
        # The quietest places on top, so that a big dot never hides a small one.
        self.ordered = sorted(groups, key=lambda g: (-g.count, g.slug))
        self.projection = frame([(g.place.lon, g.place.lat) for g in groups], self.basemap)
        self.ground = _ground(self.basemap, self.projection) if self.projection else ""

    def __call__(self, siteurl: str = "", highlight: str = "", labels: bool = True) -> Markup:
        """The map; each place a link to its page. ``labels=False`` names only the
        highlighted place (the minimap)."""
        project, ordered = self.projection, self.ordered
        if project is None:
            return Markup("")
        labelled = {g.slug for g in ordered if labels or g.slug == highlight}
        dots = marks(ordered, project, set(), LAYOUTS[0])
        parts = [f'<div class="city-map{"" if labels else " is-mini"}" role="group" '
                 'aria-label="Carte des lieux de la journée">'
                 f'<div class="map-box" style="aspect-ratio:{project.width:g}/'
                 f'{project.height:g}">', self.ground, '<ul class="map-dots" role="list">']
        for group, mark in zip(ordered, dots, strict=True):
            css = "map-place" + (" is-current" if group.slug == highlight else "")
            css += " has-crier" if group.place.crier else ""
            label = escape(f"{french_spacing(group.name)}, {plural(group.count, 'message')}")
            parts.append(
                f'<li><a class="{css}" href="{escape(f"{siteurl}/{group.url}")}" '
                f'aria-label="{label}" style="--x:{_percent(mark.x, project.width)};'
                f'--y:{_percent(mark.y, project.height)};--r:{mark.radius:.2f}px"></a></li>')
        parts.append("</ul>")
        for layout in LAYOUTS:
            found = {m.key: m for m in marks(ordered, project, labelled, layout)}
            spots = place_labels(list(found.values()), project.width, project.height, layout)
            parts.append(_labels(layout, spots, ordered, found, project, siteurl, highlight))
        parts.append("</div>")
        if labels:
            parts.append(legend(ordered))
        parts.append(credit(self.basemap))
        parts.append("</div>")
        return Markup("".join(parts))


def city_map(groups: Sequence[PlaceSummary], siteurl: str = "", highlight: str = "",
             labels: bool = True, folder: Path | None = None,
             ground: Path | str | None = BESIDE_GAZETTEER) -> Markup:
    """One map at once (:class:`CityMap` made and called)."""
    return CityMap(groups, ground, folder)(siteurl, highlight, labels)
