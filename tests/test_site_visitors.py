"""What visitors of other archive sites expect (issue 16, item 5): the photo gallery
(``/photos/``), « au hasard » and « les plus partagés ».

One small project built once (site only, no book, no search index): photos of a
selected post, of a candidate, of a withdrawn post, of a post behind a content
warning and of a post marked sensitive; only the first may be in the grid. Counts of
shares and likes on public and hidden posts: only public ones ranked. Then the
sample day's publish build, whose gallery must hold every photo it publishes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core.model import Media, Metrics
from inventaire.core.postfile import read_post
from inventaire.site.hasard import chosen_at_build
from PIL import Image

HOSTILE_ALT = 'Un bus <img src=x onerror=alert(1)> & "vert"'
SHOWN = made_up_post(1, media=[Media(file="media/a.jpg", alt=HOSTILE_ALT)],
                     metrics=Metrics(2, 5))
CANDIDATE = made_up_post(2, status="candidate", media=[Media(file="media/b.jpg", alt="B")],
                         metrics=Metrics(100, 100))
WITHDRAWN = made_up_post(3, status="withdrawn", media=[Media(file="media/c.jpg", alt="C")],
                         metrics=Metrics(90, 90))
WARNED = made_up_post(4, network="mastodon", author="zoe@example.social",
                      media=[Media(file="media/d.jpg", alt="D")],
                      extra={"content_warning": "Divulgâcheur"}, metrics=Metrics(50, 50))
SENSITIVE = made_up_post(5, media=[Media(file="media/e.jpg", alt="E")],
                         extra={"sensitive": True})
PLAIN = made_up_post(6, metrics=Metrics(0, 9))
UNLISTED = made_up_post(7, network="mastodon", author="lou@example.social",
                        extra={"visibility": "unlisted"}, metrics=Metrics(70, 70))
LOUD = made_up_post(8, text="<script>alert(1)</script> Place & « partage » #jdtap",
                    metrics=Metrics(1, 1))
UNCOUNTED = made_up_post(9, metrics=Metrics(0, 0))
POSTS = [SHOWN, CANDIDATE, WITHDRAWN, WARNED, SENSITIVE, PLAIN, UNLISTED, LOUD, UNCOUNTED]


@dataclass
class Site:
    project: Path
    output: Path

    def page(self, address: str) -> str:
        return (self.output / address).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("visitors")
    project = make_project(base, posts=POSTS)
    for name, colour in zip("abcde", ("teal", "red", "blue", "green", "gray"), strict=True):
        Image.new("RGB", (900, 600), colour).save(project / "content" / "media" / f"{name}.jpg")
    build(project, publish=True, output=project / "output", book=False, search=False,
          overrides={"SITEURL": "", "RELATIVE_URLS": True,
                     "CACHE_PATH": str(project / "cache")})
    yield Site(project, project / "output")


def grid(page: str) -> list[str]:
    found = re.search(r'<ol class="photo-grid" role="list">(.*?)</ol>', page, re.S)
    return re.findall(r"<li>(.*?)</li>", found.group(1), re.S) if found else []


def test_the_gallery_shows_only_photos_a_visitor_may_see_unveiled(site: Site) -> None:
    cells = grid(site.page("photos/index.html"))
    assert len(cells) == 1, cells
    cell = cells[0]
    assert f'href="../post/{SHOWN.id}/"' in cell
    img = re.search(r"<img ([^>]*)>", cell)
    assert img is not None
    assert 'loading="lazy"' in img.group(1) and 'sizes="' in img.group(1)
    alt = re.search(r'alt="([^"]*)"', img.group(1))
    assert alt is not None and unescape(alt.group(1)) == HOSTILE_ALT
    assert "<img src=x" not in cell
    for url in re.findall(r'(\.\./media/[^" ,]+)', cell):
        assert (site.output / "photos" / url).resolve().is_file(), url


def test_the_gallery_is_in_the_navigation_of_every_page(site: Site) -> None:
    for address in ("index.html", f"post/{PLAIN.id}/index.html", "photos/index.html"):
        assert re.search(r'<nav class="site-nav".*?href="[^"]*photos/"[^>]*>Photos</a>',
                         site.page(address), re.S), address
    assert 'aria-current="page">Photos<' in site.page("photos/index.html")


def test_au_hasard_lists_the_published_posts_and_falls_back_to_one(site: Site) -> None:
    urls = json.loads(site.page("hasard.json"))
    published = sorted(f"post/{p.name}/" for p in (site.output / "post").iterdir())
    assert sorted(urls) == published
    assert f"post/{CANDIDATE.id}/" not in urls and f"post/{WITHDRAWN.id}/" not in urls
    fallback = chosen_at_build(urls)
    for address in ("index.html", f"post/{PLAIN.id}/index.html"):
        page = site.page(address)
        links = re.findall(r'<a href="([^"]+)" data-hasard="([^"]+)">', page)
        assert links, address
        for href, data in links:
            assert href.endswith("hasard/") and data.endswith("hasard.json"), (href, data)
        assert 'src="' in page and "theme/js/hasard.js" in page
    assert (site.output / "theme" / "js" / "hasard.js").is_file()
    # Without script, /hasard/ shows the post chosen at build time, and only that one.
    page = site.page("hasard/index.html")
    assert re.findall(r'<a class="post-time" href="([^"]+)"', page) == [f"../{fallback}"]
    assert 'data-hasard-list="../hasard.json"' in page


def test_the_build_time_choice_comes_from_the_content_not_the_clock() -> None:
    urls = [f"post/{n}/" for n in range(40)]
    assert chosen_at_build(urls) == chosen_at_build(list(urls))
    assert len({chosen_at_build(urls[:n]) for n in range(5, 40)}) > 3
    assert chosen_at_build([]) == ""


def test_the_most_shared_are_the_public_posts_ranked_by_their_counts(site: Site) -> None:
    page = site.page("index.html")
    block = re.search(r'<section class="home-shared".*?</section>', page, re.S)
    assert block is not None
    ranked = re.findall(r'<article class="post[^"]*" id="m(\d+)"', block.group(0))
    assert ranked == [PLAIN.id, SHOWN.id, LOUD.id]
    labels = [unescape(x).replace("\u00a0", " ") for x in
              re.findall(r'<p class="post-counts">([^<]*)</p>', block.group(0))]
    assert labels == ["0 partage · 9 j’aime", "2 partages · 5 j’aime", "1 partage · 1 j’aime"]
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in block.group(0)


def test_a_posts_page_says_its_counts_when_its_export_carried_them(site: Site) -> None:
    counted = unescape(site.page(f"post/{SHOWN.id}/index.html")).replace("\u00a0", " ")
    assert "<dt>Sur le réseau</dt><dd>2 partages · 5 j’aime, comptés à l’export</dd>" in counted
    assert "Sur le réseau" not in site.page(f"post/{SENSITIVE.id}/index.html")
    assert "Sur le réseau" not in site.page(f"post/{UNCOUNTED.id}/index.html")  # zeros


def test_no_counts_no_block() -> None:
    from inventaire.site.shared import most_shared

    class Article:
        def __init__(self, post: object) -> None:
            self.post = post

    assert most_shared([Article(UNCOUNTED), Article(made_up_post(10))]) == []
    assert [s.article.post.id for s in most_shared([Article(PLAIN), Article(UNLISTED)])] \
        == [PLAIN.id]


@pytest.mark.slow
def test_the_sample_days_gallery_holds_every_photo_it_publishes(
        sample_build: Path, root: Path) -> None:
    with_photos = {p.id for p in (read_post(f) for f in sorted(
        (root / "content" / "posts").rglob("*.md")))
        if p.status == "selected" and p.consent != "refused"
        and any(m.kind == "photo" and m.file for m in p.media)}
    assert with_photos
    page = (sample_build / "photos" / "index.html").read_text(encoding="utf-8")
    linked = {re.search(r'href="\.\./post/(\d+)/"', cell).group(1)  # type: ignore[union-attr]
              for cell in grid(page)}
    assert linked == with_photos
