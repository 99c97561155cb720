"""The search index reuses the previous Pagefind bundle and keeps nothing stale.

Pagefind leaves a file alone when one of that name is there (names are hashes of
the content) and never deletes; ``search.index_site`` deletes what the new index
does not name, read from its CBOR metadata (``site/pagefind_bundle.py``).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from inventaire.site import pagefind_bundle
from inventaire.site.pagefind_bundle import CborError, cbor_strings
from inventaire.site.search import exact_glob, index_site, pagefind_binary, search_glob

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


# ------------------------------------------------------------------------- CBOR


def test_cbor_strings_finds_text_at_any_depth() -> None:
    # [ "1.5.2", [["fr_abc", 12], ["fr_def", 1000]], {"k": "v"}, tag 1(2.5), h'00' ]
    data = bytes([0x85, 0x65]) + b"1.5.2" + bytes([0x82, 0x82, 0x66]) + b"fr_abc" + \
        bytes([0x0C, 0x82, 0x66]) + b"fr_def" + bytes([0x19, 0x03, 0xE8, 0xA1, 0x61]) + \
        b"k" + bytes([0x61]) + b"v" + bytes([0xC1, 0xF9, 0x41, 0x00, 0x41, 0x00])
    assert cbor_strings(data) == {"1.5.2", "fr_abc", "fr_def", "k", "v"}


def test_cbor_strings_reads_indefinite_lengths() -> None:
    # [_ "a", (_ "b", "c") ]
    data = bytes([0x9F, 0x61]) + b"a" + bytes([0x7F, 0x61]) + b"b" + bytes([0x61]) + b"c" + \
        bytes([0xFF, 0xFF])
    assert cbor_strings(data) == {"a", "bc"}


@pytest.mark.parametrize("data", [
    bytes([0x82, 0x61]) + b"a",          # array of two, one item
    bytes([0x65]) + b"abc",              # string shorter than said
    bytes([0x1C]),                       # reserved additional information
    bytes([0x61]) + b"a" + b"\x00",      # bytes after the item
    bytes([0x61, 0xFF]),                 # not UTF-8
    bytes([0x81] * 100 + [0x00]),        # nested too deep
])
def test_cbor_strings_refuses_what_is_not_cbor(data: bytes) -> None:
    with pytest.raises(CborError):
        cbor_strings(data)


def test_referenced_is_none_for_a_bundle_it_cannot_read(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    assert pagefind_bundle.referenced(bundle) is None  # no entry file
    (bundle / "pagefind-entry.json").write_text('{"languages": {"fr": {"hash": "fr_1"}}}',
                                                 encoding="utf-8")
    (bundle / "pagefind.fr_1.pf_meta").write_bytes(gzip.compress(b"another format"))
    assert pagefind_bundle.referenced(bundle) is None


# ------------------------------------------------------------------------- glob


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


def test_exact_glob_shares_one_alternation_per_folder_and_file_name() -> None:
    pages = {"404.html", "colophon/index.html", "post/2/index.html", "post/1/index.html",
             "lieu/a/b/index.html", "post/1/autre.html", "x{y}/1/index.html"}
    assert exact_glob(pages) == (
        "{404.html,colophon/index.html,lieu/{a/b}/index.html,post/{1,2}/index.html,"
        "post/{1}/autre.html,x\\{y\\}/{1}/index.html}")


@needs_pagefind
def test_exact_glob_matches_only_its_pages(tmp_path: Path) -> None:
    write_site(tmp_path, {name: page(name) for name in (
        "post/1/index.html", "post/2/index.html", "post/3/index.html", "lieu/a/b/index.html",
        "lieu/a/index.html", "colophon/index.html")})
    chosen = {"post/1/index.html", "post/3/index.html", "lieu/a/b/index.html",
              "colophon/index.html"}
    subprocess.run([str(pagefind_binary()), "--site", str(tmp_path), "--glob",
                    exact_glob(chosen), "--silent"], check=True)
    urls = {text.split('"url":"')[1].split('"')[0]
            for text in fragments_text(tmp_path / "pagefind").split("pagefind_dcd")[1:]}
    assert urls == {"/post/1/", "/post/3/", "/lieu/a/b/", "/colophon/"}


# ------------------------------------------------------------------- the index


@needs_pagefind
def test_reindexing_reuses_the_bundle_and_deletes_what_went(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {f"post/{i}/index.html": page(f"message numéro{i} hirondelle")
                      for i in range(5)} | {"heure/index.html": page("liste", False)})
    assert index_site(site)
    bundle = site / "pagefind"
    first = snapshot(bundle)
    assert "numéro3" in fragments_text(bundle)
    unchanged = next(name for name in first if name.startswith("fragment/"))
    inode = (bundle / unchanged).stat().st_ino

    shutil.rmtree(site / "post" / "3")  # a withdrawn post
    (site / "post" / "4" / "index.html").write_text(page("message corrigé"), "utf-8")
    assert index_site(site)
    second = snapshot(bundle)
    text = fragments_text(bundle)
    assert "numéro3" not in text and "numéro4" not in text and "corrigé" in text
    names = pagefind_bundle.referenced(bundle)
    assert names is not None
    assert {p.name.split(".")[0] for p in (bundle / "fragment").iterdir()} <= names
    assert len(list((bundle / "fragment").iterdir())) == 4
    kept = [name for name in second if name in first and name.startswith("fragment/")]
    assert len(kept) == 3  # the three untouched posts' fragments were not written again
    assert any((bundle / name).stat().st_ino == inode for name in kept)


@needs_pagefind
def test_a_hard_linked_previous_output_is_never_modified(tmp_path: Path) -> None:
    """What ``inventaire build`` does: the new folder starts as hard links to the old."""
    old, new = tmp_path / "old", tmp_path / "new"
    write_site(old, {f"post/{i}/index.html": page(f"texte{i} passant") for i in range(4)})
    assert index_site(old)
    before = snapshot(old)
    shutil.copytree(old, new, copy_function=os.link)
    (new / "post" / "2" / "index.html").unlink()
    (new / "post" / "2" / "index.html").write_text(page("texte remplacé"), "utf-8")
    assert index_site(new, {f"post/{i}/index.html" for i in range(4)},
                      {f"post/{i}/index.html" for i in range(4)})
    assert snapshot(old) == before
    assert "remplacé" in fragments_text(new / "pagefind")
    assert "texte2" not in fragments_text(new / "pagefind")


@needs_pagefind
def test_an_unreadable_previous_bundle_is_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"post/1/index.html": page("seul message")})
    bundle = site / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "fragment" / "fr_stale.pf_fragment").write_bytes(b"left over")
    assert index_site(site)
    assert not (bundle / "fragment" / "fr_stale.pf_fragment").exists()
    assert pagefind_bundle.referenced(bundle) is not None
