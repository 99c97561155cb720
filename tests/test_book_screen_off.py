"""The print edition is one book whether the screen edition is made or not.

In colour the print edition is taken from the layout the screen edition shares (links
kept, then dropped for print); with ``BOOK_SCREEN=False`` it is laid out on its own,
without links. A link that could not be kept (no absolute site address) used to lose
its markup in the shared layout, so a hashtag was no longer seen as one: the default
book had no index of hashtags, and the same book without its screen edition had one
and its colophon a page further."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pypdf
import pytest
from conftest import run_folder

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")

LIGHT = ("BOOK_SCREEN=False", "BOOK_CRIERS=False")  # the run's shared print-only book


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_the_print_edition_does_not_depend_on_the_screen_edition(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    run = run_folder(tmp_path_factory)
    alone = project.shared_book(run, *LIGHT).edition
    both = project.shared_book(run, "BOOK_CRIERS=False").edition
    assert (both / "livre-ecran.pdf").is_file() and not (alone / "livre-ecran.pdf").exists()
    printed, printed_alone = page_texts(both / "livre.pdf"), page_texts(alone / "livre.pdf")
    contents = [text for text in printed if "Sommaire" in text]
    assert contents and "Index des mots-dièse" in contents[0]
    assert len(printed) == len(printed_alone)
    assert [i for i, (a, b) in enumerate(zip(printed, printed_alone, strict=True))
            if a != b] == []
