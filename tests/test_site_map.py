"""The map of the places: base map from the editors' GeoJSON, projection, simplification,
label placement, dot areas, and no city drawn when the editors gave no base map."""

from __future__ import annotations

import itertools
import math
import re
import shutil
from pathlib import Path

import pytest
from inventaire.core.places import Place, load_places
from inventaire.site import basemap, citymap, maplabels
from inventaire.site.groups import PlaceSummary

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "content" / "places"
# The sample day's counts (52 at Saint-Sulpice, 40 elsewhere) and harder ones.
COUNTS = [
    {"place-saint-sulpice": 52},
    {"place-des-vosges": 54, "place-de-la-bastille": 42, "place-de-la-republique": 3},
    {"place-du-tertre": 1, "place-de-l-hotel-de-ville": 90},
]


def summaries(counts: dict[str, int], default: int = 40) -> list[PlaceSummary]:
    return [PlaceSummary(p, counts.get(slug, default)) for slug, p in load_places(PLACES).items()]


def test_the_sample_ships_its_base_map_with_its_licence() -> None:
    found = basemap.load_basemap(PLACES)
    assert found is not None and len(found.shapes) == 20
    assert found.attribution == "Fond de carte : Ville de Paris, arrondissements (ODbL)"
    assert "ODbL" in (PLACES / basemap.CREDIT_FILE).read_text(encoding="utf-8")


def test_projection_is_equirectangular_at_the_mean_latitude() -> None:
    points = [(p.place.lon, p.place.lat) for p in summaries({})]
    project = basemap.frame(points, None)
    assert project is not None
    assert project.width / project.height >= basemap.MIN_ASPECT - 1e-6
    for lon, lat in points:
        x, y = project.point(lon, lat)
        assert 0 < x < project.width and 0 < y < project.height
    # A degree of longitude is cos(latitude) of a degree of latitude.
    x0, y0 = project.point(2.35, 48.86)
    x1, _ = project.point(2.36, 48.86)
    _, y1 = project.point(2.35, 48.85)
    assert (x1 - x0) / (y1 - y0) == pytest.approx(math.cos(math.radians(project_lat(project))))


def project_lat(project: basemap.Projection) -> float:
    return project.north - project.height / project.scale / 2


def test_base_map_is_simplified_small_and_one_outline() -> None:
    found = basemap.load_basemap(PLACES)
    assert found is not None
    whole = basemap.frame([], found)  # the whole city
    assert whole is not None
    ground = basemap.draw(found, whole)
    points = sum(len(re.findall(r"[ML]", path)) for path in ground.__dict__.values())
    assert 200 < points < 1500, points  # 5,008 points in the file
    assert ground.fill.count("M") == 1  # the arrondissements' union: one ring
    svg = str(citymap.city_map(summaries({})))
    assert len(svg.encode()) < 40_000, len(svg.encode())
    assert 'class="map-city"' in svg and 'class="map-borders"' in svg


def test_dot_area_is_proportional_to_the_count() -> None:
    areas = {n: math.pi * citymap.radius(n, 54) ** 2 for n in (1, 3, 42, 54)}
    ratios = {n: area / n for n, area in areas.items()}
    assert max(ratios.values()) == pytest.approx(min(ratios.values()))
    assert citymap.radius(54, 54) == citymap.DOT_MAX


def boxes_apart(spots: dict[str, maplabels.Spot], marks: list[maplabels.Mark],
                layout: maplabels.Layout, project: basemap.Projection) -> None:
    ks = [layout.min_px / project.width, layout.max_px / project.width,
          (layout.min_px + layout.max_px) / 2 / project.width]
    for k in ks:
        rects = {key: spot.box.at(k) for key, spot in spots.items()}
        for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
            overlap = not (ra[2] <= rb[0] or rb[2] <= ra[0] or ra[3] <= rb[1] or rb[3] <= ra[1])
            assert not overlap, (layout.name, k, a, b)
        for key, rect in rects.items():
            assert rect[0] >= 0 and rect[1] >= 0, (key, rect)
            assert rect[2] <= k * project.width and rect[3] <= k * project.height, (key, rect)
            for mark in marks:
                dot = maplabels.dot_box(mark).at(k)
                assert (rect[2] <= dot[0] or dot[2] <= rect[0] or rect[3] <= dot[1]
                        or dot[3] <= rect[1]), (layout.name, k, key, mark.key)


@pytest.mark.parametrize("counts", COUNTS)
def test_no_two_labels_overlap_for_the_sample_places(counts: dict[str, int]) -> None:
    groups = sorted(summaries(counts), key=lambda g: -g.count)
    project = basemap.frame([(g.place.lon, g.place.lat) for g in groups], None)
    assert project is not None
    for layout in citymap.LAYOUTS:
        marks = citymap.marks(groups, project, {g.slug for g in groups}, layout)
        spots = maplabels.place_labels(marks, project.width, project.height, layout)
        assert set(spots) == {g.slug for g in groups}
        boxes_apart(spots, marks, layout, project)


def test_label_widths_come_from_the_font() -> None:
    narrow = maplabels.text_width("iiii", 13)
    wide = maplabels.text_width("MMMM", 13)
    assert 0 < narrow < wide < 4 * 13
    assert citymap.label_lines("Place de l'Hôtel-de-Ville", wrap=True) == [
        "Place de", "l’Hôtel-de-Ville"]
    assert citymap.label_lines("Place du Tertre", wrap=False) == ["Place du Tertre"]


def test_names_are_escaped_and_the_minimap_names_its_place_alone(tmp_path: Path) -> None:
    shutil.copytree(PLACES, tmp_path / "places")
    hostile = Place("x", "<script>alert(1)</script> & Cie", 48.86, 2.35,
                    path=str(tmp_path / "places" / "x.md"))
    groups = [*summaries({}), PlaceSummary(hostile, 7)]
    svg = str(citymap.city_map(groups, "..", folder=tmp_path / "places"))
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie" in svg
    mini = str(citymap.city_map(groups, "..", highlight="place-des-vosges", labels=False))
    assert mini.count('class="map-label is-current"') == len(citymap.LAYOUTS)
    assert len(re.findall(r'class="map-label[ "]', mini)) == len(citymap.LAYOUTS)
    assert "map-legend" not in mini and "Ville de Paris" in mini  # the credit, always


def test_without_a_base_map_no_city_is_drawn(tmp_path: Path) -> None:
    """Another city's edition: places only, no outline from anywhere (and no Paris)."""
    folder = tmp_path / "places"
    folder.mkdir()
    (folder / "parc.md").write_text("---\nname: Parc La Fontaine\nlat: 45.5253\n"
                                    "lon: -73.5698\ncrier: true\n---\n", encoding="utf-8")
    (folder / "marche.md").write_text("---\nname: Marché Jean-Talon\nlat: 45.5363\n"
                                      "lon: -73.6146\n---\n", encoding="utf-8")
    groups = [PlaceSummary(p, n) for p, n in zip(load_places(folder).values(), (12, 30),
                                                  strict=True)]
    html = str(citymap.city_map(groups, ".."))
    assert html.count('class="map-place') == 2 and "Parc La Fontaine" in html
    assert "map-city" not in html and "map-edge" not in html and "<path" not in html
    assert "Paris" not in html and "Fond de carte" not in html
