"""``inventaire build`` on the command line: its exit status tells when something failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.tmpproject import small_project
from inventaire.commands.cli import main


def build(project: Path, *extra: str) -> int:
    return main(["--project", str(project), "build", "--output", str(project / "output"),
                 *extra])


def test_a_clean_build_exits_0(tmp_path: Path) -> None:
    project = small_project(tmp_path, count=6)
    assert build(project, "--site") == 0
    assert (project / "output" / "index.html").is_file()


def test_a_broken_post_file_makes_the_build_exit_1_but_builds_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    project = small_project(tmp_path, count=6)
    broken = project / "content" / "posts" / "2013-04-19" / "12h00-1.md"
    broken.write_text("---\nid: '1'\nnetwork: [twitter\n---\nTexte.\n", encoding="utf-8")
    assert build(project, "--site") == 1
    # The sample's site is French (DEFAULT_LANG), so are the editors' messages.
    assert "12h00-1.md:3: network: une liste entre crochets n'est pas fermée — fermez-la " \
        "par ]" in caplog.text
    assert "the build logged 1 error(s)" in capsys.readouterr().err
    assert (project / "output" / "index.html").is_file()


def test_a_wrong_book_setting_exits_1(tmp_path: Path,
                                      caplog: pytest.LogCaptureFixture) -> None:
    project = small_project(tmp_path, count=6)
    assert build(project, "--set", "BOOK_PLATE_PPI=-3") == 1
    assert "BOOK_PLATE_PPI" in caplog.text
    assert not (project / "output" / "livre" / "livre.pdf").exists()
