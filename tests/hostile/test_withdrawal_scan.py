"""After a withdrawal and one build, nothing of the withdrawn posts is left on the disk
(issue 18, finding 13 and its acceptance).

A rights request must leave nothing the project keeps: not in ``output/``, and not in
``cache/`` either (Pelican's content cache, the book's plates and edition, the photo
derivatives, the previous output kept aside). One author with two posts (one with a
photo) is built with the site, the search index and the book; the scan first finds
them (so it can see), then the author is withdrawn with ``inventaire withdraw``, the
project is built once, and the scan looks again at every file of both folders:

* ids, handle and name in every file's bytes and path, and in the text of every file
  decompressed where needed (gzip: Pagefind's index fragments), JSON, PDFs' text
  (pypdf) and metadata;
* each post's own words, normalised (case, accents, markup, hyphenation);
* the photo: every image file, and every image inside a PDF, that shows it (it is
  magenta, a colour nothing else uses), and every file whose bytes hash as one of the
  images that showed it before the withdrawal.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile.leaks import Needles, file_hashes, find_each, images_showing, normal
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.commands.cli import main
from inventaire.core.model import Media
from PIL import Image, ImageDraw

pytestmark = [pytest.mark.slow]

HANDLE = "zephyrine_q"
NAME = "Zéphyrine Quaternaire"
TEXTS = ("Les hippocampes escaladent obstinément la colonnade du marché #jdtap",
         "Un xylographe ambulant vend des chrysanthèmes phosphorescents #jdtap")
OVERRIDES = {"SITEURL": "", "RELATIVE_URLS": True}


def photo(path: Path) -> None:
    """Magenta with a dark pattern: large enough to be printed as a plate."""
    image = Image.new("RGB", (1600, 1200), (235, 20, 225))
    draw = ImageDraw.Draw(image)
    for x in range(0, 1600, 200):
        draw.rectangle((x, 0, x + 40, 1200), fill=(60, 0, 60))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=92)


def scan(project: Path, needles: list[Needles]) -> list[str]:
    """Every trace of ``needles`` in the project's output and cache."""
    return [f"{folder}/{line}" for folder in ("output", "cache")
            for line in find_each(project / folder, needles)]


def wait_for_trash(project: Path) -> None:
    """The replaced output is deleted by a detached process: wait until it is gone
    (never more than two minutes), so that the scan sees what stays."""
    trash = project / "cache" / "trash"
    deadline = time.monotonic() + 120
    while trash.is_dir() and any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)


def test_a_withdrawn_author_leaves_nothing_in_output_and_cache(tmp_path: Path) -> None:
    posts = [made_up_post(i) for i in range(8)]
    mine = [made_up_post(20 + k, author=HANDLE, author_name=NAME, text=text,
                         consent="granted")
            for k, text in enumerate(TEXTS)]
    mine[0].media = [Media(file="media/retire-1.jpg", alt="Une photo magenta")]
    project = make_project(tmp_path, posts=[*posts, *mine])
    photo(project / "content" / "media" / "retire-1.jpg")
    needles = [Needles(post.id, normal(post.text),
                       tuple(normal(w) for w in post.text.split() if len(w) >= 9))
               for post in mine]
    needles.append(Needles(HANDLE, normal(NAME), (normal(NAME), normal(HANDLE))))

    build(project, publish=True, overrides=OVERRIDES)
    # The control: the scan sees each of them, in the pages, the search index, the book.
    before = scan(project, needles)
    kinds = {line.split(" (")[1].split(")")[0] for line in before}
    assert {"text", "pdf", "gzip"} <= kinds, before
    shown = [f"{folder}/{line}" for folder in ("output", "cache")
             for line in images_showing(project / folder)]
    assert any(line.startswith("output/") for line in shown), shown
    assert any(line.startswith("cache/") for line in shown), shown
    assert any(".pdf page" in line for line in shown), shown
    hashes = {digest for folder in ("output", "cache")
              for digest, name in file_hashes(project / folder).items()
              if f"{folder}/{name}" in shown}

    assert main(["--project", str(project), "withdraw", f"@{HANDLE}",
                 "--reason", "acceptance scan"]) == 0
    build(project, publish=True, overrides=OVERRIDES)
    wait_for_trash(project)

    assert (project / "output" / "index.html").is_file()
    assert not scan(project, needles)
    assert not [f"{folder}/{line}" for folder in ("output", "cache")
                for line in images_showing(project / folder)]
    left = {name for folder in ("output", "cache")
            for digest, name in file_hashes(project / folder).items() if digest in hashes}
    assert not left, left
