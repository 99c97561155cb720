"""Visual regression for emoji: in colour in the rgb edition, gray (and not blank) in gray.

A COLR emoji font prints blank with WeasyPrint 70 + HarfBuzz 6 (docs/print.md,
« Emoji »); the book places OpenMoji's SVG files instead. This renders a tiny book,
rasterises the page with the emoji (pypdfium2) and counts pixels.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pdfplumber
import pypdfium2
import pytest
from inventaire.book.builder import build
from inventaire.core.model import Post
from inventaire.core.text.render import render_text
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[1]
EMOJI_TEXT = "Soleil 😀 famille 👨‍👩‍👧 drapeau 🇫🇷 pouce 👍🏽 fin"


def article(index: int, text: str) -> Any:
    post = Post(id=str(1000 + index), network="twitter", author=f"auteur{index}",
                date=datetime(2013, 4, 19, 10, index, tzinfo=ZoneInfo("Europe/Paris")),
                text=text, status="selected")
    return SimpleNamespace(post=post, content=render_text(post, lambda tag: f"/t/{tag}/"))


def tiny_book(tmp: Path, color: str) -> bytes:
    settings = {"SITENAME": "Essai", "THEME": str(ROOT / "theme"), "BOOK_COLOR": color,
                "BOOK_SCREEN": False, "BOOK_COVER": False, "BOOK_CRIERS": False,
                "BOOK_TITLE": "Essai"}
    articles = [article(0, "Un bus passe."), article(1, EMOJI_TEXT)]
    (tmp / "content").mkdir(parents=True, exist_ok=True)
    result = build(articles, settings, tmp / "content", tmp / "cache")
    return result.files["livre.pdf"]


def emoji_page(pdf: bytes) -> Image.Image:
    with pdfplumber.open(io.BytesIO(pdf)) as plumber:
        index = next(i for i, p in enumerate(plumber.pages)
                     if "drapeau" in (p.extract_text() or ""))
    document = pypdfium2.PdfDocument(pdf)
    return document[index].render(scale=2).to_pil().convert("RGB")


def coloured(image: Image.Image, threshold: int = 40) -> int:
    """Pixels whose channels differ by more than ``threshold``: colour, not gray."""
    r, g, b = image.split()
    chroma = ImageChops.subtract(ImageChops.lighter(ImageChops.lighter(r, g), b),
                                 ImageChops.darker(ImageChops.darker(r, g), b))
    return sum(chroma.histogram()[threshold + 1:])


def inked(image: Image.Image) -> int:
    """Pixels darker than light gray."""
    return sum(image.convert("L").histogram()[:200])


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> dict[str, Image.Image]:
    tmp = tmp_path_factory.mktemp("emoji")
    rendered = {}
    for color in ("rgb", "gray"):
        image = emoji_page(tiny_book(tmp / color, color))
        image.save(artifacts / f"book-emoji-{color}.png")
        rendered[color] = image
    return rendered


def test_emoji_print_in_colour(pages: dict[str, Image.Image]) -> None:
    assert coloured(pages["rgb"]) > 400


def test_gray_edition_has_no_colour_but_draws_the_emoji(pages: dict[str, Image.Image]) -> None:
    assert coloured(pages["gray"], threshold=12) == 0
    # Not blank: about as much ink as the colour page (text plus the emoji in gray).
    assert inked(pages["gray"]) > 0.6 * inked(pages["rgb"])
