"""The built site in a real headless Chromium (Debian's, driven by Playwright).

The sample day's publish build is served from 127.0.0.1 by ``http.server``; every
request to another host is aborted and recorded, every console error is recorded,
and each test fails on either. Screenshots land in ``tests/artifacts/`` for people
to look at. axe-core comes from the PyPI package ``axe-playwright-python`` (its
bundled ``axe.min.js``), injected from the local file: nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from chromium import served
from inventaire.core.postfile import read_post

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "accueil": "",
    "heure": "heure/14/",
    "lieu": "lieu/place-saint-sulpice/",
    "carte": "carte/",
    "chiffres": "chiffres/",
    "livre": "livre/",
    "recherche": "recherche/",
}


@pytest.fixture(scope="module")
def site_url(sample_build: Path) -> Iterator[str]:
    """The built site on 127.0.0.1, on a free port, in a thread."""
    with served(sample_build) as url:
        yield url



@dataclass
class Watch:
    """What a page did that it should not: console errors, requests off localhost."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.outside, f"requests left localhost: {self.outside}"
        assert not self.errors, f"console errors: {self.errors}"


def open_page(browser: Any, width: int = 1280) -> tuple[Any, Watch]:
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  locale="fr-FR", reduced_motion="reduce")
    page = context.new_page()
    watch = Watch()

    def route(request_route: Any) -> None:
        host = urlsplit(request_route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            watch.outside.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    return page, watch


def selected(root: Path) -> list[Any]:
    posts = [read_post(p) for p in sorted((root / "content" / "posts").rglob("*.md"))]
    return sorted((p for p in posts if p.status == "selected" and p.consent != "refused"),
                  key=lambda p: p.sort_key())


def test_from_home_to_an_hour_a_post_its_place_and_the_map(browser: Any, site_url: str) -> None:
    page, watch = open_page(browser)
    page.goto(site_url)
    page.locator(".hour-strip a[href*='heure/14/']").click()
    page.wait_for_url("**/heure/14/")
    assert page.locator("h1").inner_text().replace("\u00a0", " ") == "14 h"
    first = page.locator("ol.posts .post-time").first
    first.click()
    page.wait_for_url("**/post/*/")
    assert page.locator("blockquote.post-text").count() == 1
    place = page.locator(".post-facts a[href*='lieu/']")
    place_name = place.inner_text()
    place.click()
    page.wait_for_url("**/lieu/*/")
    assert page.locator("h1").inner_text() == place_name
    page.get_by_role("navigation", name="Rubriques").get_by_role("link", name="Carte").click()
    page.wait_for_url("**/carte/")
    assert page.locator(".city-map .map-place").count() >= 1
    watch.assert_clean()
    page.context.close()


def test_search_finds_a_known_post(browser: Any, site_url: str, root: Path) -> None:
    posts = selected(root)
    known = next(p for p in posts if any(len(w) > 8 and w.isalpha() for w in p.text.split()))
    word = next(w for w in known.text.split() if len(w) > 8 and w.isalpha())
    page, watch = open_page(browser)
    page.goto(site_url + "recherche/")
    box = page.locator(".pagefind-ui__search-input")
    box.fill(word)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15_000)
    links = page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert any(f"post/{known.id}/" in href for href in links), (word, links)
    watch.assert_clean()
    page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_without_errors(browser: Any, site_url: str, artifacts: Path,
                                    root: Path, width: int) -> None:
    post = selected(root)[len(selected(root)) // 3]
    pages = {**PAGES, "message": f"post/{post.id}/"}
    page, watch = open_page(browser, width)
    for name, path in pages.items():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        target = artifacts / f"site-{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 5000, target
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways at {width} px ({overflow} px)"
    fonts = page.evaluate("Array.from(document.fonts).filter(f => f.status == 'loaded')"
                          ".map(f => f.family)")
    assert any("Garamond" in f for f in fonts), fonts
    watch.assert_clean()
    page.context.close()


def axe_source() -> str:
    package = pytest.importorskip("axe_playwright_python",
                                  reason="pip install axe-playwright-python (ships axe.min.js)")
    return (Path(package.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def test_axe_finds_no_serious_violation(browser: Any, site_url: str, root: Path) -> None:
    script = axe_source()
    post = selected(root)[0]
    page, watch = open_page(browser)
    problems: list[str] = []
    for path in [*PAGES.values(), f"post/{post.id}/", "auteur/", "mot-diese/", "heure/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=script)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"][:3]]
                problems.append(f"/{path}: {violation['id']} ({violation['impact']}): "
                                f"{violation['help']} {targets}")
    assert not problems, "\n".join(problems)
    watch.assert_clean()
    page.context.close()


def test_fonts_are_woff2_and_chart_emoji_use_openmoji(browser: Any, site_url: str) -> None:
    page, watch = open_page(browser)
    fonts: list[str] = []
    page.on("response", lambda r: fonts.append(r.url) if "/fonts/" in r.url and r.ok else None)
    page.goto(site_url + "chiffres/")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    label = page.locator(".chart .chart-emoji").first
    assert "OpenMoji" in label.evaluate("e => getComputedStyle(e).fontFamily")
    loaded = page.evaluate("Array.from(document.fonts).filter(f => f.status == 'loaded')"
                           ".map(f => f.family)")
    assert any("OpenMoji" in f for f in loaded) and any("Garamond" in f for f in loaded), loaded
    assert fonts and all(url.endswith(".woff2") for url in fonts), fonts
    watch.assert_clean()
    page.context.close()


LINE_STARTS = Path(__file__).parent / "browser" / "line_starts.js"


def line_start_pages(root: Path) -> list[str]:
    """The home page, the editors' pages, two places, every hour with posts and the
    permalinks of the posts with a space before a French mark."""
    posts = selected(root)
    marked = [p for p in posts if re.search(r" [:;!?»]|« ", p.text)][:12]
    hours = sorted({p.date.hour for p in posts})
    return ["", "preface/", "colophon/", "lieu/", "chiffres/", "livre/", "auteur/",
            "lieu/place-saint-sulpice/", "lieu/place-des-vosges/",
            *(f"heure/{h:02d}/" for h in hours), *(f"post/{p.id}/" for p in marked)]


@pytest.mark.parametrize("width", [375, 1280])
def test_no_line_starts_with_a_french_mark(browser: Any, site_url: str, root: Path,
                                           width: int) -> None:
    """No line box of the rendered text starts with ``: ; ! ? »`` or ends with «:
    the author's own spaces are unbreakable (DOM ``Range.getClientRects``)."""
    script = "(" + LINE_STARTS.read_text(encoding="utf-8") + ")"
    page, watch = open_page(browser, width)
    problems: list[str] = []
    for path in line_start_pages(root):
        page.goto(site_url + path)
        page.evaluate("document.fonts.ready")
        problems += [f"/{path}: {line}" for line in page.evaluate(script)]
    assert not problems, "\n".join(problems)
    watch.assert_clean()
    page.context.close()


LINE_LENGTHS = Path(__file__).parent / "browser" / "line_lengths.js"


def test_running_text_keeps_a_book_measure(browser: Any, site_url: str) -> None:
    """About 65–75 characters a line on the home, place and editors' pages (they ran
    98–106): the longest full line of their running text, on the DOM's line boxes."""
    script = "(" + LINE_LENGTHS.read_text(encoding="utf-8") + ")"
    page, watch = open_page(browser, 1280)
    for path in ("", "lieu/place-saint-sulpice/", "lieu/place-des-vosges/", "preface/",
                 "heure/14/"):
        page.goto(site_url + path)
        page.evaluate("document.fonts.ready")
        longest = page.evaluate(script)
        assert 55 <= longest["length"] <= 80, (path, longest)
    watch.assert_clean()
    page.context.close()


def test_chart_labels_stay_readable_on_a_phone_with_their_tables_folded(
        browser: Any, site_url: str) -> None:
    page, watch = open_page(browser, 375)
    page.goto(site_url + "chiffres/")
    page.evaluate("document.fonts.ready")
    sizes = page.locator(".chart .chart-label, .chart .chart-value").evaluate_all(
        "els => els.filter(e => e.getClientRects().length && e.textContent.trim())"
        ".map(e => [e.textContent, parseFloat(getComputedStyle(e).fontSize)])")
    assert sizes and all(size >= 12 for _label, size in sizes), sizes
    assert page.locator("details.figures-data table").count() >= 4
    assert not page.locator("details.figures-data table").first.is_visible()
    page.locator("details.figures-data summary").first.click()
    assert page.locator("details.figures-data table").first.is_visible()
    watch.assert_clean()
    page.context.close()


def test_footer_at_the_foot_and_underlines_clear_of_underscores(
        browser: Any, site_url: str) -> None:
    page, watch = open_page(browser, 1280)
    page.goto(site_url + "404.html")
    bottom = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect()"
                           ".bottom")
    assert abs(bottom - 900) <= 1, bottom
    page.goto(site_url + "heure/14/")
    style = page.locator(".post-author").first.evaluate(
        "e => { const s = getComputedStyle(e); return [s.textDecorationSkipInk, "
        "parseFloat(s.textUnderlineOffset) / parseFloat(s.fontSize)]; }")
    # EB Garamond's underscore reaches .18em below the baseline.
    assert style[0] == "none" and style[1] >= 0.22, style
    watch.assert_clean()
    page.context.close()


def test_place_and_author_pages_lead_to_their_neighbours(browser: Any, site_url: str) -> None:
    page, watch = open_page(browser, 375)
    for path in ("lieu/place-de-la-bastille/", "auteur/"):
        page.goto(site_url + path)
        if path == "auteur/":
            page.locator(".columns a").nth(1).click()
            page.wait_for_load_state()
        here = page.url
        pager = page.locator("nav.pager a[rel=next]")
        assert pager.count() == 1, here
        pager.click()
        page.wait_for_load_state()
        assert page.url != here
        assert page.locator("nav.pager a[rel=prev]").get_attribute("href")
    watch.assert_clean()
    page.context.close()


def test_search_speaks_french_in_the_sites_dress(browser: Any, site_url: str) -> None:
    """Results titled « 15 h 43 · Place Saint-Sulpice », the author on the line below
    and not in the excerpt, « Effacer », the site's font, filters by hour and place."""
    page, watch = open_page(browser, 375)
    page.goto(site_url + "recherche/")
    # The index has both filters. Read through the module the page's interface runs,
    # this also makes them loaded before the search: Pagefind's interface keeps the
    # filters of its first search when its own reading of them has not ended by then,
    # and under load it showed « Heure » alone.
    found = page.evaluate("async url => Object.keys(await (await import(url)).filters())",
                          site_url + "pagefind/pagefind.js")
    assert {"Heure", "Lieu"} <= set(found), found
    page.locator(".pagefind-ui__search-input").fill("fontaine")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
    page.locator(".is-author").first.wait_for(timeout=5_000)
    assert page.locator(".pagefind-ui__search-clear").inner_text().strip().lower() == "effacer"
    font = page.locator(".pagefind-ui__search-input").evaluate(
        "e => getComputedStyle(e).fontFamily")
    assert "Garamond" in font, font
    results = page.locator(".pagefind-ui__result").evaluate_all("""rs => rs.map(r => [
        r.querySelector('.pagefind-ui__result-title').innerText,
        (r.querySelector('.is-author') || {}).innerText || '',
        r.querySelector('.pagefind-ui__result-excerpt').innerText])""")
    posts = [r for r in results if "\u00b7" in r[0]]
    assert posts, results
    for title, author, excerpt in posts:
        assert re.fullmatch(r"\d{1,2}\u00a0h(\u00a0\d\d)? \u00b7 .+", title), title
        assert author.startswith("@") and author.split()[0] not in excerpt, (author, excerpt)
    # The filters come one by one as Pagefind loads them: each is waited for.
    for name in ("Heure", "Lieu"):
        page.locator(".pagefind-ui__filter-name", has_text=name).first.wait_for(
            timeout=10_000)
    names = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"Heure", "Lieu"} <= {n.strip() for n in names}, names
    watch.assert_clean()
    page.context.close()
