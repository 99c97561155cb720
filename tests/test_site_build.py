"""End to end on the sample day's publish build: every address, the right posts on
every list, nothing hidden leaking anywhere (issue 4's acceptance)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from inventaire.core.postfile import read_post
from inventaire.core.text.typography import format_hour

pytestmark = pytest.mark.slow


def all_posts(root: Path) -> list[Any]:
    return [read_post(p) for p in sorted((root / "content" / "posts").rglob("*.md"))]


def published(root: Path) -> list[Any]:
    return sorted((p for p in all_posts(root) if p.status == "selected"
                   and p.consent != "refused"), key=lambda p: p.sort_key())


def ids_on(page: Path) -> set[str]:
    return set(re.findall(r'href="[^"]*post/(\d+)/"', page.read_text(encoding="utf-8")))


def test_every_address_of_the_design_exists(sample_build: Path) -> None:
    for path in ("index.html", "heure/index.html", "heure/00/index.html", "heure/14/index.html",
                 "lieu/index.html", "auteur/index.html", "mot-diese/index.html",
                 "carte/index.html", "chiffres/index.html", "livre/index.html",
                 "recherche/index.html", "404.html", "robots.txt", "sitemap.xml",
                 "feeds/tout.atom.xml", "pagefind/pagefind-ui.js",
                 "theme/fonts/EBGaramond-Roman.woff2", "theme/fonts/OpenMoji-color.woff2"):
        assert (sample_build / path).is_file(), path


def test_hour_pages_list_exactly_their_posts(sample_build: Path, root: Path) -> None:
    posts = published(root)
    for hour in range(24):
        expected = {p.id for p in posts if p.date.hour == hour}
        page = sample_build / "heure" / f"{hour:02d}" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert f"<h1>{format_hour(hour)}</h1>" in html
        main = html.split('<ol class="posts"', 1)[-1] if expected else ""
        found = set(re.findall(r'href="[^"]*post/(\d+)/"', main))
        assert found == expected, hour


def test_place_pages_list_exactly_their_posts(sample_build: Path, root: Path) -> None:
    posts = published(root)
    slugs = {p.stem for p in (root / "content" / "places").glob("*.md")}
    assert slugs
    for slug in slugs:
        expected = {p.id for p in posts if p.place == slug}
        assert ids_on(sample_build / "lieu" / slug / "index.html") == expected, slug


def test_author_and_hashtag_pages(sample_build: Path, root: Path) -> None:
    posts = published(root)
    author = max({p.author for p in posts}, key=lambda a: sum(p.author == a for p in posts))
    expected = {p.id for p in posts if p.author == author}
    assert ids_on(sample_build / "auteur" / author.lower() / "index.html") == expected
    tags = sorted({t.casefold() for p in posts for t in p.hashtags if t.casefold() != "jdtap"})
    tag = tags[0]
    expected = {p.id for p in posts if tag in {t.casefold() for t in p.hashtags}}
    assert ids_on(sample_build / "mot-diese" / tag / "index.html") == expected
    index = (sample_build / "mot-diese" / "index.html").read_text(encoding="utf-8")
    assert f"mot-diese/{tag}/" in index


def listed_in_order(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8").split('<ol class="posts"', 1)[1]
    return re.findall(r'<a class="post-time" href="[^"]*post/(\d+)/"', html)


def test_the_days_hashtag_is_listed_in_pages_of_a_hundred_in_time_order(
        sample_build: Path, root: Path) -> None:
    posts = published(root)
    folder = sample_build / "mot-diese" / "jdtap"
    pages = [folder / "index.html", folder / "2" / "index.html", folder / "3" / "index.html"]
    assert len(posts) > 200 and not (folder / "4").exists()
    listed = [listed_in_order(page) for page in pages]
    assert [len(ids) for ids in listed] == [100, 100, len(posts) - 200]
    assert [i for ids in listed for i in ids] == [p.id for p in posts]  # the day in order
    second = pages[1].read_text(encoding="utf-8")
    assert f"{len(posts)}\u00a0messages, page 2 sur 3." in second
    assert 'href="../../../mot-diese/jdtap/" rel="prev"' in second
    assert 'href="../../../mot-diese/jdtap/3/" rel="next"' in second
    assert '<span aria-current="page">' in second
    sitemap = (sample_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "mot-diese/jdtap/3/" in sitemap


def test_permalink_has_neighbours_place_and_french_date(sample_build: Path, root: Path) -> None:
    posts = published(root)
    middle = posts[len(posts) // 2]
    html = (sample_build / "post" / middle.id / "index.html").read_text(encoding="utf-8")
    assert f"post/{posts[len(posts) // 2 - 1].id}/" in html
    assert f"post/{posts[len(posts) // 2 + 1].id}/" in html
    assert "vendredi 19 avril 2013, " in html and "\u00a0h\u00a0" in html
    if middle.place:
        assert f"lieu/{middle.place}/" in html
    assert "livre pas encore construit" in html or "page\u00a0" in html or "page " in html


def test_hidden_posts_appear_nowhere(sample_build: Path, root: Path) -> None:
    hidden = [p for p in all_posts(root) if p.status != "selected" or p.consent == "refused"]
    assert hidden
    text = "\n".join(path.read_text(encoding="utf-8", errors="replace")
                     for path in sample_build.rglob("*")
                     if path.suffix in (".html", ".xml", ".txt") and path.is_file())
    for post in hidden:
        assert post.id not in text, post.id
        assert not list(sample_build.glob(f"media/{post.id}*")), post.id


def test_no_page_loads_from_another_host(sample_build: Path) -> None:
    pattern = re.compile(
        r'<(?:script|link|img|source|iframe)[^>]+(?:src|href|srcset)="(https?:)?//')
    for page in sample_build.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not pattern.search(html), page
        assert "@import" not in html, page


def test_pages_are_french_with_a_skip_link(sample_build: Path) -> None:
    for name in ("index.html", "heure/14/index.html", "carte/index.html"):
        html = (sample_build / name).read_text(encoding="utf-8")
        assert '<html lang="fr">' in html and 'href="#contenu"' in html
        assert html.count("<h1") == 1


def test_photos_have_derivatives_without_metadata(sample_build: Path) -> None:
    from PIL import Image

    derivatives = list((sample_build / "media").glob("*.*"))
    assert derivatives, "the sample day has photos"
    assert {p.suffix for p in derivatives} == {".webp", ".jpg"}
    for path in derivatives[:6]:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert "icc_profile" not in image.info and "xmp" not in image.info, path
    pages = [p for p in (sample_build / "post").glob("*/index.html") if "<picture>" in
             p.read_text(encoding="utf-8")]
    assert pages
    html = pages[0].read_text(encoding="utf-8")
    assert 'loading="lazy"' in html and 'width="' in html and "srcset=" in html


def test_robots_sitemap_and_feed(sample_build: Path, root: Path) -> None:
    assert "User-agent: *" in (sample_build / "robots.txt").read_text(encoding="utf-8")
    sitemap = (sample_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "heure/14/" in sitemap and "404.html" not in sitemap
    feed = (sample_build / "feeds" / "tout.atom.xml").read_text(encoding="utf-8")
    assert published(root)[-1].id in feed


def test_book_page_says_not_built_without_editions(sample_build: Path) -> None:
    html = (sample_build / "livre" / "index.html").read_text(encoding="utf-8")
    assert "livre.pdf" in html or "pas encore construit" in html
