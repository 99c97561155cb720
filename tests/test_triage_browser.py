"""The triage page in a real headless Chromium, driven by the keyboard alone.

Three candidates selected with ``s`` must read ``status: selected`` in their files,
every other byte of every file as it was; ``c`` marks a post « à crier » at a place
and a round hour; ``u`` takes the last decision back; a post file dropped into
``content/posts/`` while the page is open appears without a reload. A page of
another origin, or the page without its token, changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from inventaire.commands.preview import preview_server
from inventaire.commands.triage import Triage
from inventaire.core.postfile import read_post
from live_fakes import QUICK_STOP
from test_triage import CANDIDATES, DAY, small_project, snapshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

@pytest.fixture
def served(root: Path, tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    project = small_project(root, tmp_path)
    token = "a-token-only-the-test-knows"
    server = preview_server(project / "output", 0, Triage(project / "content"), token)
    threading.Thread(target=server.serve_forever, kwargs=QUICK_STOP, daemon=True).start()
    yield project, f"http://127.0.0.1:{server.server_address[1]}", token
    server.shutdown()
    server.server_close()



def open_triage(browser: Any, url: str) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="fr-FR")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


def test_three_candidates_selected_with_the_keyboard(browser: Any,
                                                     served: tuple[Path, str, str],
                                                     artifacts: Path) -> None:
    project, base, token = served
    content = project / "content"
    folder = content / "posts" / DAY
    before = snapshot(content)
    page, errors = open_triage(browser, f"{base}/_triage/#t={token}")
    expect = pytest.importorskip("playwright.sync_api").expect
    items = page.locator("#posts > li")
    expect(items).to_have_count(4)  # the four candidates; the selected post is not to do
    for _ in range(3):
        page.keyboard.press("s")  # select, and go to the next
        expect(page.locator("#message")).to_contain_text("Retenu")
        page.locator("#message").evaluate("node => node.textContent = ''")
    expect(page.locator("#posts > li[data-status=selected]")).to_have_count(3)
    page.screenshot(path=str(artifacts / "triage-selected.png"), full_page=True)
    keys = sorted(CANDIDATES)[:3]
    after = snapshot(content)
    for name in before:
        wanted = before[name]
        if Path(name).name in keys:
            wanted = wanted.replace(b"status: candidate", b"status: selected")
        assert after[name] == wanted, name
    assert [read_post(folder / k).status for k in sorted(CANDIDATES)] == \
        ["selected", "selected", "selected", "candidate"]

    # u takes the last one back; c marks the current post « à crier ».
    page.keyboard.press("u")
    expect(page.locator("#message")).to_contain_text("Annulé")
    assert read_post(folder / keys[2]).status == "candidate"
    page.keyboard.press("c")
    expect(page.locator("#declaim-dialog")).to_be_visible()
    # Proposed: the round hour after the post's (the day is not today), at a place with
    # a crier (the post's own, Place des Vosges, has none): both editable.
    expect(page.locator("#declaim-time")).to_have_value("12:00")
    expect(page.locator("#declaim-place")).to_have_value("place-saint-sulpice")
    page.locator("#declaim-place").select_option("place-du-tertre")
    page.keyboard.press("Control+a")
    page.keyboard.type("12:00")
    page.keyboard.press("Enter")
    expect(page.locator("#message")).to_contain_text("À crier")
    marked = read_post(folder / keys[2])
    assert marked.declaimed is not None
    assert (marked.declaimed.place, marked.declaimed.time) == ("place-du-tertre", "12:00")
    assert (folder / keys[2]).read_bytes().replace(
        b"declaimed: {place: place-du-tertre, time: '12:00'}\n", b"") == before[
            f"posts/{DAY}/{keys[2]}"]

    # p moves the post to another place: its 'place:' line, nothing else.
    page.keyboard.press("p")
    expect(page.locator("#place-dialog")).to_be_visible()
    page.locator("#place-select").select_option("place-de-la-bastille")
    page.keyboard.press("Enter")
    expect(page.locator("#message")).to_contain_text("Lieu : Place de la Bastille")
    assert read_post(folder / keys[2]).place == "place-de-la-bastille"
    assert not errors


def test_a_new_post_appears_without_a_reload(browser: Any, served: tuple[Path, str, str],
                                             root: Path) -> None:
    project, base, token = served
    page, errors = open_triage(browser, f"{base}/_triage/#t={token}")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(page.locator("#posts > li")).to_have_count(4)
    name = "12h03-325187814959067138.md"
    source = root / "content" / "posts" / DAY / name
    text = source.read_text(encoding="utf-8").replace("status: candidate", "status: new")
    (project / "content" / "posts" / DAY / name).write_text(text, encoding="utf-8")
    expect(page.locator("#posts > li")).to_have_count(5, timeout=20_000)
    expect(page.locator("#posts > li").first).to_have_attribute("data-key", f"{DAY}/{name}")
    assert not errors


def test_without_the_token_or_from_another_origin_nothing_changes(
        browser: Any, served: tuple[Path, str, str]) -> None:
    project, base, token = served
    content = project / "content"
    before = snapshot(content)
    page, _errors = open_triage(browser, f"{base}/_triage/")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(page.locator("#message")).to_contain_text("jeton")
    page.keyboard.press("s")
    # Another origin (another port of 127.0.0.1 is another origin) posting to the API,
    # with the token even: refused by its Origin.
    other = browser.new_page()
    other.goto("about:blank")
    status = other.evaluate(
        """async ([url, token]) => {
             try {
               const r = await fetch(url, {method: "POST", mode: "no-cors",
                 headers: {"Content-Type": "text/plain"},
                 body: JSON.stringify({key: "x", action: "select"})});
               return r.status;
             } catch (e) { return "blocked"; }
           }""", [f"{base}/_triage/api/decide", token])
    assert status in (0, "blocked")  # an opaque answer: the server said 403, unread
    assert snapshot(content) == before


def test_axe_finds_no_serious_violation_on_the_triage_page(
        browser: Any, served: tuple[Path, str, str]) -> None:
    from test_browser import axe_source

    _project, base, token = served
    expect = pytest.importorskip("playwright.sync_api").expect
    context = browser.new_context(bypass_csp=True)  # to inject axe; the page's own CSP
    page = context.new_page()
    page.goto(f"{base}/_triage/#t={token}")
    expect(page.locator("#posts > li")).to_have_count(4)
    page.add_script_tag(content=axe_source())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    problems = [f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
                for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not problems, "\n".join(problems)
    context.close()
