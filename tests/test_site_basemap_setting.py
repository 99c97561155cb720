"""``INVENTAIRE_BASEMAP`` (issue 16, item 3): the map's ground is the file the setting
names (another city's districts, its credit beside it), none for ``""``, the
gazetteer's ``fond.geojson`` when unset; a named file that is missing or is not
GeoJSON is a warning, and the map draws the places alone."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core.places import load_places
from inventaire.site import basemap, citymap
from inventaire.site.groups import PlaceSummary

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "content" / "places"


def summaries() -> list[PlaceSummary]:
    return [PlaceSummary(p, 10) for p in load_places(PLACES).values()]


def square(folder: Path, name: str, attribution: str) -> Path:
    """A one-district city around the sample's places, with its credit."""
    ring = [[2.30, 48.83], [2.40, 48.83], [2.40, 48.90], [2.30, 48.90], [2.30, 48.83]]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]}), encoding="utf-8")
    (folder / f"{name}.yml").write_text(f'attribution: "{attribution}"\n', encoding="utf-8")
    return path


def test_the_setting_is_resolved_against_content(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    assert basemap.basemap_file({}, tmp_path) == basemap.BESIDE_GAZETTEER
    assert basemap.basemap_file({"INVENTAIRE_BASEMAP": ""}, tmp_path) is None
    named = square(tmp_path / "places", "quartiers", "Fond : quartiers")
    assert basemap.basemap_file({"INVENTAIRE_BASEMAP": "places/quartiers.geojson"},
                                tmp_path) == named
    assert basemap.basemap_file({"INVENTAIRE_BASEMAP": str(named)}, Path("/elsewhere")) == named
    with caplog.at_level(logging.WARNING):
        basemap.basemap_file({"INVENTAIRE_BASEMAP": "places/absent.geojson"}, tmp_path)
    assert "absent.geojson: INVENTAIRE_BASEMAP names no file" in caplog.text


def test_another_file_draws_that_ground_and_prints_its_credit(tmp_path: Path) -> None:
    other = square(tmp_path / "ailleurs", "quartiers", "Fond : Ailleurs <b>&</b> Cie (ODbL)")
    html = str(citymap.city_map(summaries(), "..", ground=other))
    fill = re.search(r'class="map-city" d="([^"]*)"', html)
    assert fill is not None and fill.group(1).count("M") == 1
    assert "Ailleurs &lt;b&gt;&amp;&lt;/b&gt; Cie" in html and "Ville de Paris" not in html
    # The sample's own ground is another drawing altogether.
    paris = str(citymap.city_map(summaries(), ".."))
    assert "Ville de Paris" in paris and paris != html


def test_an_empty_setting_or_a_bad_file_draws_the_places_alone(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bare = str(citymap.city_map(summaries(), "..", ground=None))
    assert "map-city" not in bare and "<path" not in bare and "Ville de Paris" not in bare
    assert bare.count('class="map-place') == len(summaries())
    broken = tmp_path / "casse.geojson"
    broken.write_text("{ pas du json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        html = str(citymap.city_map(summaries(), "..", ground=broken))
        again = str(citymap.city_map(summaries(), "..", highlight="place-des-vosges",
                                     labels=False, ground=broken))
    assert "<path" not in html and "<path" not in again
    assert html.count('class="map-place') == len(summaries())
    warned = [r.getMessage() for r in caplog.records if "casse.geojson" in r.getMessage()]
    assert len(warned) == 1 and "not a GeoJSON base map" in warned[0], warned


def test_a_build_follows_the_setting(tmp_path: Path) -> None:
    project = make_project(tmp_path, posts=[made_up_post(n, place="place-des-vosges")
                                            for n in range(1, 6)])
    square(project / "content" / "villes", "autre", "Fond : une autre ville")
    for value, credit in (("villes/autre.geojson", "une autre ville"), ("", None)):
        output = tmp_path / f"out-{bool(value)}"
        build(project, publish=True, output=output, book=False, search=False,
              overrides={"SITEURL": "", "RELATIVE_URLS": True, "INVENTAIRE_BASEMAP": value,
                         "CACHE_PATH": str(project / "cache")})
        page = (output / "carte" / "index.html").read_text(encoding="utf-8")
        assert "Ville de Paris" not in page
        if credit:
            assert credit in page and 'class="map-city"' in page
        else:
            assert 'class="map-city"' not in page and "map-credit" not in page
        assert 'class="map-place' in page
