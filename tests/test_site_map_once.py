"""The map's ground is read and drawn once per build, in the process that makes the
site's context: the render processes forked after it share the drawing (and the
preview's builder keeps it between rebuilds). What is kept is keyed by the bytes of
the base map and of the served fonts, never by their dates."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from inventaire.core.places import load_places
from inventaire.site import assets, citymap
from inventaire.site.groups import PlaceSummary

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "content" / "places"


def summaries() -> list[PlaceSummary]:
    return [PlaceSummary(p, 10) for p in load_places(PLACES).values()]


def square(path: Path, west: float) -> Path:
    """A one-district city around the sample's places; ``west`` moves one edge."""
    ring = [[west, 48.83], [2.40, 48.83], [2.40, 48.90], [west, 48.90], [west, 48.83]]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]}), encoding="utf-8")
    return path


def test_a_made_map_draws_without_shapely(monkeypatch: pytest.MonkeyPatch) -> None:
    made = citymap.CityMap(summaries())
    assert 'class="map-city"' in made.ground
    # What a render process does with it: no import, no reading, no drawing.
    monkeypatch.setitem(sys.modules, "shapely", None)
    monkeypatch.setattr(citymap, "draw", None)
    full = str(made(".."))
    mini = str(made("..", highlight="place-des-vosges", labels=False))
    assert full.count(made.ground) == 1 and mini.count(made.ground) == 1
    assert "is-mini" in mini and "is-current" in mini
    monkeypatch.undo()
    assert full == str(citymap.city_map(summaries(), ".."))


def test_a_base_map_replaced_with_the_same_date_and_size_is_drawn_again(
        tmp_path: Path) -> None:
    path = square(tmp_path / "fond.geojson", 2.31)
    stamp = (1_600_000_000, 1_600_000_000)
    os.utime(path, stamp)
    first = citymap.CityMap(summaries(), ground=path).ground
    size = path.stat().st_size
    square(path, 2.32)  # same length of text, another city
    os.utime(path, stamp)  # as ``cp -p`` or ``rsync -a`` of a file of that date leaves it
    assert path.stat().st_size == size
    again = citymap.CityMap(summaries(), ground=path).ground
    assert again != first


def test_a_served_font_is_replaced_by_its_bytes_not_its_date(tmp_path: Path) -> None:
    source, target = tmp_path / "package" / "Font.woff2", tmp_path / "output" / "Font.woff2"
    source.parent.mkdir()
    source.write_bytes(b"wOF2 version 1")
    assert assets.copy_unless_same(source, target)
    assert not assets.copy_unless_same(source, target)  # the same bytes: left in place
    source.write_bytes(b"wOF2 version 0")  # an older release put back, same size
    os.utime(source, (1_000_000_000, 1_000_000_000))
    assert assets.copy_unless_same(source, target)
    assert target.read_bytes() == b"wOF2 version 0"
