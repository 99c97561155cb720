"""The crier's phone page and the wall in Chromium (issue 19): the round to come is
the one shown, a tap brings the next post, the type is large, the wall moves on by
itself; nothing is fetched from another host, no script fails. The browser's clock is
Playwright's, so nothing waits on real time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from chromium import served
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core.model import Declaimed

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PARIS = ZoneInfo("Europe/Paris")
PLACE = "place-de-la-bastille"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("live-browser")
    noon = datetime(2013, 4, 19, 12, 0, tzinfo=PARIS)
    posts = [made_up_post(i, date=noon + timedelta(minutes=i),
                          declaimed=Declaimed(PLACE, "15:00" if i < 3 else "16:00"))
             for i in range(5)]
    project = make_project(base, posts=posts)
    output = Path(build(project, book=False, search=False)["OUTPUT_PATH"])
    with served(output) as url:
        yield url



def open_at(browser: Any, url: str, when: datetime, width: int, height: int
            ) -> tuple[Any, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  timezone_id="Europe/Paris", reduced_motion="reduce")
    page = context.new_page()
    problems: list[str] = []
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith("http://127.0.0.1") else
               (problems.append(route.request.url), route.abort()))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.clock.install(time=when)
    page.goto(url)
    return page, problems


def test_the_criers_page_opens_on_the_coming_round_and_a_tap_goes_on(
        browser: Any, site: str) -> None:
    page, problems = open_at(browser, f"{site}crieurs/{PLACE}/",
                             datetime(2013, 4, 19, 14, 50, tzinfo=PARIS), 375, 700)
    cards = page.locator(".card[data-hour]")
    assert cards.count() == 5
    assert page.locator("#next").inner_text().replace("\u202f", " ") == "15 h"
    first = cards.nth(0).evaluate("c => c.offsetTop")
    assert page.evaluate("window.scrollY") == first
    size = page.locator(".say").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 28  # read at arm's length, in the street
    second = cards.nth(1).evaluate("c => c.offsetTop")
    page.mouse.click(180, 300)
    page.wait_for_function(f"window.scrollY >= {second} - 1")
    later, _ = open_at(browser, f"{site}crieurs/{PLACE}/",
                       datetime(2013, 4, 19, 15, 30, tzinfo=PARIS), 375, 700)
    assert later.locator("#next").inner_text().replace("\u202f", " ") == "16 h"
    fourth = later.locator(".card[data-hour]").nth(3).evaluate("c => c.offsetTop")
    assert later.evaluate("window.scrollY") == fourth  # the 16 h round's first post
    assert not problems


def test_the_wall_moves_on_by_itself(browser: Any, site: str) -> None:
    page, problems = open_at(browser, f"{site}mur/",
                             datetime(2013, 4, 19, 18, 0, tzinfo=PARIS), 1280, 720)
    posts = page.locator(".post")
    assert posts.count() == 5 and page.locator("a").count() == 0
    assert "on" in (posts.nth(0).get_attribute("class") or "")
    page.clock.run_for(12_500)
    assert "on" in (posts.nth(1).get_attribute("class") or "")
    assert "on" not in (posts.nth(0).get_attribute("class") or "").split()
    assert not problems
