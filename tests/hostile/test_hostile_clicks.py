"""Every link of pages built from hostile input, clicked in headless Chromium (issue 18,
acceptance: « a Chromium test that clicks every link of a post page built from
hostile input and sees no dialog »).

The site is built from the hostile corpus (:mod:`hostile.corpus`: script, event
handlers, ``javascript:`` and ``data:`` addresses in texts, entities and mentions),
posts whose own ``url`` (the « original » link) is ``javascript:``, ``data:`` or
``vbscript:`` in mixed case with leading spaces, an editors' page and a place's
introduction with the same in Markdown and raw HTML. Each post page, each place page,
each author page and the editors' page is opened from 127.0.0.1 and every ``<a>`` is
clicked (by script, so hidden ones too). Navigations are recorded and stopped (so one
page serves all its clicks); a dialog (``alert``, ``confirm``, ``prompt``), a
console error, a request to another host, or an attempt to go to a ``javascript:``,
``data:``, ``vbscript:`` or ``file:`` address fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from chromium import served
from hostile import corpus
from hostile.tmpproject import DAY, make_project
from inventaire.commands.build import build
from inventaire.core.model import Post

pytestmark = [pytest.mark.browser]

FORBIDDEN = ("javascript:", "data:", "vbscript:", "file:")

HOSTILE_URLS = [
    ("twitter", "javascript:alert('HOSTILE-URL-JS')"),
    ("mastodon", "  JaVaScRiPt:alert('HOSTILE-URL-CASE')"),
    ("mastodon", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("bluesky", "\tvbscript:msgbox('HOSTILE-URL-VB')"),
    ("mastodon", "java\nscript:alert('HOSTILE-URL-NEWLINE')"),
]

PAGE = """---
title: Page piégée
slug: page-piegee
---
[clic](javascript:alert('HOSTILE-PAGE-MD')) [donnée](data:text/html,<script>alert(1)</script>)
[casse]( JAVASCRIPT:alert('HOSTILE-PAGE-CASE'))

<a href="javascript:alert('HOSTILE-PAGE-HTML')" onclick="alert('HOSTILE-ONCLICK')">html</a>
<a href="#" onmouseover="alert('HOSTILE-HOVER')">survol</a>
<svg><a xlink:href="javascript:alert('HOSTILE-SVG')"><text>svg</text></a></svg>
<form action="javascript:alert('HOSTILE-FORM')"><button>envoyer</button></form>
"""

INTRO = """
Le lieu : [piège](javascript:alert('HOSTILE-INTRO')) <a href="javascript:alert(2)">brut</a>
<img src="#" onerror="alert('HOSTILE-INTRO-IMG')">
"""


def url_posts() -> list[Post]:
    """Posts whose own address is a script: it would become the « original » link."""
    return [Post(id=str(corpus.BASE_ID + 200 + index), network=network,
                 author=f"urlhostile{index}", author_name=f"Adresse {index}",
                 date=DAY + timedelta(hours=17, minutes=index), text=f"Adresse piégée {index}",
                 url=url, status="selected", consent="granted")
            for index, (network, url) in enumerate(HOSTILE_URLS)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The hostile site, built once (publish settings, no book), served on 127.0.0.1."""
    project = make_project(tmp_path_factory.mktemp("clicks"),
                           posts=[*corpus.hostile_posts(), *url_posts()])
    content = project / "content"
    (content / "pages" / "page-piegee.md").write_text(PAGE, encoding="utf-8")
    place = sorted((content / "places").glob("*.md"))[0]
    place.write_text(place.read_text(encoding="utf-8") + INTRO, encoding="utf-8")
    build(project, publish=True, overrides={"SITEURL": "", "RELATIVE_URLS": True,
                                            "BOOK_ENABLED": False,
                                            "INVENTAIRE_SEARCH": False})
    output = project / "output"
    with served(output) as url:
        yield output, url



@dataclass
class Seen:
    """What the clicks caused that they must not."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    navigations: list[str] = field(default_factory=list)
    clicked: int = 0


def pages_to_click(output: Path) -> list[str]:
    """Every post page, place page and author page, and the editors' hostile page."""
    found = [p.parent.relative_to(output).as_posix() + "/"
             for folder in ("post", "lieu", "auteur")
             for p in sorted((output / folder).glob("*/index.html"))]
    return [*found, "page-piegee/"]


# Each link hovered and clicked, then one turn of the event loop: a javascript:
# address runs in a task of its own, before the next click could cancel it.
CLICK_ALL = """async () => {
  const links = [...document.querySelectorAll('a')];
  for (const a of links) {
    a.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    a.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
    await new Promise(done => setTimeout(done, 0));
  }
  await new Promise(done => setTimeout(done, 0));
  return links.length;
}"""


class Clicker:
    """One browser page that opens addresses and clicks each of their links, staying
    on the page (the navigations they start are recorded and stopped)."""

    def __init__(self, browser: Any, seen: Seen) -> None:
        self.seen, self.address, self.loaded = seen, "", False
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           locale="fr-FR")
        self.page = self.context.new_page()
        self.context.on("page", self.popup)  # a link opening another tab
        self.page.route("**/*", self.route)
        self.page.on("dialog", self.dialog)
        self.page.on("console", lambda m: seen.errors.append(f"{self.address}: {m.text}")
                     if m.type == "error" and "ERR_ABORTED" not in m.text else None)
        self.page.on("pageerror", lambda e: seen.errors.append(f"{self.address}: {e}"))
        self.page.on("framenavigated", lambda frame: seen.navigations.append(frame.url)
                     if self.loaded else None)

    def route(self, request_route: Any) -> None:
        request = request_route.request
        host = urlsplit(request.url).hostname
        if self.loaded and request.is_navigation_request():
            self.seen.navigations.append(request.url)  # followed no further
            request_route.abort("aborted")  # ERR_ABORTED: the page stays, no error page
        elif host not in ("127.0.0.1", "localhost"):  # a page fetching from elsewhere
            self.seen.outside.append(f"{self.address}: {request.url}")
            request_route.abort()
        else:
            request_route.continue_()

    def dialog(self, box: Any) -> None:
        self.seen.dialogs.append(f"{self.address}: {box.type} {box.message!r}")
        box.dismiss()

    def popup(self, other: Any) -> None:
        self.seen.navigations.append(other.url)
        other.close()

    def click_all(self, address: str) -> None:
        self.address, self.loaded = address, False
        self.page.goto(address)
        self.page.wait_for_load_state("load")
        self.loaded = True
        hrefs = self.page.eval_on_selector_all(
            "a", "links => links.map(a => a.getAttribute('href')"
                 " || a.getAttribute('xlink:href') || '')")
        self.seen.navigations.extend(h for h in hrefs
                                     if h.strip().lower().startswith(FORBIDDEN))
        self.seen.clicked += self.page.evaluate(CLICK_ALL)


def test_no_link_of_a_hostile_page_runs_script_or_leaves_the_web(
        browser: Any, site: tuple[Path, str]) -> None:
    output, base = site
    addresses = pages_to_click(output)
    posts = [a for a in addresses if a.startswith("post/")]
    assert len(posts) >= len(corpus.TEXTS) + len(HOSTILE_URLS) - 1, addresses
    assert any(a.startswith("lieu/") for a in addresses)
    assert any(a.startswith("auteur/") for a in addresses)
    seen = Seen()
    clicker = Clicker(browser, seen)
    for address in addresses:
        clicker.click_all(base + address)
    clicker.context.close()
    assert seen.clicked > 10 * len(addresses)  # the links were there to click
    assert not seen.dialogs, seen.dialogs
    bad = [n for n in seen.navigations if n.strip().lower().startswith(FORBIDDEN)
           or (not n.startswith(base)
               and urlsplit(n).scheme not in ("http", "https", "mailto"))]
    assert not bad, bad
    assert not seen.outside, seen.outside
    assert not seen.errors, seen.errors
