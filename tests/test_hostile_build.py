"""An interrupted build, a withdrawn post, a dangerous --output (issue 6).

A build writes into a temporary folder next to ``output/`` and swaps it in at the
end, so a build killed halfway leaves the previous ``output/`` as it was, and pages a
previous build wrote for posts withdrawn since do not survive the next build.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.commands.cli import main
from inventaire.core.errors import UserError

SITE_ONLY = {"BOOK_ENABLED": False}

PAUSING_PLUGIN = '''
"""Test-only plugin: after the first page is written, say so and wait to be killed."""
import time
from pathlib import Path
from pelican import signals

FLAG = Path({flag!r})

def written(path, context=None):
    if not FLAG.exists():
        FLAG.write_text(str(path))
        time.sleep(600)

def register():
    signals.content_written.connect(written)
'''


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, posts=[made_up_post(i) for i in range(8)])


def test_a_build_killed_halfway_leaves_the_previous_output(project: Path,
                                                           tmp_path: Path) -> None:
    build(project, overrides=SITE_ONLY)
    before = snapshot(project / "output")
    assert "index.html" in before
    # The next build has one more post, and pauses after its first page.
    extra = made_up_post(99)
    from inventaire.core.postfile import write_post
    write_post(extra, project / "content" / "posts")
    plugins = tmp_path / "testplugins"
    plugins.mkdir()
    flag = tmp_path / "paused"
    (plugins / "pausing.py").write_text(PAUSING_PLUGIN.format(flag=str(flag)))
    command = [sys.executable, "-m", "inventaire.commands.cli", "--project", str(project), "build",
               "--site", "--set", f"PLUGIN_PATHS=['plugins', {str(plugins)!r}]",
               "--set", "PLUGINS=['inventaire.site', 'pausing']"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while not flag.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert flag.exists(), process.communicate(timeout=5)[0].decode()
        building = [p for p in project.iterdir() if p.name.startswith(".output.building-")]
        assert len(building) == 1 and any(building[0].rglob("*.html"))
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert snapshot(project / "output") == before
    assert not (project / "output" / "post" / extra.id).exists()
    # The next build cleans up what the killed one left, and publishes the new post.
    build(project, overrides=SITE_ONLY)
    assert (project / "output" / "post" / extra.id / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir()) == [
        "cache", "content", "output", "pelicanconf.py", "publishconf.py", "theme"]
    # The previous output was moved into the cache, where a detached rm deletes it.
    deadline = time.monotonic() + 30
    while any((project / "cache" / "trash").iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any((project / "cache" / "trash").iterdir())


def test_pages_of_a_withdrawn_post_are_deleted_by_the_next_build(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(project, publish=True, overrides=SITE_ONLY)
    target = made_up_post(3)
    page = project / "output" / "post" / target.id / "index.html"
    assert page.is_file()
    stray = project / "output" / "post" / "stray.html"
    stray.write_text("left by hand")
    assert main(["--project", str(project), "withdraw", target.id]) == 0
    build(project, publish=True, overrides=SITE_ONLY)
    assert not page.parent.exists()
    assert not stray.exists()
    for path in (project / "output").rglob("*"):
        if path.is_file():
            assert target.id.encode() not in path.read_bytes(), path


def test_output_option_builds_elsewhere_and_keeps_the_project_clean(
        project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "site"
    settings = build(project, overrides=SITE_ONLY, output=elsewhere)
    assert settings["OUTPUT_PATH"] == str(elsewhere.resolve())
    assert (elsewhere / "index.html").is_file()
    assert oct(elsewhere.stat().st_mode & 0o777) != oct(0o700)
    assert not (project / "output").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


@pytest.mark.parametrize("where", ["project", "content", "parent"])
def test_an_output_folder_that_holds_the_project_is_refused(
        project: Path, where: str) -> None:
    folder = {"project": project, "content": project / "content",
              "parent": project.parent}[where]
    before = snapshot(project)
    with pytest.raises(UserError, match="a build replaces its output folder entirely"):
        build(project, overrides=SITE_ONLY, output=folder)
    assert snapshot(project) == before


def test_a_foreign_non_empty_output_folder_is_refused(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.odt").write_text("years of work")
    with pytest.raises(UserError, match="is not empty and was not written by a build"):
        build(project, overrides=SITE_ONLY, output=folder)
    assert (folder / "thesis.odt").read_text() == "years of work"


def test_output_retention_keeps_a_deployment_checkout(project: Path) -> None:
    build(project, overrides=SITE_ONLY)
    git = project / "output" / ".git"
    git.mkdir()
    (git / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (project / "output" / "old.html").write_text("stale")
    build(project, overrides={**SITE_ONLY, "OUTPUT_RETENTION": [".git"]})
    assert (git / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert not (project / "output" / "old.html").exists()
