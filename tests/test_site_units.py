"""Unit tests of the site's building blocks: typography, day, map, charts, pictures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from inventaire.core.day import parse_weather
from inventaire.core.model import Media, Post
from inventaire.core.places import Place
from inventaire.core.text import typography
from inventaire.site.charts import bar_chart
from inventaire.site.citymap import city_map
from inventaire.site.figures import Row
from inventaire.site.groups import hours_of_day, place_groups, set_neighbours
from inventaire.site.pictures import ladder, plan_picture, write_all
from PIL import Image

PARIS = ZoneInfo("Europe/Paris")


def article(pid: str, hour: int, minute: int, place: str = "") -> SimpleNamespace:
    post = Post(id=pid, network="twitter", author="a", text="x",
                date=datetime(2013, 4, 19, hour, minute, tzinfo=PARIS), place=place,
                status="selected")
    return SimpleNamespace(post=post)


def test_french_dates_and_hours() -> None:
    when = datetime(2013, 4, 19, 14, 32, tzinfo=PARIS)
    assert typography.format_datetime(when, space=" ") == "vendredi 19 avril 2013, 14 h 32"
    assert typography.format_hour(0) == "0\u00a0h"
    assert typography.format_number(12345) == "12\u202f345"
    assert typography.plural(1, "message") == "1\u00a0message"
    assert typography.plural(2, "message") == "2\u00a0messages"


def test_french_spacing_is_idempotent_and_spares_urls() -> None:
    text = typography.french_spacing("Quoi ? « Oui » : l'heure ; voir https://x.fr !")
    assert text == ("Quoi\u202f? «\u202fOui\u202f»\u00a0: l’heure\u202f; voir https://x.fr\u202f!")
    assert typography.french_spacing(text) == text


def test_weather_keys_are_hours() -> None:
    assert parse_weather({"07": "gris", 14: "soleil", "nuit": "?"}) == {7: "gris", 14: "soleil"}


def test_hours_places_and_neighbours() -> None:
    places = {"tertre": Place("tertre", "Place du Tertre", 48.8865, 2.3408)}
    items = [article("2", 14, 5, "tertre"), article("1", 9, 0), article("3", 14, 1, "tertre")]
    groups = place_groups(items, places)
    hours = hours_of_day(items, {9: "gris", 14: "soleil"}, groups)
    set_neighbours(items)
    assert [a.post.id for a in hours[14].articles] == ["3", "2"]
    assert hours[14].weather == "soleil" and hours[14].places[0].slug == "tertre"
    # A note holds until the next one, as in the book.
    assert [hours[h].weather for h in (8, 9, 13, 23)] == ["", "gris", "gris", "soleil"]
    assert [a.post.id for a in groups["tertre"].articles] == ["3", "2"]
    assert items[1].previous_post is None and items[1].next_post.post.id == "3"
    assert hours[0].previous is None and hours[23].next is None


def test_map_draws_every_place_as_a_link_inside_the_frame() -> None:
    places = {"a": Place("a", "Saint-Sulpice & <co>", 48.8511, 2.3348),
              "b": Place("b", "Tertre", 48.8865, 2.3408)}
    groups = place_groups([article("1", 9, 0, "a")], places)
    svg = str(city_map([g.summary() for g in groups.values()], "..", highlight="a"))
    assert svg.count('class="map-place') == 2
    assert 'href="../lieu/a/"' in svg and "Saint-Sulpice &amp; &lt;co&gt;" in svg
    assert "<co>" not in svg


def test_bar_chart_escapes_labels() -> None:
    svg = str(bar_chart([Row("<b>", 3), Row("#jdtap", 1)]))
    assert "&lt;b&gt;" in svg and svg.count('class="chart-bar"') == 2


def test_pictures_ladder_and_no_metadata(tmp_path: Path) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    (content / "media").mkdir(parents=True)
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"
    exif[0x0112] = 6  # rotated: the derivatives must come out upright
    Image.new("RGB", (1000, 600), "red").save(content / "media" / "p.jpg", exif=exif)
    jobs: list = []
    picture = plan_picture(Media(file="media/p.jpg", alt="Rouge"), content, output, jobs)
    assert ladder(1000) == [480, 800, 1000] and ladder(300) == [300]
    assert (picture.width, picture.height) == (600, 1000)
    assert write_all(jobs, tmp_path / "cache") == len(jobs) == 4
    for job in jobs:
        with Image.open(job.target) as image:
            assert not image.getexif(), job.target
            assert image.height > image.width
    missing = plan_picture(Media(url="https://x/y.jpg", missing=True, alt="Perdue"),
                           content, output, jobs)
    assert missing.missing and missing.alt == "Perdue"


def tiny_font(path: Path) -> Path:
    """A TrueType font of one empty glyph, built in memory (fast to convert)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef"])
    builder.setupCharacterMap({})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Petite", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path


def test_fonts_are_served_as_woff2_converted_once(tmp_path: Path, monkeypatch) -> None:
    from inventaire.site import assets

    source = tiny_font(tmp_path / "Petite.ttf")
    cache = tmp_path / "cache"
    converted = assets.woff2(source, cache)
    assert converted.read_bytes()[:4] == b"wOF2" and converted.parent == cache
    monkeypatch.setattr("fontTools.ttLib.TTFont", None)  # a second conversion would fail
    assert assets.woff2(source, cache) == converted
    monkeypatch.setattr(assets, "FONT_FILES", {"Petite.woff2": lambda: source})
    output = tmp_path / "output"
    assert assets.copy_fonts(output, cache) == [output / assets.FONT_DIR / "Petite.woff2"]
    assert (output / assets.FONT_DIR / "Petite.woff2").read_bytes() == converted.read_bytes()
    css = (Path(__file__).parents[1] / "theme" / "static" / "css" / "site.css").read_text()
    assert ".ttf" not in css and 'EBGaramond-Roman.woff2") format("woff2")' in css


def test_chart_labels_set_emoji_in_the_served_font() -> None:
    svg = str(bar_chart([Row("😊", 9), Row("a<🇫🇷>b", 2)]))
    assert '<span class="chart-emoji">😊</span>' in svg
    assert 'a&lt;<span class="chart-emoji">🇫🇷</span>&gt;b' in svg
    css = (Path(__file__).parents[1] / "theme" / "static" / "css" / "site.css").read_text()
    assert '.chart-emoji { font-family: "OpenMoji"' in css




def test_places_are_filed_by_their_proper_name() -> None:
    from inventaire.site.groups import place_sort_key

    names = ["Place Saint-Sulpice", "Place des Vosges", "Place de l’Hôtel-de-Ville",
             "Place de la Bastille", "Place du Tertre", "Place de la République",
             "square d'Anvers"]
    assert sorted(names, key=place_sort_key) == [
        "square d'Anvers", "Place de la Bastille", "Place de l’Hôtel-de-Ville",
        "Place de la République", "Place Saint-Sulpice", "Place du Tertre",
        "Place des Vosges"]


def test_empty_hours_in_a_row_fold_into_one_line() -> None:
    from inventaire.site.groups import Hour, hour_runs

    hours = [Hour(hour=h, articles=[object()] if h in (7, 9, 10) else []) for h in range(24)]
    runs = hour_runs(hours)
    assert [(r.first.hour, r.last.hour) for r in runs] == [
        (0, 6), (7, 7), (8, 8), (9, 9), (10, 10), (11, 23)]
    assert runs[0].folded and not runs[2].folded
