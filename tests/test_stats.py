"""``inventaire stats``: the figures without Pelican, equal to the ``/chiffres/`` page."""

from __future__ import annotations

import json
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Entity, Post
from inventaire.core.postfile import write_post

PARIS = ZoneInfo("Europe/Paris")

CONF = '''PATH = "content"
TIMEZONE = "Europe/Paris"
PAGE_PATHS = ["pages"]
TAG_URL = "mot-diese/{slug}/"
'''


def make_post(pid: str, hour: int, text: str = "bonjour", status: str = "selected",
              consent: str = "unknown", place: str = "tertre", author: str = "alice",
              tags: tuple[str, ...] = ()) -> Post:
    entities = []
    for tag in tags:
        start = text.index("#" + tag)
        entities.append(Entity("hashtag", start, start + len(tag) + 1, tag))
    return Post(id=pid, network="twitter", author=author, text=text, entities=entities,
                date=datetime(2013, 4, 19, hour, 5, tzinfo=PARIS), place=place,
                status=status, consent=consent)  # type: ignore[arg-type]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (tmp_path / "pelicanconf.py").write_text(CONF, encoding="utf-8")
    (content / "places").mkdir(parents=True)
    (content / "places" / "tertre.md").write_text(
        "---\nname: Place du Tertre\nlat: 48.8865\nlon: 2.3408\n---\n", encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "journee.md").write_text(
        "---\ntitle: La journée\ndate: 2013-04-19\nhashtags: [jdtap]\n---\n", encoding="utf-8")
    posts = content / "posts"
    for post in (
        make_post("1", 9, "Soleil 🌞🌞 #jdtap #Paris", tags=("jdtap", "Paris")),
        make_post("2", 9, "Pluie #paris", author="Bob", tags=("paris",)),
        make_post("3", 14, "ailleurs 🌞", place="nulle-part"),
        make_post("4", 14, "pas encore", status="candidate"),
        make_post("5", 15, "retiré", status="withdrawn"),
        make_post("6", 15, "refusé", consent="refused"),
    ):
        write_post(post, posts)
    (posts / "cassé.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    return tmp_path


def stats_json(project: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["--project", str(project), "stats", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_counts_only_the_published_posts(project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = stats_json(project, capsys)
    assert data["day"] == "2013-04-19"
    assert (data["posts"], data["authors"], data["places"]) == (3, 2, 1)
    assert [(r["label"], r["count"]) for r in data["per_hour"] if r["count"]] == [
        ("9\u00a0h", 2), ("14\u00a0h", 1)]
    assert len(data["per_hour"]) == 24 and data["busiest_hour"]["url"] == "heure/09/"
    # The post at a place outside the gazetteer is counted, but under no place.
    assert data["per_place"] == [{"label": "Place du Tertre", "count": 2,
                                  "url": "lieu/tertre/", "note": ""}]
    # Case-insensitive hashtags, shown as first written; the day's own set apart.
    assert [(r["label"], r["count"]) for r in data["day_hashtags"]] == [("#jdtap", 1)]
    assert [(r["label"], r["count"], r["url"]) for r in data["top_hashtags"]] == [
        ("#Paris", 2, "mot-diese/paris/")]
    assert [(r["label"], r["count"]) for r in data["top_emoji"]] == [("🌞", 3)]
    assert data["top_emoji"][0]["note"]  # its French name


def test_summary_is_french_and_names_unreadable_files(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "stats"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("La journée en chiffres — vendredi 19 avril 2013\n")
    assert "3\u00a0messages publiés, 2\u00a0auteurs, 1\u00a0lieu" in out
    assert "Place du Tertre" in out and "#Paris" in out and "🌞" in out
    assert "retiré" not in out and "refusé" not in out
    assert "cassé.md" in err and "1 of 7 post files" in err


def test_missing_project_is_one_sentence(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(tmp_path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "pelicanconf.py not found" in err and "Traceback" not in err


class FiguresPage(HTMLParser):
    """The teaser (dt → dd) and each table's rows (th text, td text) of /chiffres/."""

    def __init__(self) -> None:
        super().__init__()
        self.teaser: dict[str, str] = {}
        self.tables: dict[str, list[tuple[str, str]]] = {}
        self._tag = ""
        self._text: list[str] = []
        self._caption = ""
        self._row: list[str] = []
        self._dt = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("dt", "dd", "caption", "th", "td") and ("scope", "col") not in attrs:
            self._tag, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._tag:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._tag:
            if tag == "tr" and len(self._row) == 2 and self._caption:
                self.tables.setdefault(self._caption, []).append((self._row[0], self._row[1]))
            if tag == "tr":
                self._row = []
            return
        text = " ".join("".join(self._text).split())
        self._tag = ""
        if tag == "dt":
            self._dt = text
        elif tag == "dd":
            self.teaser[self._dt] = text
        elif tag == "caption":
            self._caption = text
        else:
            self._row.append(text)


def number(text: str) -> int:
    return int("".join(c for c in text if c.isdigit()))


@pytest.mark.slow
def test_sample_day_equals_the_figures_page(sample_build: Path, root: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = stats_json(root, capsys)
    page = FiguresPage()
    page.feed((sample_build / "chiffres" / "index.html").read_text(encoding="utf-8"))
    assert data["posts"] == 252
    assert number(page.teaser["Messages"]) == data["posts"]
    assert number(page.teaser["Auteurs"]) == data["authors"]
    assert number(page.teaser["Lieux"]) == data["places"]
    assert number(page.teaser["Avec une image"]) == data["with_media"]
    assert number(page.teaser["Criés sur les places"]) == data["declaimed"]
    for caption, key in (("Messages par heure", "per_hour"),
                         ("Messages par lieu", "per_place"),
                         ("Messages par réseau", "per_network"),
                         ("Mots-dièse les plus employés", "top_hashtags"),
                         ("Émojis les plus employés", "top_emoji")):
        shown = [(label, number(count)) for label, count in page.tables[caption]]
        expected = [(" ".join(f"{r['label']} {r['note']}".split()), r["count"])
                    for r in data[key]]
        assert shown == expected, caption
        assert expected, caption
