"""The book reads only the project, and its screen edition links to the site (issue 18,
findings 5 and 7).

An editors' page can name any address in Markdown: a file elsewhere on the build
machine (``file://``, an absolute path, ``../..`` or a symlink leaving the project)
must not be printed in the book, and a relative link must become a link to the
published site in ``livre-ecran.pdf``, never ``file:///…`` (a path of the build
machine, and a PDF that changes with the folder it was built in).
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "book"))
project = importlib.import_module("project")

SITE = "https://jdtap.example.org"
LIGHT = ["BOOK_COVER=False", "BOOK_CRIERS=False", "BOOK_WORKERS=1", f"SITEURL={SITE!r}",
         "PAGE_URL='{slug}/'"]
SECRET_SIZE = (77, 33)  # a size no other image of the book has
ALLOWED_SIZE = (51, 37)
PAGE_IMAGE_SIZE = (43, 29)

PREFACE = """---
title: Préface
slug: preface
---
Ce livre garde une journée de Paris.

Secrets : ![absolu]({secret}) ![remonte](../../../secret.png) ![lien](../media/lien.png)
![fichier](file://{secret}) <img src="{secret}" alt="html">
![web](https://evil.example/pixel.png) ![donnee](data:image/png;base64,iVBORw0KGgo=)
![statique]({{static}}/../../secret.png)

Permis : ![photo]({{static}}/media/editeurs.png) ![page]({{static}}page.png)

Liens : [la carte](/carte/) [un lieu](../lieu/place-saint-sulpice/) [à côté](auteurs/)
[ailleurs](https://www.perec.example/) [un fichier]({{static}}/media/editeurs.png)
[une ancre](#ch-place-saint-sulpice)
"""


def make(folder: Path) -> Path:
    project.make_project(folder, count=6)
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir()
    secret = outside / "secret.png"
    Image.new("RGB", SECRET_SIZE, (255, 0, 255)).save(secret)
    (folder / "secret.png").write_bytes(secret.read_bytes())  # in the project, not content
    media = folder / "content" / "media"
    (media / "lien.png").symlink_to(secret)
    Image.new("RGB", ALLOWED_SIZE, (0, 160, 0)).save(media / "editeurs.png")
    Image.new("RGB", PAGE_IMAGE_SIZE, (0, 0, 160)).save(folder / "content" / "pages" / "page.png")
    (folder / "content" / "pages" / "preface.md").write_text(
        PREFACE.format(secret=secret), encoding="utf-8")
    return folder


def image_sizes(pdf: Path) -> set[tuple[int, int]]:
    sizes = set()
    for page in PdfReader(pdf).pages:
        for image in page.images:
            sizes.add(image.image.size if image.image is not None else (0, 0))
    return sizes


def link_targets(pdf: Path) -> list[str]:
    """Every URI of every link annotation, in page order."""
    targets = []
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The same project laid out in two folders of different names and depths; the
    warnings the first build logged."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    handler = Keep(logging.WARNING)
    logging.getLogger().addHandler(handler)
    try:
        first = make(tmp_path_factory.mktemp("first"))
        one = project.run_step(first, *LIGHT).folder
    finally:
        logging.getLogger().removeHandler(handler)
    second = make(tmp_path_factory.mktemp("second") / "deeper" / "elsewhere")
    two = project.run_step(second, *LIGHT).folder
    return one, two, records


def test_no_file_outside_the_project_is_printed(books: tuple[Path, Path, list[str]]) -> None:
    one, _two, _records = books
    for name in ("livre.pdf", "livre-ecran.pdf"):
        sizes = image_sizes(one / name)
        assert SECRET_SIZE not in sizes, name
        assert ALLOWED_SIZE in sizes and PAGE_IMAGE_SIZE in sizes, (name, sizes)


def test_each_refusal_names_the_editors_file(books: tuple[Path, Path, list[str]]) -> None:
    one, _two, records = books
    secret = one.parents[2].parent / f"{one.parents[2].name}-outside" / "secret.png"
    refused = [r for r in records if "preface.md" in r]
    # file:// and data: never reach the book: the sanitiser drops them (finding 4).
    for what in ("« {secret}", "« ../../../secret.png", "« ../media/lien.png",
                 "« https://evil.example/pixel.png", "« {{static}}/../../secret.png"):
        assert any(what.format(secret=secret) in r for r in refused), (what, records)
    assert all(":" in r.split("preface.md", 1)[1][:4] for r in refused), refused


def test_screen_links_go_to_the_site_never_to_a_file(
        books: tuple[Path, Path, list[str]]) -> None:
    one, two, _records = books
    targets = link_targets(one / "livre-ecran.pdf")
    assert not [t for t in targets if not t.startswith(("https://", "http://", "mailto:"))]
    for expected in (f"{SITE}/carte/", f"{SITE}/lieu/place-saint-sulpice/",
                     f"{SITE}/preface/auteurs/", "https://www.perec.example/",
                     f"{SITE}/preface/#ch-place-saint-sulpice",
                     f"{SITE}/media/editeurs.png"):
        assert expected in targets, (expected, targets)
    # The same links, whatever folder the book was built in; no folder in the PDF.
    assert targets == link_targets(two / "livre-ecran.pdf")
    for pdf in (one / "livre-ecran.pdf", one / "livre.pdf", two / "livre-ecran.pdf"):
        data = pdf.read_bytes()
        assert b"file:" not in data, pdf
        assert str(one.parents[2]).encode() not in data, pdf


def test_the_fetcher_refuses_what_the_book_did_not_list(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The wall behind the editors' checks: whatever address reaches WeasyPrint, only
    registered names and the trusted files (fonts, colour profile) are read."""
    from inventaire.book.fetcher import BookFetcher
    from inventaire.core.fonts import book_font_files

    secret = tmp_path / "secret.txt"
    secret.write_text("HOSTILE")
    link = tmp_path / "font.ttf"
    link.symlink_to(secret)
    fetcher = BookFetcher()
    plate = tmp_path / "plate.jpg"
    plate.write_bytes(b"\xff\xd8")
    url = fetcher.register("plate/x.jpg", plate)
    assert fetcher.fetch(url)  # a registered name
    for font in book_font_files().values():
        assert fetcher.fetch(font.as_uri())  # the book's own CSS names its fonts
    refused = [secret.as_uri(), link.as_uri(), f"file://{tmp_path}/../{tmp_path.name}/secret.txt",
               "file://localhost/etc/passwd", "http://127.0.0.1:1/x.png",
               "https://example.org/x.png", "ftp://example.org/x", "data:text/plain,HOSTILE",
               f"inventaire:file:{secret}", "inventaire:nothing"]
    for address in refused:
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(address)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == len(refused), warned
    fetcher.trust(secret)
    assert fetcher.fetch(link.as_uri())  # trusted by what it is, wherever named from
