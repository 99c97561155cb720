"""One Markdown for the editors' pages: the site and the book print the same HTML."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest
from inventaire.book.day import read_page
from inventaire.core.markdown import markdown_html
from inventaire.core.places import Place
from inventaire.site.groups import place_groups
from inventaire.site.reader import InventaireReader
from pelican.settings import DEFAULT_CONFIG

PREFACE = """---
title: Préface
---
Ils l'ont fait : "tout noter" -- ou presque...

Note: la première ligne n'est pas une métadonnée.
"""


def site_page_html(content: Path, path: Path) -> str:
    settings = deepcopy(DEFAULT_CONFIG)
    settings["PATH"] = str(content)
    html, metadata = InventaireReader(settings).read(str(path))
    assert metadata["title"] == "Préface"
    assert html is not None
    return html


def test_the_preface_reads_the_same_on_the_site_and_in_the_book(tmp_path: Path) -> None:
    path = tmp_path / "pages" / "preface.md"
    path.parent.mkdir()
    path.write_text(PREFACE, encoding="utf-8")
    site = site_page_html(tmp_path, path)
    book = read_page(path)
    assert book is not None
    assert site == book.html
    assert "l’ont" in site and "l'ont" not in site
    assert "«\u202ftout noter\u202f»" in site and "–" in site and "…" in site
    # No Pelican ``meta``: a first line with a colon stays text.
    assert "<p>Note\u00a0: la première ligne n’est pas une métadonnée.</p>" in site


def test_place_intros_use_the_same_markdown() -> None:
    place = Place("tertre", "Place du Tertre", 48.8865, 2.3408,
                  intro="Là où l'on peint <<en plein air>>.")
    html = place_groups([], {"tertre": place})["tertre"].intro_html
    assert html == markdown_html(place.intro)
    assert html == "<p>Là où l’on peint «\u202fen plein air\u202f».</p>"


def test_headings_get_no_ids_unless_written() -> None:
    assert markdown_html("## Temps") == "<h2>Temps</h2>"
    assert markdown_html("## Temps {#temps}") == '<h2 id="temps">Temps</h2>'


def test_editors_html_cannot_run_or_leak() -> None:
    """A script, an event handler or a javascript: link pasted into an editors' page
    is not published; headings' ids, highlighting classes and site links stay."""
    from inventaire.core.markdown import markdown_html

    html = markdown_html("# Titre {#t}\n\nVoir [ici](javascript:alert(1)), "
                         "<script>alert(2)</script><img src=x onerror=alert(3)> "
                         "[la préface]({filename}/pages/preface.md) et "
                         "[le site](https://paris.fr).\n\n```\ncode\n```\n")
    assert "<script" not in html and "alert" not in html and "onerror" not in html
    assert "javascript:" not in html
    assert '<h1 id="t">' in html and 'class="highlight"' in html
    assert 'href="{filename}/pages/preface.md"' in html and 'href="https://paris.fr"' in html


@pytest.mark.parametrize("source", [
    "![Le bassin](https://example.org/bassin.jpg)",
    "![Le bassin](//example.org/bassin.jpg)",
    '<img src="HTTP://example.org/x.png" alt="Le bassin">',
    '<img srcset="a.jpg 1x, https://example.org/b.jpg 2x" src="a.jpg" alt="Le bassin">',
])
def test_an_image_from_another_host_is_left_out(source: str) -> None:
    html = markdown_html(source)
    assert "example.org" not in html
    assert "Le bassin" in html


def test_an_image_of_the_site_and_a_link_elsewhere_stay() -> None:
    html = markdown_html("![Le bassin](/media/bassin.jpg) [la Ville](https://paris.fr/)")
    assert 'src="/media/bassin.jpg"' in html and 'href="https://paris.fr/"' in html
