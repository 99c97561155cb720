"""``inventaire check`` names each hostile input it can see (issue 18, acceptance).

An editors' file (written by hand, or by an import of a crafted export) may hold a
``javascript:`` address, a media file outside the project, control characters, a
handle with invisible characters: the build makes each harmless; check says where
they are, in the ``path:line: field: … — fix`` form, and never with a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.check import problems
from inventaire.commands.cli import main
from inventaire.core.errors import PostFileError
from inventaire.core.model import Entity, Media
from inventaire.core.postfile import post_path

JS = made_up_post(1, url=" JavaScript:alert('HOSTILE')", text="@bob passe #jdtap",
                  entities=[Entity("mention", 0, 4, "bob", href="javascript:alert(1)")])
FILE = made_up_post(2, media=[Media(file="/etc/passwd", alt="mot de passe"),
                              Media(file="media/../../secret.jpg", alt="x"),
                              Media(url="data:text/html;base64,PHNjcmlwdD4=", alt="y")])
BELL = made_up_post(3, author_name="Cloche\x07", text="Ding\x1b[31m rouge #jdtap")
BIDI = made_up_post(4, author="\u202eadmin")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, posts=[JS, FILE, BELL, BIDI])


def _at(found: list[PostFileError], project: Path, post: object, field: str
        ) -> list[PostFileError]:
    path = str(post_path(post, project / "content" / "posts"))  # type: ignore[arg-type]
    return [f for f in found if f.path == path and f.field == field]


def test_addresses_and_files_outside_the_project_are_problems(project: Path) -> None:
    found = problems(project / "content")
    (url,) = _at(found, project, JS, "url")
    assert url.line == 4 and "is not an http(s) address" in url.what
    (link,) = _at(found, project, JS, "entities")
    assert "a link to 'javascript:alert(1)' is not an http(s) address" in link.what
    media = _at(found, project, FILE, "media")
    whats = " | ".join(m.what for m in media)
    assert "item 1: file '/etc/passwd' is not a file of content/media/" in whats
    assert "item 2: file 'media/../../secret.jpg' is not a file of content/media/" in whats
    assert "item 3: url 'data:text/html;base64,PHNjcmlwdD4=' is not an http(s)" in whats
    assert all(m.line == 11 for m in media), [m.line for m in media]


def test_control_and_bidi_characters_are_warnings(project: Path) -> None:
    warnings: list[PostFileError] = []
    problems(project / "content", warnings)
    (name,) = _at(warnings, project, BELL, "author_name")
    assert "control characters (U+0007)" in name.what
    (text,) = _at(warnings, project, BELL, "text")
    assert "U+001B" in text.what and text.line > 5  # the body's first line
    (handle,) = _at(warnings, project, BIDI, "author")
    assert "invisible or bidi characters (U+202E)" in handle.what
    assert "@⟨U+202E⟩admin" in handle.what


def test_check_exits_1_with_one_line_each_and_no_traceback(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "check"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "\x07" not in out and "\u202e" not in out and "\x1b" not in out
    words = [line.split(": ") for line in out.splitlines() if "content/posts/" in line]
    # path:line: field: … (a problem), path:line: warning: field: … (a warning)
    named = {w[2] if w[1] in ("warning", "avertissement") else w[1] for w in words}
    assert {"url", "media", "author_name", "text", "author"} <= named, named
    for line in out.splitlines():
        if "content/posts/" in line:
            assert " — " in line and line.split(":")[1].isdigit(), line
