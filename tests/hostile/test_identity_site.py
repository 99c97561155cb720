"""The site keeps impostors apart and strangers' names isolated (issue 18, findings
2 and 3, site side).

One build of the real @flaneuse75, an impostor @flaneuse75 + U+200B, a Mastodon note
carrying the real tweet's id in the same minute, and a name holding a right-to-left
override: the real author's page lists only the real post, the impostor has its own
page and is shown « @flaneuse75⟨U+200B⟩ », each post has its own page, and every
name is printed inside ``<bdi>`` so that it cannot reverse the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile.test_identity import IMPOSTOR, NOTE, REAL
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build

REVERSED = "\u202eesuenâlF aL"
BIDI = made_up_post(5, author="bidi", author_name=REVERSED,
                    text="Un nom à l'envers. #jdtap")


@dataclass
class Site:
    output: Path

    def page(self, address: str) -> str:
        return (self.output / address / "index.html").read_text(encoding="utf-8")

    def texts(self) -> Iterator[tuple[Path, str]]:
        for path in sorted(self.output.rglob("*")):
            if path.is_file() and path.suffix in (".html", ".xml", ".json", ".atom", ".txt"):
                yield path, path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = make_project(tmp_path_factory.mktemp("identity"),
                           posts=[REAL, IMPOSTOR, NOTE, BIDI])
    build(project, publish=True, output=project / "output", book=False, search=False,
          overrides={"SITEURL": "", "RELATIVE_URLS": True,
                     "CACHE_PATH": str(project / "cache")})
    return Site(project / "output")


def test_the_real_authors_page_lists_only_the_real_post(site: Site) -> None:
    page = site.page("auteur/flaneuse75")
    assert "Le vrai message de la flâneuse." in page
    assert "imposteur" not in page


def test_the_impostor_has_its_own_page_and_shows_its_character(site: Site) -> None:
    pages = [path for path, text in site.texts() if path.parts[-3:-2] == ("auteur",)
             and "Le faux message de l" in text]
    assert [page.parent.name for page in pages] == ["flaneuse75-u200b"]
    page = pages[0].read_text(encoding="utf-8")
    assert "<h1>@<bdi>flaneuse75⟨U+200B⟩</bdi>" in page
    post = site.page(f"post/{IMPOSTOR.slug}")
    assert "@<bdi>flaneuse75⟨U+200B⟩</bdi>" in post
    authors = site.page("auteur")
    assert ">@<bdi>flaneuse75</bdi></a>" in authors
    assert ">@<bdi>flaneuse75⟨U+200B⟩</bdi></a>" in authors
    hidden = [path for path, text in site.texts() if "flaneuse75\u200b" in text]
    assert hidden == []  # never printed invisibly anywhere


def test_a_note_with_a_tweets_id_has_its_own_page(site: Site) -> None:
    assert "Le vrai message de la flâneuse." in site.page(f"post/{REAL.id}")
    note = site.page(f"post/mastodon-{REAL.id}")
    assert "La note qui prend l" in note and "Le vrai message" not in note


def test_names_are_printed_inside_bdi(site: Site) -> None:
    found = 0
    for path, text in site.texts():
        body = text.split("<body", 1)[-1]
        for match in re.finditer(REVERSED, body):
            found += 1
            before = body[:match.start()]
            assert before.endswith("<bdi>"), (path, before[-80:])
    assert found >= 4  # the post, the author's page, the authors, the hour


def test_other_networks_authors_keep_their_at_and_dots(site: Site) -> None:
    """Pelican's slugs dropped '@' and '.': a tweeter « zoeevilexample » would have
    shared the page of the Mastodon author zoe@evil.example."""
    assert "La note qui prend l" in site.page("auteur/zoe@evil.example")
    assert not (site.output / "auteur" / "zoeevilexample").exists()
