"""Where each place's label goes: beside its dot, never over another label or dot.

Why this shape: the base map scales with the page, the dots and labels do not (a
label is text at a fixed CSS size, readable on a phone). A dot sits at a point of the
map (a percentage of its box) and the label at a fixed number of pixels from it, so
every box is ``k × point + pixels``, where ``k`` is the map's width in pixels per map
unit. For a range of widths, two boxes that stay apart along one axis at both ends of
the range stay apart in between (each edge moves linearly with ``k``): a placement is
checked at the narrowest and the widest map of its layout, and the page switches
layouts by the map's width (a CSS container query).

The search is greedy, labels in order of size, each taking the first free spot among
candidates around its dot (nearest first; a spot further out gets a leader line),
backtracking when one has none. Label widths come from EB Garamond's advances.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from inventaire.core.fonts import garamond_files

GAP = 2.0  # pixels kept between two boxes
LEADER_FROM = 8.0  # a label further than this from its dot is tied to it by a line
DISTANCES = (3.0, 14.0, 28.0, 46.0, 68.0, 94.0)
# Directions in order of preference: beside, then above and below, then the corners.
DIRECTIONS = ((1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1))
BUDGET = 20_000  # spots tried before giving up on a clean placement


@dataclass(frozen=True)
class Layout:
    """A range of map widths (pixels) that one placement serves."""

    name: str
    min_px: float
    max_px: float
    wrap: bool = False  # long names on two lines
    font_px: float = 13.0  # the labels' CSS font size in this layout


@dataclass(frozen=True)
class Mark:
    """A dot on the map: its point (map units), radius and extent (pixels), and the
    size of its label (pixels) — no label when ``label_w`` is 0."""

    key: str
    x: float
    y: float
    radius: float
    extent: float  # the dot with its ring, if any
    label_w: float = 0.0
    label_h: float = 0.0


@dataclass(frozen=True)
class Box:
    """A box at ``k × (x, y) + (x1, y1)–(x2, y2)`` pixels."""

    x: float
    y: float
    x1: float
    y1: float
    x2: float
    y2: float

    def at(self, k: float) -> tuple[float, float, float, float]:
        return (k * self.x + self.x1, k * self.y + self.y1,
                k * self.x + self.x2, k * self.y + self.y2)


@dataclass(frozen=True)
class Spot:
    """A label's place: its anchor ``dx, dy`` pixels from the dot's centre, the share
    of its width and height before the anchor (``ax, ay``), and whether a leader line
    runs from the dot's edge to the anchor."""

    dx: float
    dy: float
    ax: float
    ay: float
    leader: bool
    box: Box


def apart(a: Box, b: Box, ks: Sequence[float], gap: float = GAP) -> bool:
    """True when the boxes are apart along one axis at every scale of ``ks``."""
    boxes = [(a.at(k), b.at(k)) for k in ks]
    for lo, hi in ((0, 2), (1, 3)):
        if all(p[hi] + gap <= q[lo] for p, q in boxes):
            return True
        if all(q[hi] + gap <= p[lo] for p, q in boxes):
            return True
    return False


def inside(a: Box, width: float, height: float, ks: Sequence[float]) -> bool:
    """True when the box stays within the map (``width × height`` map units)."""
    return all(x1 >= 0 and y1 >= 0 and x2 <= k * width and y2 <= k * height
               for k in ks for x1, y1, x2, y2 in [a.at(k)])


def dot_box(mark: Mark) -> Box:
    e = mark.extent
    return Box(mark.x, mark.y, -e, -e, e, e)


def candidates(mark: Mark) -> list[Spot]:
    """The spots around a dot, nearest first."""
    spots = []
    for distance in DISTANCES:
        for ux, uy in DIRECTIONS:
            norm = math.hypot(ux, uy)
            ex, ey = ux / norm, uy / norm
            reach = mark.extent + distance
            dx, dy = ex * reach, ey * reach
            ax = 0.0 if ux > 0 else 1.0 if ux < 0 else 0.5
            ay = 0.0 if uy > 0 else 1.0 if uy < 0 else 0.5
            x1, y1 = dx - ax * mark.label_w, dy - ay * mark.label_h
            spots.append(Spot(round(dx, 1), round(dy, 1), ax, ay, distance >= LEADER_FROM,
                              Box(mark.x, mark.y, x1, y1, x1 + mark.label_w,
                                  y1 + mark.label_h)))
    return spots


def _leader_points(mark: Mark, spot: Spot) -> list[Box]:
    """Points along a leader line, as boxes of no size (the dot's edge excluded)."""
    start = mark.radius / max(math.hypot(spot.dx, spot.dy), 1e-9)
    steps = 6
    return [Box(mark.x, mark.y, spot.dx * t, spot.dy * t, spot.dx * t, spot.dy * t)
            for t in (start + (1 - start) * i / steps for i in range(1, steps))]


def _free(mark: Mark, spot: Spot, marks: Sequence[Mark], placed: dict[str, Spot],
          size: tuple[float, float], ks: Sequence[float]) -> bool:
    if not inside(spot.box, *size, ks):
        return False
    if not all(apart(spot.box, dot_box(m), ks) for m in marks):
        return False
    if not all(apart(spot.box, other.box, ks) for other in placed.values()):
        return False
    line = _leader_points(mark, spot) if spot.leader else []
    by_key = {m.key: m for m in marks}
    for point in line:  # a leader crosses no other dot, and no label
        if not all(apart(point, dot_box(m), ks, 0) for m in marks if m.key != mark.key):
            return False
        if not all(apart(point, other.box, ks, 0) for other in placed.values()):
            return False
    for key, other in placed.items():  # nor another label's leader
        if other.leader and any(_crossing(mark, spot, by_key[key], other, k) for k in ks):
            return False
        if not other.leader:
            continue
        # Nor does this label sit on an earlier leader.
        if not all(apart(point, spot.box, ks, 0) for point in _leader_points(by_key[key], other)):
            return False
    return True


def _segment(mark: Mark, spot: Spot, k: float) -> tuple[float, float, float, float]:
    start = mark.radius / max(math.hypot(spot.dx, spot.dy), 1e-9)
    return (k * mark.x + spot.dx * start, k * mark.y + spot.dy * start,
            k * mark.x + spot.dx, k * mark.y + spot.dy)


def _crossing(a: Mark, sa: Spot, b: Mark, sb: Spot, k: float) -> bool:
    """True when two leader lines cross at scale ``k``."""
    x1, y1, x2, y2 = _segment(a, sa, k)
    x3, y3, x4, y4 = _segment(b, sb, k)

    def side(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> float:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1, d2 = side(x3, y3, x4, y4, x1, y1), side(x3, y3, x4, y4, x2, y2)
    d3, d4 = side(x1, y1, x2, y2, x3, y3), side(x1, y1, x2, y2, x4, y4)
    return d1 * d2 < 0 and d3 * d4 < 0


def place_labels(marks: Sequence[Mark], width: float, height: float,
                 layout: Layout) -> dict[str, Spot]:
    """A spot for each labelled mark, none overlapping another label or any dot at any
    map width of ``layout``. Two orders are tried (the biggest dots first, the most
    hemmed-in labels first) and the placement with the shortest leaders kept. When no
    clean placement exists within the budget, the labels left over take their first
    candidate (the tests would say so)."""
    ks = (layout.min_px / width, layout.max_px / width)
    size = (width, height)
    labelled = [m for m in marks if m.label_w]
    options = {m.key: candidates(m) for m in labelled}
    room = {m.key: sum(_free(m, s, marks, {}, size, ks) for s in options[m.key])
            for m in labelled}
    orders = [sorted(labelled, key=lambda m: (-m.radius, m.key)),
              sorted(labelled, key=lambda m: (room[m.key], m.key))]
    best: dict[str, Spot] | None = None
    for order in orders:
        placed = _search(order, options, marks, size, ks)
        if placed is not None and (best is None or _cost(placed) < _cost(best)):
            best = placed
    if best is None:
        best = {}
        for mark in labelled:
            best.setdefault(mark.key, options[mark.key][0])
    return best


def _cost(placed: dict[str, Spot]) -> float:
    return sum(math.hypot(s.dx, s.dy) for s in placed.values())


def _search(order: list[Mark], options: dict[str, list[Spot]], marks: Sequence[Mark],
            size: tuple[float, float], ks: Sequence[float]) -> dict[str, Spot] | None:
    """Greedy in ``order``, backtracking when a label has no free spot left."""
    placed: dict[str, Spot] = {}
    tries = 0

    def search(index: int) -> bool:
        nonlocal tries
        if index == len(order):
            return True
        mark = order[index]
        for spot in options[mark.key]:
            tries += 1
            if tries > BUDGET:
                return False
            if _free(mark, spot, marks, placed, size, ks):
                placed[mark.key] = spot
                if search(index + 1):
                    return True
                del placed[mark.key]
        return False

    return dict(placed) if search(0) else None


@lru_cache(maxsize=1)
def _advances() -> tuple[dict[int, int], float]:
    """EB Garamond's advance width of each character, in em (its roman, weight 400)."""
    from fontTools.ttLib import TTFont

    with TTFont(garamond_files()["roman"], lazy=True) as font:
        cmap = font.getBestCmap()
        metrics = font["hmtx"].metrics
        units = font["head"].unitsPerEm
        return {code: metrics[name][0] for code, name in cmap.items()}, float(units)


def text_width(text: str, size_px: float) -> float:
    """The width of ``text`` set in EB Garamond at ``size_px`` (no kerning: a little
    wide, which is the safe side)."""
    advances, units = _advances()
    fallback = advances.get(ord("n"), units // 2)
    return sum(advances.get(ord(c), fallback) for c in text) * size_px / units
