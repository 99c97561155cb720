"""The preview's builder process and its memory of parsed posts.

The builder (``commands/preview_worker.py``) builds again in one process while the
code is the same, and starts again when a module of the project changed; its memory
(``site/readmemo.py``) parses again only the posts whose bytes, settings or rights
register changed. Each test checks the pages against what a fresh build shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.tmpproject import small_project
from inventaire.commands.build import build
from inventaire.commands.preview_worker import Builder, code_signature
from inventaire.core.postfile import read_post, write_post
from inventaire.site import readmemo
from parses import counted_parses

MEMO = {"INVENTAIRE_SHOW_CANDIDATES": True, "INVENTAIRE_SEARCH": False,
        "INVENTAIRE_READ_MEMO": True, "INVENTAIRE_RENDER_WORKERS": 1}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    readmemo.forget()
    yield small_project(tmp_path, 12)
    readmemo.forget()


def parsed_files(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Build with the memory on; the posts the reader parsed."""
    with counted_parses(monkeypatch) as seen:
        build(project, overrides=dict(MEMO), book=False, reuse_pages=True)
    return seen


def test_only_changed_posts_are_parsed_again(project: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((project / "content" / "posts").rglob("*.md"))
    assert len(parsed_files(project, monkeypatch)) == len(files)
    assert parsed_files(project, monkeypatch) == []
    post = read_post(files[4])
    post.text += " (relu)"
    write_post(post, project / "content" / "posts")
    assert parsed_files(project, monkeypatch) == [files[4].name]
    page = project / "output" / "post" / post.slug / "index.html"
    assert "(relu)" in page.read_text("utf-8")


def test_the_rights_register_is_read_again_with_every_post(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((project / "content" / "posts").rglob("*.md"))
    parsed_files(project, monkeypatch)
    withdrawn = read_post(files[2])
    (project / "content" / "rights.yml").write_text(
        f"withdrawals:\n- author: {withdrawn.author}\n  status: withdrawn\n",
        encoding="utf-8")
    assert len(parsed_files(project, monkeypatch)) == len(files)
    assert not (project / "output" / "post" / withdrawn.slug).exists()


def test_a_kept_record_changed_by_a_build_is_not_the_next_builds(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed_files(project, monkeypatch)
    first = sorted((project / "content" / "posts").rglob("*.md"))[0]
    key = next(iter(readmemo._memo))  # the test looks inside on purpose
    post, _html = readmemo.recall(key)
    post.text = "changé"
    again, _html = readmemo.recall(key)
    assert again.text != "changé"
    assert first.is_file()


def test_the_builder_starts_again_when_a_project_module_changes(tmp_path: Path) -> None:
    project = small_project(tmp_path, 6)
    module = project / "tampons.py"
    module.write_text("def tampon(text):\n    return 'tampon-un'\n", encoding="utf-8")
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nimport sys\nsys.path.insert(0, '.')\nimport tampons\n"
                   "JINJA_FILTERS = {'tampon': tampons.tampon}\n")
    base = project / "theme" / "templates" / "base.html"
    base.write_text(base.read_text("utf-8").replace(
        "{% block content %}{% endblock %}",
        "{% block content %}{% endblock %}<p class=t>{{ 'x'|tampon }}</p>", 1), "utf-8")
    home = project / "output" / "index.html"
    builder = Builder()
    try:
        assert builder(project)
        assert "tampon-un" in home.read_text("utf-8")
        first = builder.process
        signature = code_signature(project)
        module.write_text("def tampon(text):\n    return 'tampon-deux'\n", encoding="utf-8")
        assert code_signature(project) != signature
        assert builder(project)
        assert builder.process is not first
        assert "tampon-deux" in home.read_text("utf-8")
        second = builder.process
        assert builder(project)  # nothing changed: the same process builds
        assert builder.process is second
    finally:
        builder.close()


def test_the_code_signature_covers_the_projects_modules_not_its_output(
        tmp_path: Path) -> None:
    """The project's folders of modules count at any depth; its output, cache and
    content (a page per post, not code) are not walked."""
    (tmp_path / "lib" / "filtres").mkdir(parents=True)
    module = tmp_path / "lib" / "filtres" / "dates.py"
    module.write_text("X = 1\n", encoding="utf-8")
    signature = code_signature(tmp_path)
    for folder in ("output/post/a", "cache/pelican", "content/pages", "lib/output"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "stray.py").write_text("Y = 2\n", encoding="utf-8")
    assert code_signature(tmp_path) == signature
    module.write_text("X = 2\n", encoding="utf-8")
    assert code_signature(tmp_path) != signature
    (tmp_path / "lib" / "filtres" / "nouveau.py").write_text("", encoding="utf-8")
    module.write_text("X = 1\n", encoding="utf-8")
    assert code_signature(tmp_path) != signature

