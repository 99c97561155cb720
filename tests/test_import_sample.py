"""The sample day: importing its raw exports reproduces it, and re-importing changes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post

CONTENT = Path(__file__).parent.parent / "content"
EXPORTS = ("sources/jdtap-2013-04-19.jsonl", "sources/archive-jdtap_paris")


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not all((CONTENT / e).exists() for e in EXPORTS) or not (CONTENT / "posts").is_dir():
        pytest.skip("the sample day's exports are not generated yet")
    shutil.copytree(CONTENT, tmp_path / "content")
    # Thousands of fsyncs make the test slow and prove nothing here.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    return tmp_path


def run_import(project: Path) -> int:
    content = project / "content"
    return main(["--project", str(project), "import", "--no-progress",
                 *(str(content / e) for e in EXPORTS)])


@pytest.mark.slow
def test_sample_day_reimport(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = sample / "content" / "posts"
    editors = {p: p.read_bytes() for p in posts.rglob("*.md")}
    assert run_import(sample) == 0
    out, err = capsys.readouterr()
    # The editors' files are byte-identical and nothing conflicts with the exports.
    changed = [str(p) for p, data in editors.items() if p.read_bytes() != data]
    assert changed == []
    assert "conflict" not in out and "the export now says" not in err
    # Every other post of the day came in marked new, apart from the editors' choice.
    files = list(posts.rglob("*.md"))
    assert len(files) > len(editors)
    new = [read_post(p) for p in files if p not in editors]
    assert {p.status for p in new} == {"new"}
    assert f"{len(new)} new post(s) marked 'status: new'" in out
    assert all(p.date.date().isoformat() == "2013-04-19" for p in new)
    before = digests(sample / "content")
    assert run_import(sample) == 0
    assert digests(sample / "content") == before
    assert main(["--project", str(sample), "check"]) == 0
