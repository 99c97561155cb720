"""A post's hashtag links, resolved by the theme's ``texte`` filter, are the ones
Pelican's own pass over ``article.content`` writes (``site.posthtml``)."""

from __future__ import annotations

import copy
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from inventaire.site.posthtml import TEXT_FIELD, texte
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

HTML = ('Un 76 passe. <a class="hashtag" href="{tag}jdtap">#jdtap</a> '
        '<a class="hashtag" href="{tag}Flânerie">#Flânerie</a> '
        '<a class="hashtag" href="{tag}placedutertre">#placedutertre</a> '
        '<a class="url" href="https://example.org/{tag}x">lien</a>')


def post(relative: bool, tag_url: str) -> Article:
    conf = copy.deepcopy(DEFAULT_CONFIG)
    conf.update(PATH="/p/content", RELATIVE_URLS=relative, TAG_URL=tag_url,
                TAG_SAVE_AS=tag_url + "index.html")
    tags = [Tag("jdtap", conf), Tag("Flânerie", conf)]  # placedutertre: not the post's own
    return Article(HTML, metadata={
        "title": "t", "slug": "s", "tags": tags, TEXT_FIELD: HTML,
        "date": datetime(2013, 4, 19, tzinfo=ZoneInfo("Europe/Paris"))},
        settings=conf, source_path="/p/content/posts/s.md", context={})


@pytest.mark.parametrize(("relative", "siteurl"), [
    (False, "https://jdtap.example.org"), (False, "https://exemple.fr/jour/"),
    (False, ""), (True, "."), (True, "../.."), (True, "..")])
@pytest.mark.parametrize("tag_url", ["mot-diese/{slug}/", "tag/{slug}.html"])
def test_links_are_pelicans(relative: bool, siteurl: str, tag_url: str) -> None:
    article = post(relative, tag_url)
    resolved = texte(article, siteurl)
    assert str(resolved) == article.get_content(siteurl)
    assert "{tag}jdtap" not in resolved and "https://example.org/{tag}x" in resolved


def test_without_the_readers_text_pelicans_content_is_used() -> None:
    article = post(False, "t/{slug}/")
    delattr(article, TEXT_FIELD)
    assert str(texte(article, "https://a.b")) == article.content  # the page's own siteurl


def test_a_text_resolved_once_per_page_address_is_kept_on_the_post() -> None:
    """Kept per ``SITEURL``: each page depth gets its own links, again and again."""
    article = post(True, "mot-diese/{slug}/")
    for _round in range(2):
        for siteurl in (".", "../..", ".."):
            assert str(texte(article, siteurl)) == article.get_content(siteurl)
    setattr(article, TEXT_FIELD, HTML.replace("jdtap", "autre"))  # another text
    assert str(texte(article, "..")) == article.get_content("..").replace("jdtap", "autre")
    assert '"{tag}autre"' not in texte(article, "..")
