"""The criers' readings in the index of places (issue 14, point 4): each place lists
the posts its crier read aloud there (``declaimed: {place, time}``), with the time of
the reading and the page where each post is printed."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from conftest import run_folder
from inventaire.book.pages import read_pages

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, str], int]]:
    """The run's shared book of the fixture project, and each post's page as the book
    step recorded it (pages.json, which the site reads)."""
    shared = project.shared_book(run_folder(tmp_path_factory), "BOOK_SCREEN=False",
                                 "BOOK_CRIERS=False")
    found = read_pages(shared.folder / "cache")
    assert found is not None
    return shared.edition / "livre.pdf", found[1]


def test_each_place_lists_its_criers_readings_with_time_and_page(
        book: tuple[Path, dict[tuple[str, str], int]]) -> None:
    livre, post_pages = book
    places = {e.label: e for e in pdfcheck.place_entries(pdfcheck.column_texts(livre))}
    expected: dict[str, dict[tuple[int, int], set[int]]] = {}
    for post in project.make_posts(30):
        if post.declaimed is None:
            continue
        name = project.PLACES[post.declaimed.place][0]
        hour, minute = (int(x) for x in post.declaimed.time.split(":"))
        pages = expected.setdefault(name, {}).setdefault((hour, minute), set())
        pages.add(post_pages[(post.network, post.id)])
    assert expected, "the fixture declaims posts"
    for name, readings in expected.items():
        entry = places[name]
        printed = {(r.hour, r.minute): set(r.pages) for r in entry.readings}
        assert printed == readings, name
        times = [(r.hour, r.minute) for r in entry.readings]
        assert times == sorted(times), name  # in the order they were read
        assert entry.sittings, name  # the sittings are still there, before


def test_a_place_without_readings_prints_no_crier_line(
        book: tuple[Path, dict[tuple[str, str], int]]) -> None:
    livre, _pages = book
    texts = pdfcheck.column_texts(livre)
    start = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Index des lieux"))
    index = pdfcheck.norm(" ".join(texts[start:start + 2]))
    read = {project.PLACES[p.declaimed.place][0] for p in project.make_posts(30)
            if p.declaimed is not None}
    assert index.count("crieur :") == len(read)
