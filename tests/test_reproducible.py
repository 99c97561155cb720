"""Two builds of the same content are byte-identical: site, feeds, index, PDFs (issue 6).

Dates that are not the posts' own come from ``SOURCE_DATE_EPOCH``, which
``inventaire build`` sets from the day when the caller has not; ordering is stable
everywhere. A small project (~30 posts of the sample day) keeps this test fast.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hostile.tmpproject import small_project
from inventaire.commands.build import build, day_epoch, load_settings
from inventaire.core.day import source_date

pytestmark = pytest.mark.slow  # three builds with the book: about a minute

SETTINGS = {"SITEURL": "", "RELATIVE_URLS": True}


# Pagefind writes each filter's values in its hash map's order, which changes from
# one run to the next (the same values and pages, another byte order); the index's
# metadata and entry file name those files by their hash. Everything else of the
# index (its words, fragments and pages) is compared.
UNORDERED = re.compile(r"pagefind/(filter/|pagefind-entry\.json$|pagefind\.[^/]*\.pf_meta$)")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {name: p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not UNORDERED.match(name := str(p.relative_to(folder)))}


def first_difference(name: str, one: bytes, two: bytes) -> str:
    """A readable hint of where two versions of a file differ."""
    try:
        lines = difflib.unified_diff(one.decode().splitlines(), two.decode().splitlines(),
                                     lineterm="", n=0)
        return f"{name}:\n" + "\n".join(list(lines)[:12])
    except UnicodeDecodeError:
        at = next(i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b)
        return f"{name}: bytes differ from offset {at}: {one[at:at + 60]!r} / {two[at:at + 60]!r}"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], ...]:
    base = tmp_path_factory.mktemp("repro")
    project = small_project(base)
    build(project, publish=True, overrides=SETTINGS)
    first = snapshot(project / "output")
    # A second checkout of the same content, at another path, built later.
    other = base / "other-checkout"
    shutil.copytree(project, other, ignore=shutil.ignore_patterns("output"))
    build(other, publish=True, overrides=SETTINGS)
    second = snapshot(other / "output")
    build(project, publish=True, overrides=SETTINGS)
    third = snapshot(project / "output")
    return first, second, third


def test_two_builds_write_the_same_files(two_builds: tuple[dict[str, bytes], ...]) -> None:
    first, second, third = two_builds
    assert "index.html" in first
    assert sorted(first) == sorted(third)
    assert sorted(first) == sorted(second)


def test_two_builds_are_byte_identical(two_builds: tuple[dict[str, bytes], ...]) -> None:
    first, _second, third = two_builds
    differ = [first_difference(name, first[name], third[name])
              for name in sorted(first) if name in third and first[name] != third[name]]
    assert not differ, "\n\n".join(differ)


def test_a_build_elsewhere_is_byte_identical(two_builds: tuple[dict[str, bytes], ...]) -> None:
    first, second, _third = two_builds
    differ = [first_difference(name, first[name], second[name])
              for name in sorted(first) if name in second and first[name] != second[name]
              and not name.endswith(".pdf")]
    assert not differ, "\n\n".join(differ)


def test_the_pdfs_of_a_build_elsewhere_are_byte_identical(
        two_builds: tuple[dict[str, bytes], ...]) -> None:
    first, second, _third = two_builds
    differ = [first_difference(name, first[name], second[name])
              for name in sorted(first) if name in second and first[name] != second[name]]
    assert not differ, "\n\n".join(differ)


def test_no_file_holds_the_date_of_the_build(two_builds: tuple[dict[str, bytes], ...]) -> None:
    """Only the day's dates may appear: a build-time date would change every build."""
    now = datetime.now(UTC)
    marks = {now.strftime("%Y-%m-%d"), now.astimezone().strftime("%Y-%m-%d"),
             now.strftime("D:%Y%m%d"), now.astimezone().strftime("D:%Y%m%d")}
    first, _second, _third = two_builds
    for name, data in first.items():
        for mark in marks:
            assert mark.encode() not in data, (name, mark)


def test_the_book_is_among_the_identical_files(two_builds: tuple[dict[str, bytes], ...]) -> None:
    first, _second, _third = two_builds
    assert any(name.endswith(".pdf") for name in first), sorted(first)[:20]


def test_source_date_comes_from_the_day_unless_set(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_project(tmp_path, count=2)
    settings = load_settings(project)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    epoch = day_epoch(settings)
    assert epoch == 1366322400  # 2013-04-19T00:00:00+02:00
    with source_date(epoch):
        assert os.environ["SOURCE_DATE_EPOCH"] == "1366322400"
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    with source_date(epoch):
        assert os.environ["SOURCE_DATE_EPOCH"] == "42"
