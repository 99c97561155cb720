"""The pages that carry the search mark are noted as they are rendered.

The search step used to read every written page again to find the mark; the writer
now notes it (``site/pagemarks.py``), render workers included, and the search step
reads only what has no note, or whose file is no longer the one noted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from inventaire.site import pagemarks, search
from inventaire.site.search import searchable_pages
from inventaire.site.sitemap import html_pages


class Template:
    name = "article.html"

    def __init__(self, html: str) -> None:
        self.html = html

    def render(self, context: dict[str, Any]) -> str:
        return self.html


def test_a_rendered_page_is_noted_with_its_mark_and_its_size() -> None:
    notes: dict[str, pagemarks.Note] = {}
    marked = '<main data-pagefind-body>église</main>'
    template = pagemarks.MarkedTemplate(Template(marked), notes)
    assert template.name == "article.html"
    assert template.render({"output_file": "post/1/index.html"}) == marked
    pagemarks.MarkedTemplate(Template("<p>liste</p>"), notes).render(
        {"output_file": "./heure/index.html"})
    assert notes == {"post/1/index.html": (True, len(marked.encode("utf-8"))),
                     "heure/index.html": (False, len("<p>liste</p>"))}


def test_noted_pages_are_not_read_again(tmp_path: Path) -> None:
    (tmp_path / "post").mkdir()
    (tmp_path / "post" / "a.html").write_text("<p>x</p>")  # 8 bytes, no mark
    (tmp_path / "post" / "b.html").write_text('<p data-pagefind-body>x</p>')
    (tmp_path / "c.html").write_text('<p data-pagefind-body>y</p>')  # no note: read
    html = html_pages(tmp_path)
    # The note is trusted while the file has its size (a.html is not opened)...
    noted = {"post/a.html": (True, 8), "post/b.html": (False, 27)}
    assert searchable_pages(tmp_path, html, noted) == {"post/a.html", "c.html"}
    # ... and a file of another size than noted (rewritten since) is read again.
    noted = {"post/a.html": (True, 9), "post/b.html": (False, 28)}
    assert searchable_pages(tmp_path, html, noted) == {"post/b.html", "c.html"}
    assert searchable_pages(tmp_path, html) == {"post/b.html", "c.html"}


def test_notes_are_taken_once_and_a_new_build_drops_the_old(tmp_path: Path) -> None:
    context: dict[str, Any] = {}
    notes = pagemarks.begin(context, tmp_path / "a")
    assert context[pagemarks.NOTES] is notes
    notes["x.html"] = (True, 1)
    pagemarks.begin({}, tmp_path / "b")  # the next build
    assert pagemarks.take(tmp_path / "a") == {}
    pagemarks.begin(context, tmp_path / "a")["y.html"] = (False, 2)
    assert pagemarks.take(tmp_path / "a") == {"y.html": (False, 2)}
    assert pagemarks.take(tmp_path / "a") == {}


def test_a_workers_notes_come_back_through_its_file(tmp_path: Path) -> None:
    with open(tmp_path / "notes", "w+b") as file:
        pagemarks.send({"p/index.html": (True, 12), "q.html": (False, 3)}, file)
        notes: dict[str, pagemarks.Note] = {"r.html": (True, 1)}
        pagemarks.receive(file, notes)
    assert notes == {"p/index.html": (True, 12), "q.html": (False, 3), "r.html": (True, 1)}
    with open(tmp_path / "cut", "w+b") as file:  # a worker that died while writing
        file.write(b'{"p/index.html":[tr')
        pagemarks.receive(file, notes)
    assert len(notes) == 3


def test_html_pages_lists_what_os_walk_lists(tmp_path: Path) -> None:
    for name in ("index.html", ".cache.html", "a/b/c/index.html", "a/x.txt",
                 ".hidden/index.html", "a/.git/y.html", "pagefind/p.html",
                 "a/pagefind/q.html", "z/index.htm", "z/index.HTML"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "a" / "file-link.html").symlink_to(tmp_path / "index.html")
    walked: list[str] = []
    for base, dirs, files in os.walk(tmp_path):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "pagefind"]
        folder = Path(base).relative_to(tmp_path).as_posix()
        prefix = "" if folder == "." else f"{folder}/"
        walked.extend(prefix + name for name in files if name.endswith(".html"))
    assert html_pages(tmp_path) == sorted(walked) == [
        ".cache.html", "a/b/c/index.html", "a/file-link.html", "index.html"]


@pytest.mark.parametrize("workers", [1, 3])
def test_a_build_notes_every_page_it_renders(tmp_path: Path, monkeypatch: Any,
                                             workers: int) -> None:
    """Every page of the site is noted, by whichever process rendered it, with the
    mark its file carries: the search step reads none of them again."""
    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build

    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(6)])
    taken: list[dict[str, pagemarks.Note]] = []
    take = pagemarks.take

    def spy(output: Any) -> dict[str, pagemarks.Note]:
        taken.append(take(output))
        return taken[-1]

    monkeypatch.setattr(pagemarks, "take", spy)
    build(project, book=False, overrides={"INVENTAIRE_RENDER_WORKERS": workers})
    output = project / "output"
    html = html_pages(output)
    assert len(taken) == 1
    notes = taken[0]
    assert set(html) <= set(notes)
    for page in html:
        data = (output / page).read_bytes()
        assert notes[page] == (search.SEARCH_MARK in data, len(data)), page
    assert any(marked for marked, _size in notes.values())
    assert not all(marked for marked, _size in notes.values())
