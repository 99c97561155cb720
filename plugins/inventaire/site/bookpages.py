"""What the site shows of the book: its editions and the page of each post.

The book is a step of its own (``inventaire.book``), run before the site; it leaves
``pages.json`` beside its PDFs. The site reads that file — a data contract, not an
import, so the site never loads the book's code:
``{"editions": [{"name", "title", "path", "pages", "size_bytes"}, …],
"posts": {"<network>:<id>": page, …}, "screen_posts": {…}, "files": […]}`` — each
post's page in the printed book, and in the screen edition, which leaves the blank
pages out; the files of the edition (the criers' sheets among them). Beside it, the
book step leaves ``apercus/apercus.json``: the pictures of the cover and of two
spreads and each PDF's format (``book/previews.py``). No file (a site built before
any book, or ``BOOK_ENABLED`` False): no editions, no page numbers, no pictures.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventaire.site.pictures import Picture

logger = logging.getLogger(__name__)


@dataclass
class BookPages:
    editions: list[dict[str, Any]] = field(default_factory=list)
    posts: dict[str, int] = field(default_factory=dict)
    screen: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    previews: dict[str, Any] = field(default_factory=dict)


def read_book_pages(path: Any) -> BookPages:
    """The book's ``pages.json``, or an empty record when there is none to read."""
    if not path:
        return BookPages()
    try:
        data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return BookPages()
    except (OSError, ValueError) as error:
        logger.warning("%s: the book's page list cannot be read (%s); the site shows "
                       "no page numbers — build the book again", path, error)
        return BookPages()
    editions = [e for e in data.get("editions") or [] if isinstance(e, dict) and e.get("path")]
    files = [str(f) for f in data.get("files") or [] if isinstance(f, str)]
    return BookPages(editions, page_map(data.get("posts")), page_map(data.get("screen_posts")),
                     files, read_previews(Path(str(path)).parent / PREVIEWS))


PREVIEWS = "apercus/apercus.json"


def read_previews(path: Path) -> dict[str, Any]:
    """The pictures of the book (``{"cover", "spreads", "formats"}``), or ``{}`` when
    the edition has none (laid out before they existed) or the file is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.warning("%s: the pictures of the book cannot be read (%s); the book's page "
                       "shows none — build the book again", path, error)
        return {}
    return data if isinstance(data, dict) else {}


def page_map(value: Any) -> dict[str, int]:
    """``{"<network>:<id>": page}`` keeping only whole page numbers."""
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int)}


@dataclass
class Spread:
    """Two facing pages of the printed book as a picture, and where the screen edition
    shows them (``""`` when no post is printed there)."""

    picture: Picture
    pages: list[int]
    screen_url: str = ""


@dataclass
class BookPage:
    """What ``/livre/`` shows besides the editions: the cover, the spreads, each PDF's
    format (by file name) and the criers' sheets as ``(place name, address)``."""

    cover: Picture | None = None
    spreads: list[Spread] = field(default_factory=list)
    formats: dict[str, dict[str, int]] = field(default_factory=dict)
    criers: list[tuple[str, str]] = field(default_factory=list)


COVER_SIZES = "(min-width: 46rem) 15rem, 60vw"
SPREAD_SIZES = "(min-width: 62rem) 56rem, calc(100vw - 2rem)"


def _picture(data: Any, prefix: str, sizes: str) -> Picture | None:
    """A picture of ``apercus.json`` with its files under the book's folder of the site;
    None when the entry is not one (an older or damaged file)."""
    if not isinstance(data, dict) or not data.get("jpeg"):
        return None
    try:
        def files(key: str) -> list[tuple[str, int]]:
            return [(f"{prefix}/{name}", int(width)) for name, width in data.get(key) or []]
        return Picture(alt=str(data.get("alt") or ""), width=int(data["width"]),
                       height=int(data["height"]), webp=files("webp"), jpeg=files("jpeg"),
                       sizes=sizes)
    except (KeyError, TypeError, ValueError):
        return None


def book_page(book: BookPages, prefix: str, places: dict[str, str],
              screen_path: str) -> BookPage:
    """The book's page from ``pages.json`` and ``apercus.json``: ``prefix`` is the
    book's folder in the site (``BOOK_OUTPUT``), ``places`` the places' names by slug
    (a sheet's file is named by its place), ``screen_path`` the screen edition's
    address, opened at a spread's page."""
    page = BookPage(cover=_picture(book.previews.get("cover"), prefix, COVER_SIZES))
    for item in book.previews.get("spreads") or []:
        picture = _picture(item, prefix, SPREAD_SIZES)
        if picture is None:
            continue
        pages = [int(n) for n in item.get("pages") or [] if isinstance(n, int)]
        screen = item.get("screen_page")
        url = f"{screen_path}#page={screen}" if screen_path and isinstance(screen, int) \
            and screen > 0 else ""
        page.spreads.append(Spread(picture, pages, url))
    formats = book.previews.get("formats")
    if isinstance(formats, dict):
        page.formats = {str(k): v for k, v in formats.items() if isinstance(v, dict)}
    for name in sorted(book.files):
        if name.startswith("crieurs/") and name.endswith(".pdf"):
            slug = name.removeprefix("crieurs/").removesuffix(".pdf")
            page.criers.append((places.get(slug, slug), f"{prefix}/{name}"))
    page.criers.sort(key=lambda item: item[0].casefold())
    return page
