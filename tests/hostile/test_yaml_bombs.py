"""YAML that stands for far more than it says (issue 18, finding 11).

A 667-byte post file of aliases of aliases (« billion laughs ») took ``check`` to a
MemoryError after 50 s; a value nested 100,000 deep gave RecursionError tracebacks in
``check``, ``authors``, ``stats`` and ``withdraw``. Editors' files (posts, places,
pages) are now refused before any value is built: an alias, an anchor or nesting
beyond a few levels is a ``path:line: field: … — fix`` line, in every command and in
the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.cli import main
from inventaire.core.front_matter import MAX_DEPTH
from inventaire.core.postfile import PostFileError, load_post, read_front_matter

HEAD = """---
id: "325312345678900777"
network: twitter
date: 2013-04-19T12:00:00+02:00
author: lol
"""

# Nine levels, each repeating the one before nine times: 9⁹ « lol » once built.
LAUGHS = HEAD + """extra:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
note: *i
author_name: *i
---
lol
"""
DEEP = HEAD + "note:\n" + "- " * 100_000 + "x\n---\ndeep\n"
DEEP_FLOW = HEAD + "note: " + "[" * 100_000 + "]" * 100_000 + "\n---\ndeep\n"
# Deeper than the project allows, shallower than libyaml's own limit (1000).
FIFTY = HEAD + "extra:\n  x: " + "[" * 50 + "]" * 50 + "\n---\nfifty\n"
ALIAS_ONLY = HEAD.replace("author: lol", "author: &who lol") + "author_name: *who\n---\nx\n"


def test_billion_laughs_is_refused_at_its_line() -> None:
    assert len(LAUGHS.encode()) < 700
    with pytest.raises(PostFileError) as caught:
        load_post(LAUGHS, "posts/2013-04-19/12h00-325312345678900777.md")
    error = caught.value
    assert (error.line, error.field) == (7, "extra")
    assert "anchor" in error.what and "'&a'" in error.what
    assert "aliases" in error.fix


def test_an_alias_alone_is_refused() -> None:
    with pytest.raises(PostFileError) as caught:
        load_post(ALIAS_ONLY, "x.md")
    assert caught.value.line == 5 and "anchor ('&who')" in caught.value.what


@pytest.mark.parametrize(("text", "line"), [(DEEP, 7), (DEEP_FLOW, 6)], ids=["block", "flow"])
def test_deep_nesting_is_refused_without_recursion(text: str, line: int) -> None:
    with pytest.raises(PostFileError) as caught:
        load_post(text, "x.md")
    assert (caught.value.line, caught.value.field) == (line, "note")
    assert "nest" in caught.value.what and "levels deep" in caught.value.fix


def test_nesting_beyond_the_limit_is_refused_by_the_project() -> None:
    with pytest.raises(PostFileError) as caught:
        load_post(FIFTY, "x.md")
    assert caught.value.line == 7 and caught.value.field == "extra"
    assert f"more than {MAX_DEPTH} levels" in caught.value.what


def test_an_ampersand_or_a_star_in_a_value_is_only_text() -> None:
    text = HEAD + ('author_name: "Tom & Jerry *"\nurl: https://x.example/?a=1&b=2\n'
                   "note: '&not an anchor, *not an alias'\n---\nok\n")
    post = load_post(text, "x.md")
    assert (post.author_name, post.url) == ("Tom & Jerry *", "https://x.example/?a=1&b=2")
    assert post.note == "&not an anchor, *not an alias"


@pytest.mark.parametrize("folder", ["places", "pages"])
def test_places_and_pages_are_read_the_same_way(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "bombe.md"
    path.parent.mkdir()
    path.write_text(LAUGHS.replace(HEAD, "---\nname: Bombe\n"), encoding="utf-8")
    with pytest.raises(PostFileError) as caught:
        read_front_matter(path)
    assert caught.value.line == 4 and "anchor" in caught.value.what
    path.write_text(DEEP.replace(HEAD, "---\nname: Bombe\n"), encoding="utf-8")
    with pytest.raises(PostFileError) as caught:
        read_front_matter(path)
    assert "nest" in caught.value.what


@pytest.fixture
def bombed(tmp_path: Path) -> Path:
    project = make_project(tmp_path, posts=[made_up_post(1, author="real")])
    day = project / "content" / "posts" / "2013-04-19"
    (day / "12h00-325312345678900777.md").write_text(LAUGHS, encoding="utf-8")
    (day / "12h00-325312345678900778.md").write_text(
        DEEP.replace("900777", "900778"), encoding="utf-8")
    return project


@pytest.mark.parametrize("command", [["check"], ["authors"], ["stats"],
                                     ["withdraw", "@real"]])
def test_no_command_gives_a_traceback(bombed: Path, command: list[str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--project", str(bombed), *command])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    # check speaks the project's language (French), the other commands English.
    said = out + err
    assert ("12h00-325312345678900777.md:7: extra: an anchor ('&a')" in said
            or "12h00-325312345678900777.md:7: extra: une ancre ('&a')" in said), said
    assert ("12h00-325312345678900778.md:7: note: values nest" in said
            or "12h00-325312345678900778.md:7: note: les valeurs s'imbriquent" in said)
    assert status == (1 if command == ["check"] else 0)


def test_the_sites_reader_refuses_a_page_bomb(tmp_path: Path) -> None:
    from inventaire.site.reader import InventaireReader
    from pelican.settings import DEFAULT_CONFIG

    page = tmp_path / "pages" / "preface.md"
    page.parent.mkdir()
    page.write_text(LAUGHS.replace(HEAD, "---\ntitle: Préface\n"), encoding="utf-8")
    reader = InventaireReader(dict(DEFAULT_CONFIG, PATH=str(tmp_path)))
    html, metadata = reader.read(str(page))
    assert html is None and metadata["status"] == "skip"


@pytest.mark.parametrize("text", [
    LAUGHS.replace(HEAD, "").replace("---\nlol\n", "withdrawals: []\n"),
    "withdrawals:\n" + "- " * 100_000 + "x\n",
], ids=["laughs", "deep"])
def test_the_register_of_withdrawals_is_read_the_same_way(tmp_path: Path, text: str) -> None:
    from inventaire.core.rights import Register

    (tmp_path / "rights.yml").write_text(text, encoding="utf-8")
    with pytest.raises(PostFileError) as caught:
        Register.load(tmp_path)
    assert caught.value.path.endswith("rights.yml") and caught.value.line == 2
