"""Balanced spreads on a book of its own (issue 14, point 3): a day of 80 posts over
twelve hours, with a photo, laid out with and without ``BOOK_BALANCE_SPREADS``. The
balanced book has more spreads ending on the same line, and the white it adds moves
no post to another page (the interior checks it and would log a warning)."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import pytest
from inventaire.book.edition import BookEdition
from inventaire.book.pagefill import chapter_pages, read_fill, spreads

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")

LIGHT = ("BOOK_SCREEN=False", "BOOK_CRIERS=False", "BOOK_COVER=False")
POSTS, STEP = 80, 9  # 9 h to 21 h: seven spreads of posts, enough to balance four


def balanced(folder: Path, edition_folder: Path) -> tuple[int, int]:
    edition = BookEdition.from_settings(project.load_settings(folder))
    chapters = chapter_pages(edition_folder)
    assert chapters is not None
    found = spreads(read_fill(edition_folder / "livre.pdf", edition.margins), *chapters)
    return sum(1 for s in found if s.balanced), len(found)


def test_balancing_evens_spreads_and_moves_no_post(
        tmp_path_factory: pytest.TempPathFactory, caplog: pytest.LogCaptureFixture) -> None:
    plain = project.make_project(tmp_path_factory.mktemp("plain"), count=POSTS, step=STEP)
    even = project.make_project(tmp_path_factory.mktemp("even"), count=POSTS, step=STEP)
    before = project.run_step(plain, *LIGHT, "BOOK_BALANCE_SPREADS=False")
    with caplog.at_level(logging.INFO, logger="inventaire.book"):
        after = project.run_step(even, *LIGHT, "BOOK_BALANCE_SPREADS=True")
    assert not [r for r in caplog.records if "moved" in r.getMessage()
                and r.levelno >= logging.WARNING]
    assert any("given white" in r.getMessage() for r in caplog.records)
    assert before.post_pages == after.post_pages  # white moves no post
    (evened, total), (ragged, _) = balanced(even, after.folder), balanced(plain, before.folder)
    assert total >= 4, (evened, ragged, total)
    assert evened > ragged and 2 * evened >= total, (evened, ragged, total)  # 4 and 0 of 7
