"""What visitors of other archive sites expect (issue 16, item 5): the photo gallery
(``/photos/``) and « au hasard ».

One small project built once (site only, no book, no search index): photos of a
selected post, of a candidate, of a withdrawn post, of a post behind a content
warning and of a post marked sensitive; only the first may be in the grid. Then the
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
from inventaire.core.model import Media
from inventaire.core.postfile import read_post
from inventaire.site.hasard import chosen_at_build
from PIL import Image

HOSTILE_ALT = 'Un bus <img src=x onerror=alert(1)> & "vert"'
SHOWN = made_up_post(1, media=[Media(file="media/a.jpg", alt=HOSTILE_ALT)])
CANDIDATE = made_up_post(2, status="candidate", media=[Media(file="media/b.jpg", alt="B")])
WITHDRAWN = made_up_post(3, status="withdrawn", media=[Media(file="media/c.jpg", alt="C")])
WARNED = made_up_post(4, network="mastodon", author="zoe@example.social",
                      media=[Media(file="media/d.jpg", alt="D")],
                      extra={"content_warning": "Divulgâcheur"})
SENSITIVE = made_up_post(5, media=[Media(file="media/e.jpg", alt="E")],
                         extra={"sensitive": True})
PLAIN = made_up_post(6)
POSTS = [SHOWN, CANDIDATE, WITHDRAWN, WARNED, SENSITIVE, PLAIN]


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
            assert href.endswith(fallback) and data.endswith("hasard.json"), (href, data)
        assert 'src="' in page and "theme/js/hasard.js" in page
    assert (site.output / "theme" / "js" / "hasard.js").is_file()


def test_the_build_time_choice_comes_from_the_content_not_the_clock() -> None:
    urls = [f"post/{n}/" for n in range(40)]
    assert chosen_at_build(urls) == chosen_at_build(list(urls))
    assert len({chosen_at_build(urls[:n]) for n in range(5, 40)}) > 3
    assert chosen_at_build([]) == ""


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
