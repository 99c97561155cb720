"""Navigation everywhere (issue 16, item 4), read from the sample day's publish build:
previous / next on place and author pages, hour jump links on long place pages,
« page 28 » opening the screen edition at that page, social-card metadata on every
page (a post's card: its words, time and place, its photo), names beside handles."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from inventaire.core.postfile import read_post


def html(build: Path, address: str) -> str:
    return (build / address / "index.html").read_text(encoding="utf-8")


def rels(page: str) -> dict[str, str]:
    return dict(re.findall(r'<a class="pager-(?:prev|next)" rel="(prev|next)" href="([^"]+)"',
                           page))


def test_place_pages_lead_to_their_neighbours_in_the_lists_order(sample_build: Path) -> None:
    listed = re.findall(r'<li><a href="\.\./(lieu/[^"]+)">', html(sample_build, "lieu"))
    assert len(listed) >= 3
    for index, address in enumerate(listed):
        links = rels(html(sample_build, address.rstrip("/")))
        if index:
            assert links["prev"].endswith(listed[index - 1]), address
        if index + 1 < len(listed):
            assert links["next"].endswith(listed[index + 1]), address


def test_author_pages_have_neighbours_and_names_beside_handles(sample_build: Path) -> None:
    authors = html(sample_build, "auteur")
    listed = re.findall(r'<li><a href="\.\./(auteur/[^"]+)">', authors)
    assert len(listed) >= 3 and 'class="post-name"' in authors
    middle = html(sample_build, listed[1].rstrip("/"))
    links = rels(middle)
    assert links["prev"].endswith(listed[0]) and links["next"].endswith(listed[2])
    assert re.search(r'rel="next"[^>]*>.*@\S+ <span class="post-name">', middle)


def test_long_place_pages_have_hour_jump_links(sample_build: Path) -> None:
    page = html(sample_build, "lieu/place-saint-sulpice")
    jumps = re.search(r'<nav class="hour-jumps".*?</nav>', page, re.S)
    assert jumps
    for target in re.findall(r'href="#(h\d+)"', jumps.group(0)):
        assert f'id="{target}"' in page


def test_book_page_links_open_the_screen_edition_where_the_post_is(sample_build: Path) -> None:
    """« page 28 » names the printed page; its link opens the screen edition, which
    has no blank pages, at the page that holds the post (its named destination)."""
    import pypdf

    screen = pypdf.PdfReader(sample_build / "livre" / "livre-ecran.pdf")
    where = {name: screen.get_destination_page_number(dest)
             for name, dest in screen.named_destinations.items()}
    links = [(path.parent.name, m) for path in (sample_build / "post").glob("*/index.html")
             for m in re.findall(r'href="([^"]*livre[^"]*)">page (\d+)<', path.read_text("utf-8"))]
    assert links
    moved = 0
    for post_id, (href, printed) in links:
        target = int(href.rsplit("#page=", 1)[1])
        assert href.split("#")[0].endswith("livre/livre-ecran.pdf"), href
        assert where[f"p-twitter-{post_id}"] + 1 == target, (post_id, href)
        moved += target != int(printed)
    assert moved, "no post moved: the screen edition should have no blank pages"


def test_every_page_has_a_social_card(sample_build: Path, root: Path) -> None:
    for path in sample_build.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        if "<head>" not in page or "pagefind" in path.parts:
            continue
        for name in ('property="og:title"', 'property="og:description"',
                     'property="og:url" content="https://', 'name="twitter:card"'):
            assert name in page, (path, name)
    with_photo = next(p for p in (read_post(f) for f in sorted(
        (root / "content" / "posts").rglob("*.md"))) if p.media and p.status == "selected")
    page = html(sample_build, f"post/{with_photo.id}")
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', page))
    assert meta["og:type"] == "article" and meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith("https://") and meta["og:image"].endswith(".jpg")
    words = " ".join(with_photo.text.split())
    assert unescape(meta["og:description"]).startswith(words[:40])
    assert "\u00b7" in meta["og:title"] and f"@{with_photo.author}" in meta["og:title"]
