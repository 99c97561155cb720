"""Golden cases for a post's HTML, in the markdown-it-py fixture style.

``tests/fixtures/render/posts.txt`` holds blocks of ``title / . / post file (YAML
front matter and text) / . / expected HTML / .``. To add a case, write its title and
post with an empty expected block, then check the HTML by eye before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from inventaire.core.postfile import load_post
from inventaire.core.text.render import render_text

FIXTURES = Path(__file__).parent / "fixtures" / "render" / "posts.txt"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """``[(title, post source, expected html)]`` from a fixture file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[tuple[str, str, str]] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", f"{path}:{index + 2}: expected '.' after the title"
        index += 2
        parts: list[list[str]] = [[], []]
        for part in parts:
            while lines[index] != ".":
                part.append(lines[index])
                index += 1
            index += 1
        cases.append((title, "\n".join(parts[0]) + "\n", "\n".join(parts[1])))
    return cases


def tag_url(tag: str) -> str:
    return f"/mot-diese/{tag.casefold()}/"


CASES = read_cases(FIXTURES)


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_render(title: str, source: str, expected: str) -> None:
    assert render_text(load_post(source), tag_url) == expected


def test_fixture_file_covers_the_required_cases() -> None:
    titles = " ".join(c[0] for c in CASES)
    for word in ("escaped", "astral", "Mastodon", "Bluesky", "Twitter", "t.co", "line breaks",
                 "script", "javascript:", "Jinja"):
        assert word in titles, word


def test_no_case_lets_markup_through() -> None:
    for _title, _source, expected in CASES:
        assert "<script" not in expected and "javascript:" not in expected.split('href="')[-1][:12]
