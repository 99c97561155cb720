"""Pagefind reads a rebuild's unchanged pages during the build, and the index is exact.

``site/search_prefeed.py`` guesses which pages of the previous build will not
change and hands them to a Pagefind service (``site/pagefind_service.py``) when
the build starts; at its end the guess is checked against what the writer wrote.
Each test compares the bundle with one Pagefind makes from scratch on the same
finished folder: same pages, same words, whatever was read early.
"""

from __future__ import annotations

import gzip
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from inventaire.commands.cpus import helper_cpus
from inventaire.site import search_prefeed
from inventaire.site.pagefind_service import PagefindService, ServiceError
from inventaire.site.search import exact_glob, pagefind_binary

needs_pagefind = pytest.mark.skipif(pagefind_binary() is None,
                                    reason="the pagefind package has no binary here")
needs_two_cpus = pytest.mark.skipif(helper_cpus() == set(),
                                    reason="one CPU: the build never reads early")


def page(words: str) -> str:
    return (f'<!doctype html><html lang="fr"><head><title>{words}</title></head>'
            f"<body><main data-pagefind-body><p>{words}</p></main></body></html>")


def fragments(bundle: Path) -> list[str]:
    """Every page's record in the bundle (address, words, metadata), sorted."""
    return sorted(gzip.decompress(p.read_bytes()).decode("utf-8")
                  for p in (bundle / "fragment").iterdir())


def from_scratch(site: Path, scratch: Path) -> list[str]:
    """What the command line indexes in a copy of ``site`` without its bundle."""
    shutil.copytree(site, scratch, ignore=shutil.ignore_patterns("pagefind"))
    subprocess.run([str(pagefind_binary()), "--site", str(scratch), "--force-language", "fr",
                    "--silent"], check=True)
    return fragments(scratch / "pagefind")


# ------------------------------------------------------------------- the service


@needs_pagefind
def test_the_service_indexes_a_folder_then_single_pages_as_the_command_line_does(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    pages = {f"post/{i}/index.html": page(f"passant numéro{i} hirondelle") for i in range(5)}
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True)
        (site / name).write_text(html, encoding="utf-8")
    service = PagefindService(str(pagefind_binary()), search_prefeed.CONFIG)
    try:
        early = service.add_directory(str(site), exact_glob({f"post/{i}/index.html"
                                                             for i in range(3)}))
        later = [service.add_file(f"post/{i}/index.html", pages[f"post/{i}/index.html"])
                 for i in (3, 4)]
        assert service.wait(early)["page_count"] == 3
        assert [service.wait(r)["page_url"] for r in later] == ["/post/3/", "/post/4/"]
        service.write_files(str(site / "pagefind"))
    finally:
        service.close()
    assert service.process.returncode is not None
    assert fragments(site / "pagefind") == from_scratch(site, tmp_path / "scratch")


@needs_pagefind
def test_service_failures_say_what_failed(tmp_path: Path) -> None:
    service = PagefindService(str(pagefind_binary()), search_prefeed.CONFIG)
    try:
        with pytest.raises(ServiceError, match="unknown variant `NoSuchRequest`"):
            service.wait(service.send({"type": "NoSuchRequest"}))
        # One failed request leaves the service usable.
        assert service.wait(service.add_directory(str(tmp_path), "*.html"))["page_count"] == 0
    finally:
        service.close()
    with pytest.raises(ServiceError, match="could not start"):
        PagefindService(str(tmp_path / "no-pagefind"), {})
    with pytest.raises(ServiceError, match="stopped"):
        PagefindService(shutil.which("false") or "/bin/false", {})


# ------------------------------------------------------------------ in a build


def searched(project: Path) -> list[str]:
    return fragments(project / "output" / "pagefind")


@needs_pagefind
@needs_two_cpus
def test_a_rebuild_reads_the_unchanged_pages_early_and_indexes_the_edit(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build
    from inventaire.core.postfile import read_post, write_post

    posts = [made_up_post(i) for i in range(6)]
    project = make_project(tmp_path, posts=posts)
    build(project, overrides={"BOOK_ENABLED": False})
    path = next((project / "content" / "posts").rglob(f"*{posts[2].id}.md"))
    post = read_post(path)
    assert any(post.text.split(" numéro")[0] in record for record in searched(project))
    post.text = "Un cygne traverse la place numéro2 #jdtap"
    write_post(post, project / "content" / "posts")
    monkeypatch.setattr(search_prefeed, "GLOB_PAGES", 3)  # three globs: 3 + 3 + 2 pages
    with caplog.at_level(logging.INFO, logger="inventaire.site.search_prefeed"):
        build(project, overrides={"BOOK_ENABLED": False})
    # The five other posts and the editors' pages were read during the build; the
    # edited post and the places (which list the posts) after it.
    early = [r.getMessage() for r in caplog.records if "read during the build" in r.getMessage()]
    assert early and early[0].startswith("search: 8 pages read during the build")
    index = searched(project)
    assert any("cygne" in record for record in index)
    old_words = posts[2].text.split(" numéro")[0]  # "Touriste bus pigeon…"
    assert not any(old_words in record for record in index)
    assert index == from_scratch(project / "output", tmp_path / "scratch")
    assert not search_prefeed.STARTED


@needs_pagefind
@needs_two_cpus
def test_a_wrong_guess_reads_every_page_again(tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    """An edited template changes every post's page, and no post's file."""
    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build

    project = make_project(tmp_path, posts=[made_up_post(i) for i in range(4)])
    build(project, overrides={"BOOK_ENABLED": False})
    before = searched(project)
    with caplog.at_level(logging.INFO, logger="inventaire.site.search_prefeed"):
        template = project / "theme" / "templates" / "article.html"
        marked = '{% if article.candidate %} is-candidate{% endif %}" data-pagefind-body>'
        source = template.read_text(encoding="utf-8")
        assert marked in source
        template.write_text(source.replace(marked, marked + "<p>Glané place du Tertre</p>"),
                            encoding="utf-8")
        build(project, overrides={"BOOK_ENABLED": False})
    assert "changed since" in caplog.text
    after = searched(project)
    assert after != before and all("Glané" in record for record in after if "/post/" in record)
    assert after == from_scratch(project / "output", tmp_path / "scratch")
    assert not search_prefeed.STARTED


def test_only_pages_whose_source_and_file_are_unchanged_are_read_early(tmp_path: Path) -> None:
    from inventaire.site.render_keys import file_stamp
    from inventaire.site.writer import SOURCES_KEY, stamp_of

    output, sources = tmp_path / "output", tmp_path / "content"
    manifest: dict[str, object] = {SOURCES_KEY: {}}
    for i in range(4):
        name = f"post/{i}/index.html"
        (output / name).parent.mkdir(parents=True)
        (output / name).write_text(page(f"message {i}"), encoding="utf-8")
        (sources / f"{i}.md").parent.mkdir(exist_ok=True)
        (sources / f"{i}.md").write_text(f"message {i}", encoding="utf-8")
        manifest[name] = ["key", f"digest{i}", 1, *stamp_of(output / name)]
        manifest[SOURCES_KEY][name] = list(file_stamp(sources / f"{i}.md"))  # type: ignore[index]
    manifest["post/0/index.html"][2] = 0  # type: ignore[index]  # not searchable
    (sources / "1.md").write_text("message 1, corrigé", encoding="utf-8")  # edited
    (output / "post/2/index.html").write_text(page("à la main"), encoding="utf-8")
    assert search_prefeed.unchanged_pages(manifest, output) == {"post/3/index.html": "digest3"}
    assert search_prefeed.unchanged_pages({"post/3/index.html": manifest["post/3/index.html"]},
                                          output) == {}


@needs_two_cpus
def test_helper_processes_leave_one_cpu_to_pelican() -> None:
    import os
    import sys

    from inventaire.commands.cpus import beside_pelican

    if helper_cpus() is None:
        pytest.skip("processes cannot be pinned here (not Linux)")
    mine = os.sched_getaffinity(0)
    script = "import os; print(sorted(os.sched_getaffinity(0)))"
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True, preexec_fn=beside_pelican()).stdout
    assert shown.strip() == str(sorted(mine)[1:])
    assert os.sched_getaffinity(0) == mine  # this process keeps its CPUs
