"""A post's and a page's address, formatted once, are the ones Pelican gives.

``site.plugin.addresses`` reads Pelican's ``url_format`` once for ``save_as`` and
``url`` and picks the setting as Pelican's ``get_url_setting`` does (kind, draft
status, language, the file's own ``save_as:``/``url:``). Each case compares it with
what Pelican itself answers for the same object.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from inventaire.site.plugin import addresses
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category

PATTERNS = [
    {},
    {"ARTICLE_URL": "post/{slug}/", "ARTICLE_SAVE_AS": "post/{slug}/index.html"},
    {"ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}/",
     "ARTICLE_SAVE_AS": "{date:%Y}/{date:%m}/{slug}/index.html"},
    {"ARTICLE_URL": "{author}/{category}/{slug}.html",
     "ARTICLE_SAVE_AS": "{author}/{category}/{slug}.html"},
    {"ARTICLE_URL": "{path}", "ARTICLE_SAVE_AS": "{path}"},
    {"ARTICLE_LANG_URL": "{lang}/{slug}/", "ARTICLE_LANG_SAVE_AS": "{lang}/{slug}/index.html",
     "DRAFT_URL": "brouillon/{slug}/", "DRAFT_SAVE_AS": "brouillon/{slug}/index.html",
     "PAGE_URL": "{slug}/", "PAGE_SAVE_AS": "{slug}/index.html",
     "DRAFT_PAGE_URL": "brouillons/{slug}/", "DRAFT_PAGE_SAVE_AS": "brouillons/{slug}.html"},
]


def settings(pattern: dict[str, Any]) -> dict[str, Any]:
    made = copy.deepcopy(DEFAULT_CONFIG)
    made.update(PATH="/projet/content", DEFAULT_LANG="fr", **pattern)
    return made


def article(conf: dict[str, Any], **metadata: Any) -> Article:
    fields = {"title": "Un titre", "slug": "325312345678900007",
              "date": datetime(2013, 4, 19, 14, 2, 7, tzinfo=ZoneInfo("Europe/Paris")),
              "author": Author("passant_1", conf), "category": Category("Place des Vosges", conf),
              **metadata}
    return Article("<p>x</p>", metadata=fields, settings=conf,
                   source_path="/projet/content/posts/2013-04-19/twitter-7.md", context={})


def page(conf: dict[str, Any], **metadata: Any) -> Page:
    return Page("<p>x</p>", metadata={"title": "Préface", "slug": "preface", **metadata},
                settings=conf, source_path="/projet/content/pages/preface.md", context={})


CASES = [
    ("article", {}), ("article", {"status": "draft"}), ("article", {"lang": "en"}),
    ("article", {"save_as": "ailleurs.html"}), ("article", {"url": "ailleurs/"}),
    ("page", {}), ("page", {"status": "draft"}), ("page", {"status": "hidden"}),
    ("page", {"save_as": "", "url": "x/"}), ("page", {"lang": "en"}),
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=range(len(PATTERNS)))
@pytest.mark.parametrize(("kind", "metadata"), CASES,
                         ids=[f"{kind}-{'-'.join(meta) or 'plain'}" for kind, meta in CASES])
def test_addresses_are_pelicans(pattern: dict[str, Any], kind: str,
                                metadata: dict[str, Any]) -> None:
    conf = settings(pattern)
    content = article(conf, **metadata) if kind == "article" else page(conf, **metadata)
    assert addresses(content) == (content.save_as, content.url)


def test_another_content_class_asks_pelican() -> None:
    class Odd(Article):
        def _expand_settings(self, key: str) -> str:  # type: ignore[override]
            return f"odd-{key}"

    conf = settings({})
    odd = Odd("<p>x</p>", metadata={"title": "t", "slug": "s",
                                    "date": datetime(2013, 4, 19, tzinfo=ZoneInfo("UTC"))},
              settings=conf, source_path="/projet/content/posts/s.md", context={})
    assert addresses(odd) == ("odd-save_as", "odd-url")


def test_a_slug_alone_does_not_make_every_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """The posts' addresses ask for the slug only: Pelican's ``url_format`` (a copy of
    the metadata, the relative path, the author's slug) is not made for them."""
    conf = settings(PATTERNS[1])
    content = article(conf)
    expected = (content.save_as, content.url)

    def refused(_self: Any) -> dict[str, Any]:
        raise AssertionError("url_format made for a slug")

    monkeypatch.setattr(Article, "url_format", property(refused))
    assert addresses(content) == expected
