"""The search index reuses the previous Pagefind bundle and keeps nothing stale.

Pagefind leaves a file alone when one of that name is there (names are hashes of
the content) and never deletes; ``search.index_site`` deletes what the new index
does not name, read from its CBOR metadata (``site/pagefind_bundle.py``).
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest
from inventaire.site.search import index_site, pagefind_binary, search_glob, searchable_pages
from inventaire.site.sitemap import html_pages

needs_pagefind = pytest.mark.skipif(pagefind_binary() is None,
                                    reason="the pagefind package has no binary here")


def page(words: str, searchable: bool = True) -> str:
    body = " data-pagefind-body" if searchable else ""
    return (f'<!doctype html><html lang="fr"><head><title>{words}</title></head>'
            f"<body><main{body}><p>{words}</p></main></body></html>")


def write_site(root: Path, pages: dict[str, str]) -> None:
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fragments_text(bundle: Path) -> str:
    return " ".join(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                    for p in (bundle / "fragment").iterdir())


# ------------------------------------------------------------------------ globs

def test_search_glob_names_whole_folders_only_when_every_page_is_searchable() -> None:
    html = {"post/1/index.html", "post/2/index.html", "lieu/index.html",
            "lieu/bastille/index.html", "heure/14/index.html", "preface/index.html",
            "index.html"}
    pages = {"post/1/index.html", "post/2/index.html", "lieu/bastille/index.html",
             "preface/index.html"}
    assert search_glob(pages, html) == \
        "{lieu/bastille/index.html,post/**/*.html,preface/**/*.html}"
    assert search_glob(set(), html) is None


def test_search_glob_escapes_pattern_characters() -> None:
    assert search_glob({"a{b}/x.html", "c,d.html"}, {"a{b}/x.html", "y/z.html"}) == \
        "{a\\{b\\}/**/*.html,c\\,d.html}"


def test_searchable_pages_are_read_from_the_written_files(tmp_path: Path) -> None:
    write_site(tmp_path, {"post/1/index.html": page("un"), "heure/index.html": page("x", False),
                          "pagefind/x.html": page("bundle")})
    html = html_pages(tmp_path)
    assert html == ["heure/index.html", "post/1/index.html"]  # not Pagefind's own files
    assert searchable_pages(tmp_path, html) == {"post/1/index.html"}


@needs_pagefind
def test_index_holds_marked_pages_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {f"post/{i}/index.html": page(f"message numéro{i} hirondelle")
                      for i in range(3)} | {"heure/index.html": page("listehoraire", False)})
    assert index_site(site, html_pages(site))
    text = fragments_text(site / "pagefind")
    assert "numéro2" in text and "listehoraire" not in text


@needs_pagefind
def test_a_withdrawn_post_leaves_the_index_at_the_next_build(tmp_path: Path) -> None:
    """Every build indexes a fresh output: nothing of an older index survives."""
    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build
    from inventaire.core.postfile import read_post, write_post

    posts = [made_up_post(i) for i in range(4)]
    project = make_project(tmp_path, posts=posts)
    build(project, book=False)
    bundle = project / "output" / "pagefind"
    assert "numéro3" in fragments_text(bundle)
    path = next((project / "content" / "posts").rglob(f"*{posts[3].id}.md"))
    post = read_post(path)
    post.status = "withdrawn"
    write_post(post, project / "content" / "posts")
    build(project, book=False)
    assert "numéro3" not in fragments_text(bundle)
