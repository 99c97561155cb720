"""The triage of ``inventaire serve``: its edits of the editors' files, and its guard.

Each decision changes one field of one file and no other byte (the editors' own
comments and quoting stay); a request from anywhere but the triage page (no token, a
foreign ``Origin`` or ``Host``, a form instead of JSON) is refused with 403 and
changes nothing. The browser side is in ``test_triage_browser.py``.
"""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from inventaire.commands.preview import preview_server
from inventaire.commands.triage import Triage, targets_for
from inventaire.core.places import load_places
from inventaire.core.post_edit import edit_post_file, set_fields
from inventaire.core.postfile import load_post, read_post
from live_fakes import QUICK_STOP

DAY = "2013-04-19"
CANDIDATES = ("08h49-325138946264985611.md", "10h56-325171080631648257.md",
              "11h39-325181916300853254.md", "11h44-325183073031114762.md")
PHOTO = "07h15-325115521986420736.md"

FILE = """---
id: "1"
network: mastodon
date: 2013-04-19T14:32:07+02:00
author: ada
place: place-des-vosges
status: candidate   # candidate | selected | withdrawn
consent: unknown
book: true
lang: fr
---
Le texte : tel quel, *pas* du Markdown.
  avec « ses » espaces.\x20\x20
"""


def small_project(root: Path, tmp: Path) -> Path:
    """A project with the sample's places, day file, four candidates and a photo."""
    project = tmp / "edition"
    content = project / "content"
    shutil.copytree(root / "content" / "places", content / "places")
    shutil.copytree(root / "content" / "pages", content / "pages")
    folder = content / "posts" / DAY
    folder.mkdir(parents=True)
    for name in (*CANDIDATES, PHOTO):
        shutil.copy2(root / "content" / "posts" / DAY / name, folder / name)
    for media in read_post(folder / PHOTO).media:
        target = content / media.file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / "content" / media.file, target)
    (project / "output").mkdir()
    (project / "output" / "index.html").write_text("<p>aperçu</p>", encoding="utf-8")
    return project


def snapshot(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file()}


@pytest.fixture
def served(root: Path, tmp_path: Path) -> Iterator[tuple[Path, int, str]]:
    project = small_project(root, tmp_path)
    token = "secret-token-for-tests"
    server = preview_server(project / "output", 0,
                            Triage(project / "content", {"INVENTAIRE_TRIAGE_TARGET": 2}), token)
    thread = threading.Thread(target=server.serve_forever, kwargs=QUICK_STOP, daemon=True)
    thread.start()
    yield project, int(server.server_address[1]), token
    server.shutdown()
    server.server_close()


def request(port: int, method: str, path: str, body: Any = None,
            headers: dict[str, str] | None = None) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    raw = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) \
        else body
    all_headers = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    connection.request(method, path, body=raw, headers=all_headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    kind = answer.getheader("Content-Type") or ""
    return answer.status, json.loads(data) if kind.startswith("application/json") else data


def page_headers(port: int, token: str) -> dict[str, str]:
    return {"Origin": f"http://127.0.0.1:{port}", "X-Triage-Token": token,
            "Content-Type": "application/json"}


# -- the file edits ---------------------------------------------------------------------


def test_a_status_change_touches_that_line_only_and_keeps_its_comment() -> None:
    after = set_fields(FILE, {"status": "selected"})
    assert after == FILE.replace("status: candidate", "status: selected")
    assert load_post(after).status == "selected"
    assert load_post(after).text == load_post(FILE).text


def test_a_missing_field_is_inserted_where_the_writer_puts_it_and_removed_again() -> None:
    marked = set_fields(FILE, {"declaimed": {"place": "place-des-vosges", "time": "15:00"}})
    lines = marked.split("\n")
    assert lines[lines.index("status: candidate   # candidate | selected | withdrawn") + 1] \
        == "declaimed: {place: place-des-vosges, time: '15:00'}"
    post = load_post(marked)
    assert post.declaimed is not None and post.declaimed.time == "15:00"
    assert set_fields(marked, {"declaimed": None}) == FILE


def test_a_block_valued_field_is_replaced_whole(tmp_path: Path) -> None:
    text = FILE.replace("place: place-des-vosges\n",
                        "place: place-des-vosges\ndeclaimed:\n  place: x\n  time: '13:00'\n")
    after = set_fields(text, {"declaimed": {"place": "place-du-tertre", "time": "16:00"}})
    assert "  place: x" not in after
    assert after.replace("declaimed: {place: place-du-tertre, time: '16:00'}\n", "") \
        == FILE


def test_an_edit_the_build_would_refuse_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(FILE.encode())
    with pytest.raises(Exception, match="status"):
        edit_post_file(path, {"status": "maybe"})
    assert path.read_bytes() == FILE.encode()


def test_targets_per_place_and_hour(root: Path) -> None:
    places = load_places(root / "content" / "places")
    targets = targets_for({"INVENTAIRE_TRIAGE_TARGET": 2, "INVENTAIRE_TRIAGE_TARGETS": {
        "place-du-tertre": 5, "place-des-vosges": {"14": 0, 15: 4}}}, places)
    assert targets["place-du-tertre"][9] == 5
    assert targets["place-des-vosges"][14] == 0 and targets["place-des-vosges"][15] == 4
    assert targets["place-des-vosges"][16] == 2 and targets["place-saint-sulpice"][3] == 2


# -- the server -------------------------------------------------------------------------


def test_the_state_lists_the_posts_with_their_text_as_text(served: tuple[Path, int, str]
                                                           ) -> None:
    project, port, token = served
    status, state = request(port, "GET", "/_triage/api/state",
                            headers={"X-Triage-Token": token})
    assert status == 200
    assert len(state["posts"]) == 5 and not state["errors"]
    one = next(p for p in state["posts"] if p["key"] == f"{DAY}/{CANDIDATES[0]}")
    assert one["text"] == read_post(project / "content" / "posts" / DAY / CANDIDATES[0]).text
    assert state["targets"]["place-du-tertre"]["14"] == 2
    again = request(port, "GET", "/_triage/api/state?since=" + state["version"],
                    headers={"X-Triage-Token": token})[1]
    assert again == {"version": state["version"], "same": True}


def test_a_decision_then_its_undo(served: tuple[Path, int, str]) -> None:
    project, port, token = served
    path = project / "content" / "posts" / DAY / CANDIDATES[1]
    before = path.read_bytes()
    status, answer = request(port, "POST", "/_triage/api/decide",
                             {"key": f"{DAY}/{CANDIDATES[1]}", "action": "declaim",
                              "place": "place-du-tertre", "time": "12:00"},
                             page_headers(port, token))
    assert status == 200, answer
    assert answer["post"]["declaimed"] == {"place": "place-du-tertre", "time": "12:00"}
    post = read_post(path)
    assert post.declaimed is not None and post.declaimed.place == "place-du-tertre"
    assert request(port, "POST", "/_triage/api/undo", {}, page_headers(port, token))[0] == 200
    assert path.read_bytes() == before


@pytest.mark.parametrize("case", ["no token", "wrong token", "foreign origin", "no origin",
                                  "foreign host", "a form", "a path outside"])
def test_a_request_not_from_the_triage_page_is_refused_and_changes_nothing(
        served: tuple[Path, int, str], case: str) -> None:
    project, port, token = served
    content = project / "content"
    before = snapshot(content)
    headers = page_headers(port, token)
    body: Any = {"key": f"{DAY}/{CANDIDATES[0]}", "action": "select"}
    expected = 403
    if case == "no token":
        del headers["X-Triage-Token"]
    elif case == "wrong token":
        headers["X-Triage-Token"] = token[:-1] + "x"
    elif case == "foreign origin":
        headers["Origin"] = "http://evil.example"
    elif case == "no origin":
        del headers["Origin"]
    elif case == "foreign host":
        headers["Host"] = f"evil.example:{port}"
        headers["Origin"] = f"http://evil.example:{port}"
    elif case == "a form":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = b"key=x&action=select"
    elif case == "a path outside":
        body = {"key": "../pages/journee.md", "action": "select"}
        expected = 400
    status, _answer = request(port, "POST", "/_triage/api/decide", body, headers)
    assert status == expected
    assert snapshot(content) == before


def test_the_posts_are_not_read_without_the_token_nor_by_another_host(
        served: tuple[Path, int, str]) -> None:
    _project, port, token = served
    assert request(port, "GET", "/_triage/api/state")[0] == 403
    assert request(port, "GET", "/_triage/api/state",
                   headers={"X-Triage-Token": token, "Host": "rebound.example"})[0] == 403
    assert request(port, "GET", "/", headers={"Host": "rebound.example"})[0] == 403
    status, page = request(port, "GET", "/_triage/")
    assert status == 200 and token.encode() not in page  # the page holds no secret
    assert request(port, "GET", "/")[0] == 200  # the preview itself


def test_photos_are_served_from_content_only(served: tuple[Path, int, str]) -> None:
    project, port, _token = served
    media = read_post(project / "content" / "posts" / DAY / PHOTO).media[0].file
    assert request(port, "GET", f"/_triage/media/{media}")[0] == 200
    assert request(port, "GET", "/_triage/media/../pages/journee.md")[0] == 404
    assert request(port, "GET", "/_triage/media/pages/journee.md")[0] == 404


def test_the_listing_is_the_projects_post_files(root: Path, tmp_path: Path) -> None:
    from inventaire.core.project import post_files

    project = small_project(root, tmp_path)
    posts = project / "content" / "posts"
    (posts / DAY / ".#08h49-325138946264985611.md").write_text("backup", encoding="utf-8")
    (posts / ".trash").mkdir()
    (posts / ".trash" / "x.md").write_text("old", encoding="utf-8")
    (posts / DAY / "notes.txt").write_text("not a post", encoding="utf-8")
    listed = [key for key, _stat in Triage(project / "content").listing()]
    assert listed == [p.relative_to(posts).as_posix() for p in post_files(project / "content")]
    assert len(listed) == 5


def test_a_withdrawn_authors_posts_are_not_listed(root: Path, tmp_path: Path) -> None:
    from inventaire.core.rights import Register

    project = small_project(root, tmp_path)
    content = project / "content"
    author = read_post(content / "posts" / DAY / CANDIDATES[0]).author
    register = Register.load(content)
    register.withdraw("author", author, "twitter", "2013-05-02", "asked by e-mail")
    register.save()
    state = Triage(content).state()
    assert author not in {post["author"] for post in state["posts"]}
    assert state["withdrawn_by_register"] >= 1


def test_a_hash_inside_a_quoted_value_is_not_taken_for_a_comment() -> None:
    text = FILE.replace("place: place-des-vosges", 'place: "place # vosges"')
    after = set_fields(text, {"place": "place-du-tertre"})
    assert after == FILE.replace("place: place-des-vosges", "place: place-du-tertre")


def test_an_unreadable_file_is_listed_with_its_problem_in_the_sites_language(
        root: Path, tmp_path: Path) -> None:
    project = small_project(root, tmp_path)
    path = project / "content" / "posts" / DAY / CANDIDATES[0]
    path.write_text(path.read_text(encoding="utf-8").replace("book: true", "book: non"),
                    encoding="utf-8")
    state = Triage(project / "content", {"DEFAULT_LANG": "fr"}).state()
    assert len(state["posts"]) == 4
    assert [error.split(": ", 1)[1] for error in state["errors"]] == [
        "book: 'non' est du français : le fichier attend true ou false — "
        "écrivez 'book: false'"]


def test_an_impostors_handle_is_shown_escaped(root: Path, tmp_path: Path) -> None:
    """A handle with a zero-width space never looks like the author's own."""
    project = small_project(root, tmp_path)
    content = project / "content"
    path = content / "posts" / DAY / CANDIDATES[1]
    real = read_post(path).author
    path.write_text(path.read_text("utf-8").replace(
        f"author: {real}\n", f"author: \"{real}\\u200b\"\n", 1), "utf-8")
    shown = {post["author"] for post in Triage(content).state()["posts"]}
    assert f"{real}⟨U+200B⟩" in shown
    assert not any("\u200b" in handle for handle in shown)
