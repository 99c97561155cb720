"""The search index starts once the pages it reads are written (``site/early_index.py``),
and is the index a start after the last page would have made."""

from __future__ import annotations

import gzip
import logging
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.site import early_index, search
from inventaire.site.sitemap import html_pages
from jinja2 import DictLoader, Environment

needs_pagefind = pytest.mark.skipif(search.pagefind_binary() is None,
                                    reason="the pagefind package has no binary here")

MARK = '<main data-pagefind-body>{% block body %}{% endblock %}</main>'


def test_a_template_marks_when_it_or_what_it_uses_holds_the_mark() -> None:
    env = Environment(loader=DictLoader({
        "base.html": "<html>{% block content %}{% endblock %}</html>",
        "marked_base.html": MARK,
        "macros.html": "{% macro m() %}<div data-pagefind-body></div>{% endmacro %}",
        "list.html": "{% extends 'base.html' %}{% block content %}list{% endblock %}",
        "post.html": "{% extends 'marked_base.html' %}",
        "place.html": "{% extends 'base.html' %}{% from 'macros.html' import m %}",
        "included.html": "{% include 'marked_base.html' %}",
        "dynamic.html": "{% extends 'base.html' %}{% include name %}",
        "loop.html": "{% extends 'loop.html' %}",
    }))
    later = early_index.Later()
    verdicts = {name: later.marks(env.get_template(name)) for name in
                ("list.html", "post.html", "place.html", "included.html", "dynamic.html",
                 "base.html")}
    assert verdicts == {"list.html": False, "post.html": True, "place.html": True,
                        "included.html": True, "dynamic.html": True, "base.html": False}
    assert later.marks(object()) is True  # cannot be told: rendered early


def fragments(bundle: Path) -> set[bytes]:
    return {gzip.decompress(p.read_bytes()) for p in (bundle / "fragment").iterdir()}


def index_files(bundle: Path) -> set[bytes]:
    return {p.read_bytes() for p in (bundle / "index").iterdir()}


def late_index(output: Path, tmp_path: Path) -> Path:
    """Pagefind run over the finished site, as a build without an early start does."""
    html = html_pages(output)
    marked = search.searchable_pages(output, html)
    command = search.pagefind_command(output, search.search_glob(marked, set(html)))
    assert command is not None
    bundle = tmp_path / "late"
    command[command.index("--output-subdir"):command.index("--output-subdir") + 2] = [
        "--output-path", str(bundle)]
    subprocess.run(command, check=True, capture_output=True)
    return bundle


@needs_pagefind
@pytest.mark.parametrize("workers", [1, 2])
def test_the_early_index_is_the_late_one(tmp_path: Path, workers: int,
                                         caplog: pytest.LogCaptureFixture,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(8)])
    started: list[Any] = []
    start = early_index.start

    def spy(*args: Any) -> Any:
        started.append(start(*args))
        return started[-1]

    monkeypatch.setattr(early_index, "start", spy)
    caplog.set_level(logging.INFO)
    build(project, book=False, overrides={"INVENTAIRE_RENDER_WORKERS": workers})
    output = project / "output"
    assert len(started) == 1 and started[0] is not None
    assert "indexing again" not in caplog.text
    late = late_index(output, tmp_path)
    assert fragments(output / "pagefind") == fragments(late)
    assert index_files(output / "pagefind") == index_files(late)


@needs_pagefind
def test_a_page_marked_after_the_start_has_the_index_made_again(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A static HTML file the theme's templates know nothing of, marked for search, is
    copied after the pages: the early index did not read it, the final one does."""
    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(4)])
    extra = project / "content" / "extra"
    extra.mkdir()
    (extra / "annexe.html").write_text(
        '<!doctype html><html lang="fr"><body><main data-pagefind-body>'
        "<p>Annexe introuvable ailleurs : zythogramme.</p></main></body></html>",
        encoding="utf-8")
    caplog.set_level(logging.INFO)
    build(project, book=False, overrides={
        "INVENTAIRE_RENDER_WORKERS": 2, "STATIC_PATHS": ["extra"], "READERS": {"html": None}})
    output = project / "output"
    assert (output / "extra" / "annexe.html").is_file()
    assert "indexing again" in caplog.text
    text = b" ".join(fragments(output / "pagefind"))
    assert b"zythogramme" in text
    assert fragments(output / "pagefind") == fragments(late_index(output, tmp_path))
