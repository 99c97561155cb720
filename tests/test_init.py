"""``inventaire init`` (issue 17, point 6): a new edition for another city and day, built
from a small export with nothing copied, and no trace of Paris in its output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile.leaks import haystacks
from inventaire.commands.cli import main
from inventaire.commands.init import package_theme
from inventaire.core.day import read_day_file
from inventaire.core.places import load_places

WORDS = ("Sur le Plateau, un écureuil.", "Rue Saint-Denis, le soleil tape.",
         "Au parc La Fontaine, des enfants.")


def export(path: Path) -> Path:
    lines = []
    for index, words in enumerate(WORDS):
        text = f"{words} #jdtam"
        start = text.index("#jdtam")
        lines.append({
            "created_at": f"Sat Jun 21 {14 + index:02d}:15:00 +0000 2014",
            "id_str": str(478000000000000000 + index), "full_text": text,
            "display_text_range": [0, len(text)],
            "entities": {"hashtags": [{"text": "jdtam", "indices": [start, start + 6]}],
                         "urls": [], "user_mentions": [], "symbols": []},
            "lang": "fr", "user": {"id_str": "9", "screen_name": "mtlais",
                                   "name": "Montréalais"}})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def init(folder: Path) -> int:
    return main(["init", str(folder), "--day", "2014-06-21", "--tz", "America/Montreal",
                 "--hashtag", "#jdtam", "--city", "Montréal"])


def test_init_writes_an_edition_and_refuses_to_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "montreal"
    assert init(folder) == 0
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert names == ["README-editeurs.md", "content", "content/media", "content/pages",
                     "content/pages/colophon.md", "content/pages/journee.md",
                     "content/pages/preface.md", "content/places",
                     "content/places/lieu-exemple.md", "content/posts", "pelicanconf.py",
                     "publishconf.py"]
    day = read_day_file(folder / "content")
    assert day is not None
    assert (str(day.date), day.timezone, day.hashtags, day.city) == \
        ("2014-06-21", "America/Montreal", ["jdtam"], "Montréal")
    assert list(load_places(folder / "content" / "places")) == ["lieu-exemple"]
    assert not (folder / "theme").exists()
    assert (package_theme() / "templates" / "base.html").is_file()
    before = (folder / "pelicanconf.py").read_bytes()
    assert init(folder) == 1
    assert "already holds an edition" in capsys.readouterr().err
    assert (folder / "pelicanconf.py").read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["--day", "21/06/2014"], "is not a date"),
    (["--tz", "Plateau/Mont-Royal"], "is not a time zone"),
    (["--hashtag", "#"], "names no hashtag"),
])
def test_init_refuses_bad_values_in_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    given = {"--day": "2014-06-21", "--tz": "America/Montreal", "--hashtag": "jdtam",
             "--city": "Montréal"}
    given.update(dict(zip(args[::2], args[1::2], strict=True)))
    argv = ["init", str(tmp_path / "x")] + [x for pair in given.items() for x in pair]
    assert main(argv) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_a_new_edition_builds_with_no_trace_of_paris(tmp_path: Path) -> None:
    folder = tmp_path / "montreal"
    assert init(folder) == 0
    assert main(["--project", str(folder), "import", "--no-progress", "--status",
                 "selected", str(export(tmp_path / "jdtam.jsonl"))]) == 0
    assert main(["--project", str(folder), "build", "--book"]) == 0
    output = folder / "output"
    assert (output / "post" / "478000000000000000" / "index.html").is_file()
    assert sorted((output / "livre").glob("*.pdf")), "no book was built"
    # One known exception, a class name no reader sees: the stylesheet's .map-seine
    # (the map's river, which only Paris's map draws).
    traces = [f"{stack.path} ({stack.kind})" for stack in haystacks(output)
              if stack.kind in ("text", "pdf", "path", "gzip")
              and any(word in stack.raw.casefold().replace(".map-seine", "")
                      for word in ("paris", "seine"))]
    assert not traces, traces
    page = (output / "post" / "478000000000000000" / "index.html").read_text("utf-8")
    assert "heure de Montréal" in page
    # Every address of the contract, from the plugin's defaults (posts at 10 h, 11 h
    # and 12 h in Montréal).
    for address in ("heure/10/", "lieu/lieu-exemple/", "auteur/mtlais/", "mot-diese/jdtam/",
                    "post/478000000000000000/", "carte/", "chiffres/", "livre/",
                    "recherche/", ""):
        assert (output / address / "index.html").is_file(), address


# The contract's web addresses, as a new edition's settings give them.
ADDRESSES = {"ARTICLE_URL": "post/{slug}/", "AUTHOR_URL": "auteur/{slug}/",
             "TAG_URL": "mot-diese/{slug}/", "CATEGORY_URL": "lieu/{slug}/",
             "PAGE_URL": "{slug}/"}


def test_a_new_editions_settings_are_short_and_give_the_contract_addresses(
        tmp_path: Path) -> None:
    from inventaire.commands.build import load_settings

    folder = tmp_path / "montreal"
    assert init(folder) == 0
    written = (folder / "pelicanconf.py").read_text(encoding="utf-8")
    assert "ARTICLE_URL" not in written and "_SAVE_AS" not in written  # the defaults
    assert len(written.splitlines()) < 40
    settings = load_settings(folder)
    assert {name: settings[name] for name in ADDRESSES} == ADDRESSES
    assert settings["JINJA_ENVIRONMENT"]["autoescape"] is True
    assert settings["TIMEZONE"] == "America/Montreal"
    published = load_settings(folder, publish=True)
    assert published["SITEURL"] == "https://jdtam.example.org"  # this folder's, not the sample's
    assert published["ARTICLE_URL"] == "post/{slug}/"
