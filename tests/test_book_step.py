"""The book as its own step: skipped when nothing it reads changed, laid out otherwise.

A small project (six posts, one photo) is laid out once for the module; each test
works on a copy of it (content, cache and theme copied, so the copy's first step is
skipped: the signature depends on contents, never on where the project is), makes
one change and checks that the book is laid out again, or not. The tests that lay it
out again start from the same project laid out in print only (:data:`PRINT`): the
screen edition and the cover would add their layout to each, and change nothing of
what is decided before it.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from inventaire.book import inputs, step
from inventaire.book.pages import MANIFEST, read_pages
from inventaire.book.posts import post_files, tag_url
from inventaire.book.step import BookResult

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")

ROOT = Path(__file__).resolve().parents[1]
LIGHT = ("BOOK_CRIERS=False", "BOOK_WORKERS=1")
PRINT = ("BOOK_SCREEN=False", "BOOK_COVER=False")
Step = Callable[..., BookResult]


def runner(folder: Path, *fixed: str) -> Step:
    """The book step on ``folder`` with its own cache and theme (both volatile
    settings: the signature reads the theme's templates, not its path), with the
    settings ``fixed`` at every run."""

    def run(*sets: str) -> BookResult:
        return project.run_step(folder, *LIGHT, *fixed, f"THEME={str(folder / 'theme')!r}",
                                f"CACHE_PATH={str(folder / 'cache')!r}", *sets)

    return run


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the edition: bytes and modification time (ns)."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def laid_out(folder: Path, *fixed: str) -> Path:
    project.make_project(folder, count=6)
    shutil.copytree(ROOT / "theme" / "templates" / "book",
                    folder / "theme" / "templates" / "book")
    result = runner(folder, *fixed)()
    assert not result.skipped and result.editions
    return folder


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every edition: print, screen and cover."""
    return laid_out(tmp_path_factory.mktemp("step-base"))


@pytest.fixture(scope="module")
def print_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The print interior only, for the tests that lay the book out again."""
    return laid_out(tmp_path_factory.mktemp("step-print"), *PRINT)


@pytest.fixture()
def full_copy(base: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(base, folder)
    return folder


@pytest.fixture()
def copy(print_base: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(print_base, folder)
    return folder


@pytest.fixture()
def run(copy: Path) -> Step:
    """The step on the copy, checked to be skipped first (the baseline)."""
    go = runner(copy, *PRINT)
    assert go().skipped
    return go


def first_post(folder: Path) -> Path:
    return post_files(folder / "content")[0]


def test_second_build_is_skipped_and_leaves_every_file(base: Path, full_copy: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture
                                                       ) -> None:
    copy = full_copy
    edition = copy / "cache" / "book" / "edition"
    before = snapshot(edition)
    assert {"livre.pdf", "livre-ecran.pdf", "couverture.pdf", MANIFEST} <= set(before)

    def no_layout(*args: object) -> None:
        raise AssertionError("the book was laid out again")

    monkeypatch.setattr(step, "lay_out", no_layout)
    caplog.set_level("INFO", logger="inventaire.book.step")
    result = runner(copy)()
    assert result.skipped and result.folder == edition
    assert snapshot(edition) == before
    manifest = json.loads(before[MANIFEST][0])
    assert f"unchanged, laid out {manifest['pages']} pages earlier" in caplog.text
    assert result.editions == manifest["editions"]
    assert result.post_pages == read_pages(copy / "cache")[1]  # type: ignore[index]
    assert result.post_pages and set(manifest["posts"]) == {
        f"{n}:{i}" for n, i in result.post_pages}


def test_pages_json_lists_the_editions_and_every_post(base: Path) -> None:
    data = json.loads((base / "cache" / "book" / "edition" / MANIFEST).read_text("utf-8"))
    assert set(data) >= {"editions", "posts", "signature", "files"}
    assert [e["name"] for e in data["editions"]] == ["livre", "livre-ecran", "couverture"]
    for edition in data["editions"]:
        assert set(edition) == {"name", "title", "path", "pages", "size_bytes"}
    assert len(data["posts"]) == 6 and all(k.startswith("twitter:") for k in data["posts"])
    assert data["media"] == ["media/large.jpg"]


def test_edited_post_text_lays_out_again(copy: Path, run: Step) -> None:
    path = first_post(copy)
    path.write_text(path.read_text("utf-8").rstrip("\n") + " Un mot de plus.\n", "utf-8")
    result = run()
    assert not result.skipped
    assert run().skipped


def test_photo_replaced_with_older_mtime_lays_out_again(copy: Path, run: Step) -> None:
    photo = copy / "content" / "media" / "large.jpg"
    old = photo.stat()
    project.photo(photo, (1800, 1200), 7)
    os.utime(photo, ns=(old.st_atime_ns - 10**12, old.st_mtime_ns - 10**12))
    assert not run().skipped


def test_changed_setting_lays_out_again(run: Step) -> None:
    assert not run("BOOK_TITLE='Un autre titre'").skipped
    assert run("BOOK_TITLE='Un autre titre'").skipped


def test_changed_template_lays_out_again(copy: Path, run: Step) -> None:
    css = copy / "theme" / "templates" / "book" / "livre.css"
    css.write_text(css.read_text("utf-8") + "\n/* changed */\n", "utf-8")
    assert not run().skipped


def install_stub(folder: Path, version: str) -> None:
    """A distribution ``stub-dist`` of ``version`` in ``folder`` (on ``sys.path``), as
    pip leaves one: its ``*.dist-info`` folder, the older version's removed."""
    for old in folder.glob("stub_dist-*.dist-info"):
        shutil.rmtree(old)
    info = folder / f"stub_dist-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: stub-dist\nVersion: {version}\n", "utf-8")


def test_new_version_of_a_distribution_lays_out_again(run: Step, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    install_stub(folder, "1.0")
    assert not run().skipped
    assert run().skipped
    install_stub(folder, "1.1")
    assert not run().skipped


def test_changed_code_lays_out_again(run: Step, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    roots = []
    for root in inputs.CODE_ROOTS:
        roots.append(tmp_path / "code" / root.name)
        shutil.copytree(root, roots[-1], ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(inputs, "CODE_ROOTS", roots)
    assert run().skipped  # the same code elsewhere
    module = roots[-1] / "layout.py"
    module.write_text(module.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert not run().skipped


def test_withdrawn_post_leaves_pages_json(copy: Path, run: Step) -> None:
    path = first_post(copy)
    text = path.read_text("utf-8")
    assert "status: selected" in text
    path.write_text(text.replace("status: selected", "status: withdrawn", 1), "utf-8")
    result = run()
    assert not result.skipped
    withdrawn = next(k for k in runner_keys(copy) if path.name.endswith(f"-{k[1]}.md"))
    assert withdrawn not in result.post_pages
    data = json.loads((result.folder / MANIFEST).read_text("utf-8"))
    assert f"twitter:{withdrawn[1]}" not in data["posts"] and len(data["posts"]) == 5


def runner_keys(folder: Path) -> list[tuple[str, str]]:
    from inventaire.core.postfile import read_post

    return [read_post(p).key for p in post_files(folder / "content")]


def test_a_failed_write_keeps_the_last_edition(copy: Path, run: Step,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    edition = copy / "cache" / "book" / "edition"
    before = snapshot(edition)

    def killed(staging: Path, folder: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(step, "swap", killed)
    with pytest.raises(KeyboardInterrupt):
        run("BOOK_TITLE='Interrompu'")
    assert snapshot(edition) == before
    assert not list(edition.parent.glob(step.STAGING_PREFIX + "*"))


def test_wrong_setting_is_an_error_and_no_book(run: Step,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(AssertionError, match="not built"):
        run("BOOK_COLOR='sepia'")
    assert any(r.levelname == "ERROR" and "BOOK_COLOR" in r.getMessage()
               for r in caplog.records)


def test_screen_links_are_the_sites_hashtag_pages() -> None:
    from pelican.urlwrappers import Tag

    settings = project.load_settings(ROOT, conf="publishconf.py")
    for name in ("jdtap", "ÉtéÀParis", "Paris 2013"):
        tag = Tag(name, settings)
        assert tag_url(settings)(name) == f"{settings['SITEURL']}/{tag.url}"


def test_read_pages_without_a_book(tmp_path: Path) -> None:
    assert read_pages(tmp_path) is None


def test_a_skipped_step_does_not_import_weasyprint(base: Path) -> None:
    """The skip is decided before the layout's modules are imported."""
    import subprocess

    fixtures = Path(__file__).parent / "fixtures" / "book"
    script = (
        "import sys, importlib\n"
        f"sys.path[:0] = [{str(ROOT / 'plugins')!r}, {str(fixtures)!r}]\n"
        "from pathlib import Path\n"
        "project = importlib.import_module('project')\n"
        f"folder = Path({str(base)!r})\n"
        f"result = project.run_step(folder, *{LIGHT!r}, f\"THEME={{str(folder / 'theme')!r}}\")\n"
        "assert result.skipped, result\n"
        "assert 'weasyprint' not in sys.modules\n"
        "assert 'inventaire.book.builder' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_disabled_book_is_not_built(full_copy: Path) -> None:
    copy = full_copy
    settings = project.load_settings(copy, "BOOK_ENABLED=False")
    edition = copy / "cache" / "book" / "edition"
    before = snapshot(edition)
    result = step.build_book(settings, copy / "content", copy / "cache")
    assert not result.built and not result.editions and result.folder == edition
    assert snapshot(edition) == before


def test_withdrawn_posts_plate_leaves_the_cache(copy: Path, run: Step) -> None:
    """Issue 18, finding 13: plates are named by content, so the book deletes those the
    edition it lays out does not print; the emoji conversions, not post-specific, stay."""
    from inventaire.commands.rights import withdraw_posts

    plates = copy / "cache" / "book" / "plates"
    printed = sorted(plates.iterdir())
    assert len(printed) == 1  # the one photo of the project's six posts (its 5th)
    emoji = sorted((copy / "cache" / "book").glob("emoji*/**/*"))
    withdraw_posts(copy, "325312345678900004", reason="test")
    assert not run().skipped
    assert not printed[0].exists()
    assert sorted(plates.iterdir()) == []
    assert sorted((copy / "cache" / "book").glob("emoji*/**/*")) == emoji


def test_prune_plates_keeps_the_printed_ones(tmp_path: Path) -> None:
    from inventaire.book.photos import prune_plates

    plates = tmp_path / "plates"
    plates.mkdir()
    kept, gone, stale = plates / "a.jpg", plates / "b.jpg", plates / "c.tmp"
    for path in (kept, gone, stale):
        path.write_bytes(b"x")
    assert prune_plates(tmp_path, [kept]) == 2
    assert sorted(plates.iterdir()) == [kept]
    assert prune_plates(tmp_path / "none", []) == 0
