"""The book's small parts, without WeasyPrint: settings, spacing, colours, plates, indexes."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from inventaire.book.builder import creation_date
from inventaire.book.chapters import (
    IndexEntry,
    absolute_links,
    book_articles,
    editors_html,
    quote_spacing,
    unlink,
)
from inventaire.book.color import convert_svg, luminance, rgb_of
from inventaire.book.cover import cover_geometry, spine_font_pt
from inventaire.book.criers import declaimed_time, sheet_posts
from inventaire.book.day import Day
from inventaire.book.edition import BookEdition, BookSettingError, length_mm
from inventaire.book.emoji import codepoints, svg_file
from inventaire.book.interior import PLACEHOLDER, index_rows
from inventaire.book.photos import fit_mm, target_pixels
from inventaire.book.posttext import printed_hashtags
from inventaire.core.day import parse_weather
from inventaire.core.fonts import missing_glyphs
from inventaire.core.model import Declaimed, Post

PARIS = ZoneInfo("Europe/Paris")


def post(index: int, **fields: object) -> Post:
    values: dict[str, object] = {
        "id": str(index), "network": "twitter", "author": f"a{index}",
        "date": datetime(2013, 4, 19, 10, index, tzinfo=PARIS), "text": "x",
        "status": "selected"}
    values.update(fields)
    return Post(**values)  # type: ignore[arg-type]


def test_settings_are_checked_and_name_the_setting() -> None:
    edition = BookEdition.from_settings({})
    assert edition.trim == (148.0, 210.0) and edition.bleed == 3.0
    assert edition.text_width_mm == 148 - 14 - 19
    with pytest.raises(BookSettingError, match=r"BOOK_COLOR.*'rgb', 'gray' or 'cmyk'"):
        BookEdition.from_settings({"BOOK_COLOR": "purple"})
    with pytest.raises(BookSettingError, match="BOOK_BLEED"):
        BookEdition.from_settings({"BOOK_BLEED": "3"})
    assert BookEdition.from_settings({"BOOK_TRIM": "A5"}).trim == (148.0, 210.0)
    assert length_mm("0.125in", "X") == pytest.approx(3.175)


def test_spine_and_cover_width() -> None:
    edition = BookEdition.from_settings({"BOOK_PAPER_THICKNESS_MM": 0.05})
    assert edition.spine_mm(120) == pytest.approx(6.0)
    assert edition.cover_size_mm(120) == (pytest.approx(302.0), 210.0)
    geometry = cover_geometry(edition, 120)
    assert geometry["width"] == "302.000mm" and geometry["spine"] == "6.000mm"
    assert 4 <= spine_font_pt(1) <= spine_font_pt(6) <= 11


def test_quote_spacing_only_changes_existing_spaces() -> None:
    html = 'Vraiment ? Oui ! « Bon » : <a href="https://x.org/a?b">lien</a> ; fin'
    spaced = quote_spacing(html)
    assert spaced.replace("\u202f", " ").replace("\u00a0", " ") == html
    assert "Vraiment\u202f?" in spaced and "\u202f»" in spaced and "«\u202f" in spaced
    assert 'href="https://x.org/a?b"' in spaced


def test_links_kept_for_the_screen_only() -> None:
    html = '<a class="hashtag" href="/mot-diese/jdtap/">#jdtap</a> <a href="https://t.co/x">t</a>'
    assert unlink(html) == '<span class="hashtag">#jdtap</span> <span>t</span>'
    # No site address: the hashtag keeps its class (and its place in the index).
    assert absolute_links(html, "") == \
        '<span class="hashtag">#jdtap</span> <a href="https://t.co/x">t</a>'
    assert printed_hashtags(absolute_links(html, "")) == printed_hashtags(unlink(html))
    assert absolute_links("a</a> <a>b</a>", "") == "a <a>b</a>"  # a stray closing tag
    assert 'href="https://ex.org/mot-diese/jdtap/"' in absolute_links(html, "https://ex.org")


def test_svg_colours_converted_for_gray_and_cmyk() -> None:
    svg = '<svg id="e"><circle fill="#FCEA2B" stroke="#000"/><path d="M0"/></svg>'
    for mode in ("gray", "cmyk"):
        converted = convert_svg(svg, mode)
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b", converted), converted
        assert converted.startswith('<svg fill="device-cmyk(0.000 0.000 0.000 1.000)"')
    gray = convert_svg(svg, "gray")
    k = 1 - luminance(rgb_of("#FCEA2B"))
    assert f"device-cmyk(0.000 0.000 0.000 {k:.3f})" in gray
    assert convert_svg(svg, "rgb") == svg


def test_openmoji_files_found_with_or_without_fe0f() -> None:
    assert codepoints("🇫🇷") == "1F1EB-1F1F7"
    assert svg_file("👨‍👩‍👧") is not None
    assert svg_file("❤️") is not None and svg_file("❤") is not None


def test_plates_reach_the_resolution() -> None:
    size = fit_mm((1800, 1200), (115.0, 96.0))
    assert size == (pytest.approx(115.0), pytest.approx(115.0 * 2 / 3))
    pixels = target_pixels(size, 300)
    assert pixels[0] * 25.4 / size[0] >= 300 and pixels[1] * 25.4 / size[1] >= 300


def test_index_rows_list_distinct_pages_in_order() -> None:
    entry = IndexEntry("@a", "a", ["p1", "p2", "p3"])
    assert [r for r, _ in index_rows([entry], {"p1": 12, "p2": 9, "p3": 12})[0].refs] == \
        ["9", "12"]
    assert index_rows([entry], None)[0].refs[0][0] == PLACEHOLDER


def test_book_takes_selected_posts_and_respects_consent() -> None:
    articles = [SimpleNamespace(post=post(1)), SimpleNamespace(post=post(2, book=False)),
                SimpleNamespace(post=post(3, consent="refused")),
                SimpleNamespace(post=post(4, status="withdrawn")),
                SimpleNamespace(post=post(0, consent="granted"))]
    assert [a.post.id for a in book_articles(articles)] == ["0", "1"]
    assert [a.post.id for a in book_articles(articles, require_consent=True)] == ["0"]


def test_criers_read_in_declaimed_order() -> None:
    articles = [SimpleNamespace(post=post(1, declaimed=Declaimed("p", "14:45"))),
                SimpleNamespace(post=post(2, declaimed=Declaimed("p", "9:05"))),
                SimpleNamespace(post=post(3, declaimed=Declaimed("p", "10:00"),
                                          status="withdrawn"))]
    assert [a.post.id for a in sheet_posts(articles)["p"]] == ["2", "1"]
    assert declaimed_time("9:05") == "9\u00a0h\u00a005"


def test_creation_date_is_the_day_or_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    day = Day(date=date(2013, 4, 19), timezone="Europe/Paris")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert creation_date(day) == "2013-04-19T00:00:00+02:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1366322400")
    assert creation_date(day) == "2013-04-18T22:00:00+00:00"


def test_weather_by_hour_and_missing_glyphs(tmp_path: Path) -> None:
    weather = parse_weather({"09": "gris", "14:00": "soleil", "x": "?"}, "journee.md")
    assert weather == {9: "gris", 14: "soleil"}
    day = Day(weather=weather)
    assert day.weather_at(12) == "gris" and day.weather_at(8) == ""
    assert missing_glyphs("Un café 😀 « oui »") == set()
    assert missing_glyphs("privé \ue000") == {"\ue000"}


def test_editors_html_gets_french_spacing_and_keeps_entities() -> None:
    html = editors_html("<p>l&rsquo;ont vu ; &laquo;ce&raquo; a&lt;b</p>")
    assert html == "<p>l’ont vu\u202f; «\u202fce\u202f» a&lt;b</p>"
