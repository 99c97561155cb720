"""New posts at a re-import land apart (issue 17, point 3; issue 19, item 2).

A re-import of the whole export used to add a thousand candidates beside the few
hundred the editors had already looked at. The first import writes candidates; a
re-import writes the posts it adds with ``status: new`` (the triage page shows them
first, ``check`` and the import's summary count them), never touching the others. A
new post is a candidate in every rule: shown, marked, in the preview; never published
nor printed.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from test_import_editors import export, posts_of, project, run  # noqa: F401 (fixture)

TEXTS = ("Un bus passe.", "La fontaine coule.", "Un pigeon, ailleurs.")


def test_a_reimport_marks_the_posts_it_adds_new_and_leaves_the_others(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    assert run(project, str(export(tmp_path / "first.jsonl", *TEXTS[:2]))) == 0
    first = posts_of(project)
    assert {read_post(p).status for p in first.values()} == {"candidate"}
    capsys.readouterr()
    assert run(project, str(export(tmp_path / "first.jsonl", *TEXTS))) == 0
    out = capsys.readouterr().out
    added = {i: p for i, p in posts_of(project).items() if i not in first}
    assert [read_post(p).status for p in added.values()] == ["new"]
    assert "1 new post(s) marked 'status: new'" in out
    assert {read_post(p).status for p in first.values()} == {"candidate"}
    assert main(["--project", str(project), "check"]) == 0
    assert "1 new post(s) waiting for triage" in capsys.readouterr().out


def test_status_given_at_the_import_wins(project: Path, tmp_path: Path) -> None:  # noqa: F811
    assert run(project, str(export(tmp_path / "first.jsonl", *TEXTS[:1]))) == 0
    assert run(project, "--status", "candidate",
               str(export(tmp_path / "all.jsonl", *TEXTS))) == 0
    assert {read_post(p).status for p in posts_of(project).values()} == {"candidate"}


def test_a_new_post_is_a_candidate_in_every_rule() -> None:
    from datetime import datetime

    post = Post(id="1", network="mastodon", author="ada", text="x",
                date=datetime(2013, 4, 19, 14, tzinfo=UTC), status="new")
    assert post.candidate
    assert post.visible(show_candidates=True) and not post.visible(show_candidates=False)
    assert not post.printable(require_consent=False)
