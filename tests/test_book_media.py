"""Videos, animated GIFs and content warnings in the book.

A video prints as its poster frame, marked « vidéo »; a GIF without a poster as its
own first frame, marked « GIF animé »; a video without a poster, or a sound, has
nothing to print and is left out without stopping the book. A content warning the
author put on the post is printed before its words. Each is read back from the PDF.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from inventaire.core.model import Media
from inventaire.core.postfile import read_post, write_post
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
project = importlib.import_module("project")
pdfcheck = importlib.import_module("pdfcheck")

LIGHT = ["BOOK_COVER=False", "BOOK_CRIERS=False", "BOOK_SCREEN=False"]


def set_post(folder: Path, index: int, **fields: object) -> None:
    path = next((folder / "content" / "posts").rglob(f"*-{325312345678900000 + index}.md"))
    post = read_post(path)
    for name, value in fields.items():
        setattr(post, name, value)
    write_post(post, folder / "content" / "posts")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("media")
    project.make_project(folder, count=12)
    media = folder / "content" / "media"
    project.photo(media / "poster.jpg", (1600, 900), 3)
    (media / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    Image.new("RGB", (1200, 800), "purple").save(media / "anim.gif")
    (media / "lost.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    set_post(folder, 1, media=[Media(file="media/clip.mp4", kind="video",
                                     poster="media/poster.jpg", alt="Un pigeon filmé.")])
    set_post(folder, 2, media=[Media(file="media/anim.gif", kind="gif", alt="Un GIF.")])
    set_post(folder, 3, media=[Media(file="media/lost.mp4", kind="video")])
    set_post(folder, 5, extra={"content_warning": "Bruit de sirènes <b>fort</b>"})
    edition = project.run_step(folder, *LIGHT).folder
    return edition, pdfcheck.norm(" ".join(pdfcheck.page_texts(edition / "livre.pdf")))


def test_a_video_prints_its_poster_marked(book: tuple[Path, str]) -> None:
    edition, text = book
    assert "vidéo" in text and "GIF animé" in text
    import pypdf

    images = [image for page in pypdf.PdfReader(edition / "livre.pdf").pages
              for image in page.images]
    assert len(images) >= 3  # the fixture's photo, the video's poster, the GIF's frame


def test_a_content_warning_is_printed_before_the_words(book: tuple[Path, str]) -> None:
    _edition, text = book
    assert "Avertissement : Bruit de sirènes <b>fort</b>" in text.replace("\u00a0", " ")
