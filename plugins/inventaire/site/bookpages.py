"""What the site shows of the book: its editions and the page of each post.

The book is a step of its own (``inventaire.book``), run before the site; it leaves
``pages.json`` beside its PDFs. The site reads that file — a data contract, not an
import, so the site never loads the book's code:
``{"editions": [{"name", "title", "path", "pages", "size_bytes"}, …],
"posts": {"<network>:<id>": page, …}, "screen_posts": {…}}`` — each post's page in
the printed book, and in the screen edition, which leaves the blank pages out. No
file (a site built before any book, or ``BOOK_ENABLED`` False): no editions, no page
numbers.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


@dataclass
class BookPages:
    editions: list[dict[str, Any]] = field(default_factory=list)
    posts: dict[str, int] = field(default_factory=dict)
    screen: dict[str, int] = field(default_factory=dict)


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
    return BookPages(editions, page_map(data.get("posts")), page_map(data.get("screen_posts")))


def page_map(value: Any) -> dict[str, int]:
    """``{"<network>:<id>": page}`` keeping only whole page numbers."""
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int)}
