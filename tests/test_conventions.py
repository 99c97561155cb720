"""Conventions (issue 17, point 7 and the build summary of point 5): --version, each
command's --help with a description and an example, the Makefile's Pelican names, and
the summary a build ends with."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.cli import COMMANDS, HELP, main

ROOT = Path(__file__).resolve().parents[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("inventaire ") and out != "inventaire unknown"
    assert out.split()[1][:1].isdigit()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_has_a_description_and_an_example(
        command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    description, _example = HELP[command]
    assert " ".join(description.split()[:6]) in " ".join(out.split())
    assert "example:\n  inventaire " + command in out.replace("inventaire --update", "x")


def test_import_help_names_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for name in ("Twitter archives", "twarc", "Mastodon", "Bluesky"):
        assert name in out


@pytest.mark.parametrize(("alias", "command"), [("html", "inventaire build"),
                                                 ("devserver", "inventaire serve")])
def test_the_makefile_has_pelicans_names(alias: str, command: str) -> None:
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed", alias], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert command in dry


def test_rsync_upload_needs_a_destination() -> None:
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed", "-o", "publish",
                          "rsync_upload", "RSYNC_DEST=me@host:/srv/"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert 'rsync -rtvz --delete --chmod=D755,F644 output/ "me@host:/srv/"' in dry


def test_a_build_ends_with_a_summary(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(3)])
    assert main(["--project", str(project), "build", "--book"]) == 0
    out = capsys.readouterr().out
    summary = out[out.index("inventaire: wrote "):].splitlines()
    assert summary[0].endswith("file(s) in all") and "HTML page(s)" in summary[0]
    pdfs = [line for line in summary if ".pdf: " in line]
    assert any(line.strip().startswith(str(project / "output" / "livre" / "livre.pdf"))
               or line.strip().endswith("livre/livre.pdf: " + line.split(": ")[-1])
               for line in pdfs), summary
    assert all(line.split(": ")[-1].split()[0].isdigit() for line in pdfs)
    assert summary[-1].strip().endswith("error(s)") and "warning(s)" in summary[-1]
