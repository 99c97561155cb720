"""The register of withdrawals across import and build (issue 17, point 1): a withdrawn
author's posts are never imported again, and no output holds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile.leaks import Needles, find, normal
from hostile.tmpproject import make_project
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post

# Words no other file of the project holds: what the search of the outputs looks for.
RARE = {"retiree": ["Zygomorphique", "Quarkonium", "Xanthophylle"],
        "restee": ["Boustrophedon", "Cryptogamie", "Ptérodactyle"]}


def tweet(index: int, author: str, word: str) -> dict[str, object]:
    text = f"Sur la place, un mot rare : {word}. #jdtap"
    start = text.index("#jdtap")
    return {
        "created_at": f"Fri Apr 19 {8 + index:02d}:15:00 +0000 2013",
        "id_str": str(325200000000000000 + index), "full_text": text,
        "display_text_range": [0, len(text)],
        "entities": {"hashtags": [{"text": "jdtap", "indices": [start, start + 6]}],
                     "urls": [], "user_mentions": [], "symbols": []},
        "lang": "fr", "user": {"id_str": str(100 + len(author)), "screen_name": author,
                               "name": author.capitalize()},
    }


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.jsonl"
    lines = [tweet(index * 2 + offset, author, word)
             for offset, (author, words) in enumerate(RARE.items())
             for index, word in enumerate(words)]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def run(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def authors_of(project: Path) -> list[str]:
    return sorted(read_post(p).author for p in (project / "content/posts").rglob("*.md"))


def test_reimport_leaves_a_withdrawn_authors_posts_out_and_says_so(
        tmp_path: Path, export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    assert run(project, "import", "--no-progress", "--hashtag", "jdtap", "--day",
               "2013-04-19", str(export)) == 0
    posts = project / "content" / "posts"
    first = {p: p.read_bytes() for p in posts.rglob("*.md")}
    assert authors_of(project) == ["restee"] * 3 + ["retiree"] * 3
    assert run(project, "withdraw", "@retiree", "--reason", "asked by e-mail") == 0
    # A new post by the withdrawn author in a later export: never imported either.
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(tweet(9, "retiree", "Nouveaumot")) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert run(project, "import", "--no-progress", "--hashtag", "jdtap", "--day",
               "2013-04-19", str(export), str(later)) == 0
    out = capsys.readouterr().out
    assert "4 withdrawn (content/rights.yml)" in out
    assert "3 unchanged" in out
    assert {p: p.read_bytes() for p in posts.rglob("*.md")} == first


@pytest.mark.slow
def test_withdraw_an_author_reimport_build_and_find_none_of_their_posts(
        tmp_path: Path, export: Path) -> None:
    from inventaire.commands.build import build

    project = make_project(tmp_path)
    args = ("import", "--no-progress", "--status", "selected", "--hashtag", "jdtap",
            "--day", "2013-04-19", str(export))
    assert run(project, *args) == 0
    assert run(project, "withdraw", "@retiree") == 0
    # The same export again, with a post of the author's not imported before.
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(tweet(9, "retiree", "Nouveaumot")) + "\n", encoding="utf-8")
    assert run(project, *args, str(later)) == 0
    build(project, publish=True, overrides={"SITEURL": "", "RELATIVE_URLS": True},
          book=True)
    output = project / "output"
    assert sorted((output / "livre").glob("*.pdf")), "no book was built"
    posts = {read_post(p).id: read_post(p) for p in (project / "content/posts").rglob("*.md")}
    assert len(posts) == 6
    new = tweet(9, "retiree", "Nouveaumot")
    assert not find(output, Needles(str(new["id_str"]), normal(str(new["full_text"])),
                                    (normal("Nouveaumot"),)))
    for post in posts.values():
        word = next(w for w in RARE[post.author] if w in post.text)
        found = find(output, Needles(post.id, normal(post.text), (normal(word),)))
        if post.author == "retiree":
            assert not found, "\n".join(found)
        else:  # the control: the other author's posts are in the site and the book
            kinds = {line.split(" (")[1].split(")")[0] for line in found}
            assert {"text", "pdf"} <= kinds, found
