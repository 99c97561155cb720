"""End to end: the sample day builds into a site and a book (issue 2's acceptance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inventaire.core.postfile import read_post
from pypdf import PdfReader

pytestmark = pytest.mark.slow


def selected_posts(root: Path) -> list:
    posts = [read_post(p) for p in sorted((root / "content" / "posts").rglob("*.md"))]
    return [p for p in posts if p.status == "selected"]


def test_the_four_outputs_exist(sample_build: Path) -> None:
    for name in ("index.html", "livre/livre.pdf", "livre/livre-ecran.pdf",
                 "livre/couverture.pdf"):
        path = sample_build / name
        assert path.is_file() and path.stat().st_size > 0, name


def test_home_page_lists_the_day(sample_build: Path, root: Path) -> None:
    html = (sample_build / "index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in html
    assert "19 avril 2013" in html
    hours = {post.date.hour for post in selected_posts(root)}
    for hour in hours:
        assert f"heure/{hour:02d}/" in html, hour
    for place in (root / "content" / "places").glob("*.md"):
        assert f"lieu/{place.stem}/" in html, place.stem


def test_every_selected_post_has_its_page_with_its_text(sample_build: Path, root: Path) -> None:
    posts = selected_posts(root)
    assert len(posts) >= 200
    for post in posts:
        page = sample_build / "post" / post.id / "index.html"
        assert page.is_file(), post.id
    known = posts[len(posts) // 2]
    page = (sample_build / "post" / known.id / "index.html").read_text(encoding="utf-8")
    first_words = known.text.split()[0]
    assert first_words.replace("&", "&amp;").replace("<", "&lt;") in page


def test_candidates_and_withdrawn_are_not_published(sample_build: Path, root: Path) -> None:
    others = [read_post(p) for p in sorted((root / "content" / "posts").rglob("*.md"))]
    hidden = [p for p in others if p.status != "selected"]
    assert hidden, "the sample day should show a candidate and a withdrawn post"
    for post in hidden:
        assert not (sample_build / "post" / post.id).exists(), post.id


def test_book_has_pages_and_embedded_fonts(sample_build: Path) -> None:
    reader = PdfReader(sample_build / "livre" / "livre.pdf")
    assert len(reader.pages) > 10
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts[str(font.get("/BaseFont"))] = embedded
    assert fonts, "no font found in the book"
    assert all(fonts.values()), fonts
    assert any("Garamond" in name for name in fonts), fonts
    text = reader.pages[len(reader.pages) // 2].extract_text()
    assert text.strip()
