"""The criers' sheets (issue 14): made to be read aloud, « 13 h », the place named in
the footer, hashtags and handles printed apart from the reading line."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")


@pytest.fixture(scope="module")
def sheets(sample_build: Path) -> dict[str, list[str]]:
    folder = sample_build / "livre" / "crieurs"
    return {pdf.stem: pdfcheck.page_texts(pdf) for pdf in sorted(folder.glob("*.pdf"))}


def test_round_hours_read_as_13_h(sheets: dict[str, list[str]]) -> None:
    whole = pdfcheck.norm(" ".join(t for texts in sheets.values() for t in texts))
    assert "À lire à 13 h ·" in whole
    assert " h 00" not in whole


def test_footer_names_the_place_not_its_slug(sheets: dict[str, list[str]]) -> None:
    assert "place-saint-sulpice" in sheets
    for slug, texts in sheets.items():
        for text in texts:
            assert slug not in text
        assert pdfcheck.norm(texts[0]).endswith(f"· 1 / {len(texts)}")
    assert "Place Saint-Sulpice · 1 /" in pdfcheck.norm(sheets["place-saint-sulpice"][0])


def test_hashtags_and_handles_set_apart(sheets: dict[str, list[str]]) -> None:
    tagged = [line.split() for texts in sheets.values() for t in texts
              for line in t.splitlines() if "#" in line]
    assert tagged
    for words in tagged:
        assert all(w.startswith(("#", "@")) for w in words), words
