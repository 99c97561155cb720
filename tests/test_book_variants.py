"""Variants of the book on a small project (~30 posts): gray, cmyk, by place, the emoji.

Each variant is laid out once per module by the book's own step
(:func:`inventaire.book.step.build_book`) with ``--set``-like overrides, then read back.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import run_folder
from inventaire.book.pages import read_pages
from inventaire.book.posts import read_posts

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

MM = 72 / 25.4


# 22 posts: the large photo (post 5), the small one (post 12), and two posts declaimed
# place Saint-Sulpice (posts 7 and 22), whose order its crier's sheet keeps.
RGB_POSTS = 22


@pytest.fixture(scope="module")
def rgb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project.build_book(tmp_path_factory.mktemp("rgb"), count=RGB_POSTS)


def test_site_gets_editions_and_page_numbers(rgb: Path) -> None:
    """What the site reads of the book (pages.json): the editions and each post's page."""
    found = read_pages(rgb.parents[1])
    assert found is not None
    editions = {e["name"]: e for e in found[0]}
    post_pages = found[1]
    assert set(editions) == {"livre", "livre-ecran", "couverture"}
    livre = editions["livre"]
    assert livre["path"] == "livre/livre.pdf"
    assert livre["size_bytes"] == (rgb / "livre.pdf").stat().st_size
    assert livre["pages"] == len(pypdf.PdfReader(rgb / "livre.pdf").pages)
    posts = read_posts(rgb.parents[2] / "content")
    assert posts and all(isinstance(post_pages.get(p.key), int) for p in posts)
    texts = pdfcheck.page_texts(rgb / "livre.pdf")
    for post in posts:
        assert f"@{post.author}" in pdfcheck.norm(texts[post_pages[post.key] - 1])


@pytest.fixture(scope="module")
def gray(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gray print edition, the one read: without the screen edition (which a gray
    book lays out again, in colour), the cover and the criers' sheets. Six posts hold
    what has colour: three emoji (a face, a ZWJ family and a flag, a skin tone) and
    the large photo."""
    return project.build_book(tmp_path_factory.mktemp("gray"), "BOOK_COLOR=gray",
                              "BOOK_SCREEN=False", "BOOK_COVER=False", "BOOK_CRIERS=False",
                              count=6)


@pytest.fixture(scope="module")
def cmyk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """In cmyk, chapters by place: the run's shared book (test_book_heads.py reads its
    running heads), which the tests only read."""
    return project.shared_book(run_folder(tmp_path_factory), *project.BY_PLACE).edition


def content_operators(path: Path) -> set[str]:
    """Colour operators used in every page's content and in its form XObjects (the SVGs)."""
    reader = pypdf.PdfReader(path)
    found: set[str] = set()

    def scan(data: bytes) -> None:
        found.update(m.decode() for m in re.findall(rb"(?<![A-Za-z/])(rg|RG|k|K|g|G|sc|scn)"
                                                    rb"(?![A-Za-z])", data))

    def walk(resources: Any, seen: set[int]) -> None:
        for xobject in ((resources or {}).get("/XObject") or {}).values():
            if id(xobject) in seen:
                continue
            seen.add(id(xobject))
            obj = xobject.get_object()
            if obj.get("/Subtype") == "/Form":
                scan(obj.get_data())
                walk(obj.get("/Resources"), seen)

    for page in reader.pages:
        contents = page.get_contents()
        scan(contents.get_data() if contents is not None else b"")
        walk(page.get("/Resources"), set())
    return found


def image_colorspaces(path: Path) -> set[str]:
    with pdfcheck.opened(path) as pdf:
        return {str(image["colorspace"]) for page in pdf.pages for image in page.images}


def test_gray_edition_has_no_rgb(gray: Path) -> None:
    livre = gray / "livre.pdf"
    assert b"/DeviceRGB" not in livre.read_bytes()
    operators = content_operators(livre)
    assert "rg" not in operators and "RG" not in operators, operators
    spaces = image_colorspaces(livre)
    assert spaces and all("DeviceGray" in s for s in spaces), spaces


def test_cmyk_edition_is_pdf_x4_with_cmyk_images(cmyk: Path) -> None:
    livre = cmyk / "livre.pdf"
    reader = pypdf.PdfReader(livre)
    operators = content_operators(livre)
    assert "rg" not in operators and "RG" not in operators, operators
    spaces = image_colorspaces(livre)
    assert spaces and all("DeviceCMYK" in s for s in spaces), spaces
    root: Any = reader.trailer["/Root"]
    if "/OutputIntents" not in root:
        pytest.skip("no CMYK ICC profile on this machine (Debian libgs10-common): "
                    "no output intent")
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFX"
    assert b"PDF/X-4" in livre.read_bytes() or b"pdfxid:GTS_PDFXVersion" in livre.read_bytes()


def test_chapters_by_place_follow_the_gazetteer(cmyk: Path) -> None:
    texts = pdfcheck.page_texts(cmyk / "livre.pdf")
    labels = [e.label for e in pdfcheck.toc_entries(texts)]
    assert "parvis de l’Hôtel de Ville" in labels and "place Saint-Sulpice" in labels
    for entry in pdfcheck.toc_entries(texts):
        first = pdfcheck.norm(" ".join(texts[entry.pages[0] - 1].splitlines()[:2]))
        assert first.startswith(entry.label), (entry, first)
    assert any("Lieu : place Saint-Sulpice" in pdfcheck.norm(t) for t in texts)


def test_small_photo_prints_small_and_is_named(rgb: Path, caplog: pytest.LogCaptureFixture
                                               ) -> None:
    with pdfcheck.opened(rgb / "livre.pdf") as pdf:
        images = [i for p in pdf.pages for i in p.images]
    small = [i for i in images if i["srcsize"] == (300, 200)]
    assert small, [i["srcsize"] for i in images]
    assert all(i["srcsize"][0] * 72 / i["width"] >= 299.5 for i in images)


def test_caption_printed_only_when_set(rgb: Path) -> None:
    whole = pdfcheck.norm(" ".join(pdfcheck.page_texts(rgb / "livre.pdf")))
    assert "Une petite image." in whole  # caption
    assert "Un dégradé de couleurs." not in whole  # alt text only


def test_two_builds_are_byte_identical(rgb: Path, tmp_path: Path) -> None:
    again = project.build_book(tmp_path / "again", count=RGB_POSTS)
    for name in ("livre.pdf", "livre-ecran.pdf", "couverture.pdf"):
        assert (rgb / name).read_bytes() == (again / name).read_bytes(), name


def test_criers_sheets_in_reading_order(rgb: Path) -> None:
    sheet = rgb / "crieurs" / "place-saint-sulpice.pdf"
    reader = pypdf.PdfReader(sheet)
    assert abs(float(reader.pages[0].mediabox.width) - 148 * MM) < 0.5
    text = pdfcheck.norm(" ".join(p.extract_text() for p in reader.pages))
    times = re.findall(r"À lire à (\d+) h (\d+)", text)
    assert times and times == sorted(times, key=lambda t: (int(t[0]), int(t[1])))
