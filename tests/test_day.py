"""The day's one chain of fallbacks (:mod:`inventaire.core.day`), and that the site,
the book, the importer and ``inventaire stats`` all see the same day through it."""

from __future__ import annotations

import argparse
import logging
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.book.day import load_day as load_book_day
from inventaire.commands.stats import compute
from inventaire.core.day import Day, load_day, read_day_file
from inventaire.core.model import Post
from inventaire.core.postfile import PostFileError
from inventaire.importer.curation.importer import day_filter
from inventaire.site.day import load_day as load_site_day

PARIS = ZoneInfo("Europe/Paris")
DAY_FILE = """---
title: La journée
Date: 2013-04-19
timezone: Europe/Paris
hashtags: "#jdtap, paris"
ville: Lyon
temps:
  "09": gris
  14h: soleil
  nuit: "?"
---
Ce qu'ils ont vu.
"""


def write_day(content: Path, text: str = DAY_FILE) -> None:
    (content / "pages").mkdir(parents=True, exist_ok=True)
    (content / "pages" / "journee.md").write_text(text, encoding="utf-8")


def post_on(day: int, hour: int = 10) -> Post:
    return Post(id=str(day), network="twitter", author="a", text="x", status="selected",
                date=datetime(2013, 4, day, hour, tzinfo=PARIS))


def test_the_day_file_says_it_all(tmp_path: Path) -> None:
    write_day(tmp_path)
    day = load_day(tmp_path, {"INVENTAIRE_DAY": "2020-01-01", "TIMEZONE": "UTC",
                              "INVENTAIRE_HASHTAGS": ["autre"]})
    assert (day.date, day.date_from, day.timezone) == (date(2013, 4, 19), "journee.md",
                                                       "Europe/Paris")
    assert day.hashtags == ["jdtap", "paris"] and day.city == "Lyon"
    assert day.weather == {9: "gris", 14: "soleil"}
    assert day.intro == "Ce qu'ils ont vu."


def test_each_field_falls_back_on_its_own(tmp_path: Path) -> None:
    write_day(tmp_path, "---\ntitle: La journée\ntemps: {'10': pluie}\n---\n")
    settings = {"INVENTAIRE_DAY": "2013-04-20", "TIMEZONE": "Europe/Paris",
                "INVENTAIRE_HASHTAGS": "#jdtap"}
    day = load_day(tmp_path, settings)
    assert (day.date, day.date_from) == (date(2013, 4, 20), "INVENTAIRE_DAY")
    assert (day.timezone, day.hashtags, day.weather) == ("Europe/Paris", ["jdtap"],
                                                         {10: "pluie"})


def test_date_from_the_newest_posts_folder_then_the_first_post(tmp_path: Path) -> None:
    assert load_day(tmp_path, {}) == Day()
    first = [post_on(21, 9).date, post_on(19, 23).date]
    assert (load_day(tmp_path, {}, first).date, load_day(tmp_path, {}, first).date_from) \
        == (date(2013, 4, 19), "first post")
    for name in ("2013-04-18", "2013-04-19", "2013-99-99", "brouillons"):
        (tmp_path / "posts" / name).mkdir(parents=True)
    day = load_day(tmp_path, {"INVENTAIRE_DAY": "pas une date"}, first)
    assert (day.date, day.date_from) == (date(2013, 4, 19), "posts folder")


def test_weather_holds_until_the_next_note() -> None:
    day = Day(weather={9: "gris", 14: "soleil"})
    assert [day.weather_at(h) for h in (8, 9, 12, 14, 23)] == ["", "gris", "gris",
                                                                 "soleil", "soleil"]


def test_midnight_epoch_in_the_days_zone() -> None:
    assert Day(date(2013, 4, 19), "Europe/Paris").midnight_epoch() == 1366322400
    assert Day(date(2013, 4, 19)).midnight_epoch() == 1366329600  # UTC
    assert Day(date(2013, 4, 19), "Mars/Olympus").midnight_epoch() == 1366329600
    assert Day().midnight_epoch() is None


def test_a_broken_day_file_raises_or_gives_way(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    write_day(tmp_path, "---\ndate: [\n---\n")
    with pytest.raises(PostFileError):
        load_day(tmp_path, {})
    with pytest.raises(PostFileError):
        read_day_file(tmp_path)
    with caplog.at_level(logging.WARNING):
        day = load_day(tmp_path, {"INVENTAIRE_DAY": "2013-04-19"}, strict=False)
    assert (day.date, day.date_from) == (date(2013, 4, 19), "INVENTAIRE_DAY")
    assert "journee.md" in caplog.text


def test_site_book_importer_and_stats_see_the_same_day(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_day(content, "---\ntitle: La journée\ntemps: {'09': gris}\n---\n")
    (content / "posts" / "2013-04-19").mkdir(parents=True)
    (tmp_path / "pelicanconf.py").write_text('PATH = "content"\nTIMEZONE = "Europe/Paris"\n',
                                             encoding="utf-8")
    settings = {"PATH": str(content), "TIMEZONE": "Europe/Paris"}
    site = load_site_day(settings, [], [post_on(21)])
    book = load_book_day(content, settings)
    stats, _figures, _selection = compute(tmp_path)
    args = argparse.Namespace(day=None, tz=None, hashtag=None)
    imported = day_filter(args, content)
    assert site.date == book.date == stats.date == imported.day == date(2013, 4, 19)
    assert site.weather_at(10) == book.weather_at(10) == "gris"
    assert site.timezone == book.timezone == "Europe/Paris"
    assert book.city == "Paris" and site.intro_html == ""  # no Pelican page: no intro
