"""The pages issue 16 added for visitors, in Chromium at a phone's and a desktop's
width: the book's page with its pictures, the photo gallery, the most shared posts
and « au hasard ». Every picture loads, nothing is wider than the window, nothing is
fetched from another host, no console error."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import axe_source, open_page, site_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["site_url"]  # the fixture, shared with test_browser.py

PICTURES = """(selector) => [...document.querySelectorAll(selector)].map(img => {
  const r = img.getBoundingClientRect();
  return {src: img.currentSrc, natural: img.naturalWidth, left: r.left, right: r.right,
          width: r.width, height: r.height, alt: img.alt};
})"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def load(browser: Any, url: str, width: int) -> tuple[Any, Any]:
    page, watch = open_page(browser, width)
    page.goto(url)
    page.evaluate("document.querySelectorAll('img[loading=lazy]')"
                  ".forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    return page, watch


@pytest.mark.parametrize("width", [375, 1280])
def test_the_book_page_shows_its_cover_and_spreads(browser: Any, site_url: str,
                                                   width: int) -> None:
    page, watch = load(browser, site_url + "livre/", width)
    cover = page.evaluate(PICTURES, ".book-cover img")
    spreads = page.evaluate(PICTURES, ".book-spread img")
    assert len(cover) == 1 and len(spreads) == 2
    for picture in cover + spreads:
        assert picture["natural"] > 0, picture["src"]
        assert picture["src"].endswith(".webp"), picture["src"]
        assert picture["left"] >= 0 and picture["right"] <= width, picture
        assert picture["alt"]
    # The cover is a book's cover (taller than wide), the spreads two pages side by side.
    assert cover[0]["height"] > cover[0]["width"] * 1.3
    assert all(s["width"] > s["height"] * 1.3 for s in spreads)
    assert cover[0]["width"] <= (240 if width == 375 else 260)
    assert page.evaluate(OVERFLOW) <= 0
    assert page.locator(".book-criers a[href$='.pdf']").count() >= 1
    watch.assert_clean()
    page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_photo_grid_fits_the_window_and_every_photo_loads(browser: Any, site_url: str,
                                                              width: int) -> None:
    page, watch = load(browser, site_url + "photos/", width)
    photos = page.evaluate(PICTURES, ".photo-grid img")
    assert len(photos) >= 10
    columns = len({round(p["left"]) for p in photos})
    assert columns == (2 if width == 375 else 5), columns
    for photo in photos:
        assert photo["natural"] > 0, photo["src"]
        assert photo["left"] >= 0 and photo["right"] <= width, photo
        assert photo["width"] >= 140, photo  # a photo, not a thumbnail's thumbnail
    assert page.evaluate(OVERFLOW) <= 0
    assert page.locator(".photo-grid a[href*='post/']").count() == len(photos)
    watch.assert_clean()
    page.context.close()


def test_au_hasard_opens_a_post_with_or_without_javascript(browser: Any,
                                                           site_url: str) -> None:
    page, watch = load(browser, site_url, 375)
    link = page.locator(".title-hasard a")
    assert str(link.get_attribute("href")).endswith("hasard/")
    # The script picks from the list the site serves: served a list of one post, the
    # link must open that one.
    urls = page.evaluate("fetch('hasard.json').then(r => r.json())")
    other = urls[len(urls) // 2]
    page.route("**/hasard.json", lambda r: r.fulfill(json=[other]))
    link.click()
    page.wait_for_url("**/" + other)
    assert page.locator("blockquote.post-text").count() == 1
    watch.assert_clean()
    page.context.close()
    context = browser.new_context(java_script_enabled=False)
    quiet = context.new_page()
    quiet.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site_url)
                else r.abort())
    quiet.goto(site_url)
    quiet.locator(".site-footer a[data-hasard]").click()
    quiet.wait_for_url("**/hasard/")
    chosen = quiet.locator("#hasard a.post-time")
    assert chosen.count() == 1
    chosen.click()
    quiet.wait_for_url("**/post/*/")
    context.close()
    # With script, /hasard/ itself leaves at once for a post, out of the history.
    page, watch = open_page(browser, 1280)
    page.goto(site_url + "hasard/", wait_until="commit")
    page.wait_for_url("**/post/*/")
    assert page.locator("blockquote.post-text").count() == 1
    watch.assert_clean()
    page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_most_shared_block_reads_on_the_home_page(browser: Any, site_url: str,
                                                      width: int) -> None:
    page, watch = load(browser, site_url, width)
    block = page.locator(".home-shared")
    assert block.is_visible()
    counts = page.locator(".home-shared .post-counts").all_inner_texts()
    assert len(counts) == 5 and all("j’aime" in c and "partage" in c for c in counts)
    assert page.locator(".home-shared article.post").count() == 5
    box = block.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate(OVERFLOW) <= 0
    watch.assert_clean()
    page.context.close()


def test_axe_finds_no_serious_violation_on_the_new_pages(browser: Any, site_url: str) -> None:
    script = axe_source()
    page, watch = open_page(browser)
    page.route("**/hasard.json", lambda r: r.abort())  # /hasard/ stays where it is
    problems: list[str] = []
    for path in ("livre/", "photos/", "hasard/", ""):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=script)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        problems += [f"/{path}: {v['id']} ({v['impact']}): {v['help']} "
                     f"{[n['target'] for n in v['nodes'][:3]]}"
                     for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not problems, "\n".join(problems)
    watch.errors = [e for e in watch.errors if "hasard.json" not in e and "Failed to load" not in e]
    watch.assert_clean()
    page.context.close()
