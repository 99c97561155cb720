"""The pages issue 16 added for visitors, in Chromium at a phone's and a desktop's
width: the book's page with its pictures, the photo gallery, the most shared posts
and « au hasard ». Every picture loads, nothing is wider than the window, nothing is
fetched from another host, no console error."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import browser, open_page, site_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["browser", "site_url"]  # the fixtures, shared with test_browser.py

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
