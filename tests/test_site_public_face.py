"""The default build is the public face; the preview (``--preview``, ``make serve``)
adds the candidates, marked.

``make all`` used to publish the editors' preview: the « Aperçu » banner on every
page, hatched candidates and figures that counted them. These tests build a small
project both ways, with a book edition on record (``pages.json``) so that a
candidate's page can be checked against what it says of the book.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.cli import main
from inventaire.commands.preview import PREVIEW_BUILD

CANDIDATE = made_up_post(4, status="candidate")


def build(project: Path, *extra: str) -> None:
    assert main(["--project", str(project), "build", "--site", "--output",
                 str(project / "output"), "--set", "INVENTAIRE_SEARCH=False", *extra]) == 0


def text(project: Path, address: str) -> str:
    return (project / "output" / address).read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    posts = [made_up_post(i) for i in range(4)] + [CANDIDATE]
    project = make_project(tmp_path, posts=posts)
    edition = project / "cache" / "book" / "edition"
    edition.mkdir(parents=True)
    (edition / "pages.json").write_text(json.dumps({
        "editions": [{"name": "livre-ecran", "title": "Édition pour l’écran",
                      "path": "livre/livre-ecran.pdf", "pages": 40, "size_bytes": 1000}],
        "posts": {f"twitter:{made_up_post(i).id}": 10 + i for i in range(4)},
        "screen_posts": {f"twitter:{made_up_post(i).id}": 10 + i for i in range(4)},
    }), encoding="utf-8")
    return project


def test_the_default_build_is_what_would_be_published(project: Path) -> None:
    build(project)
    pages = [p.read_text(encoding="utf-8") for p in (project / "output").rglob("*.html")]
    assert pages and not any("Aperçu" in page or "is-candidate" in page for page in pages)
    assert not (project / "output" / "post" / CANDIDATE.id).exists()
    assert "<dd>4</dd>" in text(project, "chiffres/index.html")
    page = text(project, f"post/{made_up_post(2).id}/index.html")
    assert 'href="../../livre/livre-ecran.pdf#page=12">page 12</a>' in page


def test_the_preview_shows_the_candidates_and_says_they_are_not_in_the_book(
        project: Path) -> None:
    assert "--preview" in PREVIEW_BUILD
    build(project, "--preview")
    assert "Aperçu" in text(project, "index.html")
    page = text(project, f"post/{CANDIDATE.id}/index.html")
    assert "pas dans le livre" in page and "pas encore construit" not in page
    assert "<dd>5</dd>" in text(project, "chiffres/index.html")
