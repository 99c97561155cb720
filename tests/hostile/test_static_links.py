"""``{static}`` and ``{attach}`` in editors' pages (issue 18, finding 6).

Pelican publishes whatever file a page names with them, under its path relative to
``content/``: the raw exports, a post's original photo (the site publishes only its
derivatives), a file of the build machine, even written outside the output folder
(``{static}../../x``). Only files of ``content/pages/`` and ``content/media/`` that
no post names may be linked; ``check`` names each other one at its line, the build
leaves it out with a warning, and nothing is written outside ``output/``.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.commands.cli import main
from inventaire.core.model import Media
from PIL import Image

SITE_ONLY = {"BOOK_ENABLED": False, "INVENTAIRE_SEARCH": False}
EXPORT = "HOSTILE-EXPORT-LINE"
MACHINE = "HOSTILE-MACHINE-FILE"

PAGE = """---
title: Liens
slug: liens
---
Un export : [brut]({static}/sources/export.jsonl) et [joint]({attach}../sources/export.jsonl).

Hors du contenu : [machine]({static}../../machine.txt)

Plus haut encore : [évasion](|static|../../../escape.txt)

La photo d'un post : ![originale]({static}/media/post-1.jpg)

Permis : [programme]({static}/media/programme.pdf) ![plan]({attach}plan.png)
"""

RAW = """<html><head><title>Brut</title></head><body>
<a href="{static}../../machine.txt">machine</a> <a href="{static}/sources/export.jsonl">x</a>
<script>alert("HOSTILE-RAW")</script><a href="javascript:alert(1)" onclick="alert(2)">y</a>
</body></html>
"""


def files_outside(root: Path, project: Path) -> dict[str, bytes]:
    """Every file under ``root`` except the build's own folders."""
    skip = (root / "site", project / "cache")
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not any(p.is_relative_to(s) for s in skip)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    post = made_up_post(1, media=[Media(file="media/post-1.jpg", alt="une photo")])
    project = make_project(tmp_path / "deep", posts=[post, made_up_post(2)])
    content = project / "content"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(content / "media" / "post-1.jpg",
                                                  quality=95)
    (content / "media" / "programme.pdf").write_bytes(b"%PDF-1.4 programme")
    Image.new("RGB", (20, 20), (0, 90, 0)).save(content / "pages" / "plan.png")
    (content / "sources").mkdir()
    (content / "sources" / "export.jsonl").write_text(f'{{"text": "{EXPORT}"}}\n')
    (project / "machine.txt").write_text(MACHINE)  # beside content/, not in it
    (content / "pages" / "liens.md").write_text(PAGE, encoding="utf-8")
    (content / "pages" / "brut.html").write_text(RAW, encoding="utf-8")
    return project


def test_check_names_each_link_that_leaves_pages_and_media(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--project", str(project), "check"])
    out = capsys.readouterr().out
    page = project / "content" / "pages" / "liens.md"
    lines = [line for line in out.splitlines() if line.startswith(f"{page}:")]
    wanted = {5: "/sources/export.jsonl", 7: "../../machine.txt", 9: "../../../escape.txt",
              11: "/media/post-1.jpg"}
    for number, target in wanted.items():
        assert any(line.startswith(f"{page}:{number}: ") and target in line
                   and " — " in line for line in lines), (number, out)
    assert sum("../sources/export.jsonl" in line for line in lines) == 1  # the {attach}
    assert not any("programme.pdf" in line or "plan.png" in line for line in lines), out
    raw = project / "content" / "pages" / "brut.html"
    assert any(line.startswith(f"{raw}:2: ") and "machine.txt" in line
               for line in out.splitlines()), out
    assert status == 1


def test_the_build_publishes_nothing_from_sources_and_writes_only_in_output(
        project: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = project.parent.parent
    before = files_outside(root, project)
    original = hashlib.sha256((project / "content" / "media" / "post-1.jpg").read_bytes())
    output = root / "site"  # Pelican wrote ../machine.txt beside it, in root
    with caplog.at_level(logging.WARNING):
        build(project, overrides=SITE_ONLY, output=output)
    assert files_outside(root, project) == before  # nothing written outside output/
    published = {p.relative_to(output).as_posix(): p.read_bytes()
                 for p in output.rglob("*") if p.is_file()}
    for name, data in published.items():
        assert EXPORT.encode() not in data, name
        assert MACHINE.encode() not in data, name
        assert hashlib.sha256(data).digest() != original.digest(), name
        assert not name.endswith(("export.jsonl", "machine.txt", "escape.txt")), name
    # What may be linked is published and linked.
    assert "media/programme.pdf" in published
    page = published["liens/index.html"].decode()
    assert "programme.pdf" in page and "plan.png" in page
    assert "sources" not in page and "machine.txt" not in page
    assert any("liens.md:7:" in r.getMessage() for r in caplog.records), caplog.text
    # Pelican's .html pages are the editors' too: sanitised as their Markdown is.
    raw = published["brut/index.html"].decode()
    assert "HOSTILE-RAW" not in raw and "javascript:" not in raw and "onclick" not in raw
