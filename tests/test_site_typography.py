"""French typography on every page, from the function the book shares
(:mod:`inventaire.core.text.typography`): the author's own spaces made unbreakable
and nothing else of a post changed, the editors' prose with ’ and French spaces,
and the time of day as « 15 h », never « 15 h 00 »."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from inventaire.core.text.typography import (
    NBSP,
    NNBSP,
    editors_spacing,
    format_hour,
    quote_spacing,
)

SPACES = {" ", NBSP, NNBSP}


@pytest.mark.parametrize("html", [
    "Au comptoir : café ; tartine !",
    "Une enseigne : « Tabac – Loto » ?",
    '<a href="https://x.org/a?b=c">#jdtap</a> : vu',
    "Lien https://exemple.org/a : et :) et 10:30",
    "Déjà insécable\u00a0: rien à faire",
])
def test_quote_spacing_changes_no_character_but_spaces(html: str) -> None:
    spaced = quote_spacing(html)
    assert len(spaced) == len(html)
    for before, after in zip(html, spaced, strict=True):
        assert before == after or (before == " " and after in SPACES), (before, after)
    assert not re.search(r" [:;!?»]|« ", spaced.replace("https:", "").replace(":)", ""))


def test_quote_spacing_leaves_tags_and_smileys_alone() -> None:
    html = '<a href="/mot-diese/x/" title="a : b">#x</a> :) 10 h'
    assert quote_spacing(html) == html.replace("> :)", "> :)")
    assert quote_spacing('<a title="a ; b">x</a>') == '<a title="a ; b">x</a>'


def test_editors_prose_gets_french_spaces_after_a_tag_too() -> None:
    html = "<p><strong>#jdtap</strong> : <em>Un jour</em>, l'ont « noté » ; fin.</p>"
    assert editors_spacing(html) == (f"<p><strong>#jdtap</strong>{NBSP}: <em>Un jour</em>, "
                                     f"l’ont «{NNBSP}noté{NNBSP}»{NNBSP}; fin.</p>")
    assert editors_spacing("<p>a <em>b</em> c</p>") == "<p>a <em>b</em> c</p>"


def test_a_full_hour_is_written_without_minutes() -> None:
    assert format_hour(15, 0) == f"15{NBSP}h"
    assert format_hour(15, 5) == f"15{NBSP}h{NBSP}05"


def test_the_built_site_never_writes_h_00_nor_a_breakable_space_before_a_mark(
        sample_build: Path) -> None:
    pages = sorted(sample_build.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not re.search(rf"\d[ {NBSP}]h[ {NBSP}]00\b", html), path
        body = re.sub(r"<(script|style|svg)\b.*?</\1>|<[^>]*>", "",
                      html.split("<body", 1)[-1], flags=re.S)
        assert not re.search(r"\w [;!?»]|« \w", body), (path, re.findall(
            r".{30}\w [;!?»].{10}|.{30}« \w.{10}", body)[:3])
    preface = (sample_build / "preface" / "index.html").read_text(encoding="utf-8")
    assert "l'" not in preface and "l’" in preface


def test_hours_in_editors_prose_are_never_cut() -> None:
    html = "<p>Il lit à chaque heure ronde, de 10 h à 19 h, et à 14 h 32 ; 3 heures.</p>"
    assert editors_spacing(html) == (f"<p>Il lit à chaque heure ronde, de 10{NBSP}h à "
                                     f"19{NBSP}h, et à 14{NBSP}h{NBSP}32{NNBSP}; 3 heures.</p>")
