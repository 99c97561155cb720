"""Plates that float: a photo that does not fit at the foot of a page lets the text
fill the page, and prints at the top of the next one.

A post is laid out with its plate under it, never split from it (``break-inside``),
so a post whose plate does not fit at the foot of a page goes over whole, and leaves
a hole as tall as the rest of the page: a fifth to a third of a page on the sample
day, three times. WeasyPrint has no page floats (``float: top``), so the book does
what a compositor does by hand, in two passes of the chapters:

1. lay them out as they are; read, from each page's anchors (WeasyPrint's public
   ``Page.anchors``: every id's box on its page, in CSS pixels from the trimmed
   page's corner), where each post's box is;
2. for each post with a plate that went over to the next page, leaving room at the
   foot of the page before: if its text fits in that room, its plate is detached and
   printed after the posts of the same sitting that fit in the room with it (their
   heights read in pass one; lines keep their widths, so their heights stay), then
   the chapters are laid out again. The plate then opens the next page, captioned
   with its post's time and author, and the hole is filled with text.

Everything stays in time order but the plate, which follows its post by a few
entries at most and never leaves its sitting (the place and hour of its head).
A plate floats only from a verso to the recto facing it: a reader sees the post and
its plate on the same spread. From a recto it would turn the leaf away from its post,
so there the post goes over with its plate, as without floating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inventaire.book.chapters import BookContent, BookPost
from inventaire.book.edition import BookEdition

PX_PER_MM = 96 / 25.4
LEAST_HOLE = 0.12  # a hole under this share of the text block is left as it is


def plate_anchor(post: BookPost) -> str:
    """The id of a post's first plate (``livre.html``), whose top ends its text."""
    return f"{post.anchor}-planche"


@dataclass
class Box:
    page: int  # 0-based
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def boxes(document: Any) -> dict[str, Box]:
    """Every anchor's first box: its page and its top and bottom, in CSS pixels."""
    found: dict[str, Box] = {}
    for number, page in enumerate(document.pages):
        for anchor, (_x0, top, _x1, bottom) in page.anchors.items():
            found.setdefault(anchor, Box(number, top, bottom))
    return found


def float_plates(document: Any, content: BookContent, edition: BookEdition,
                 start: int = 2) -> int:
    """Mark the posts whose plates float (pass two prints them later); the number of
    plates moved. ``document`` is the chapters laid out as they are (pass one), its
    first page the book's page ``start`` (its parity tells versos from rectos)."""
    where = boxes(document)
    foot = (edition.trim[1] - edition.margins[2]) * PX_PER_MM
    least = edition.text_height_mm * LEAST_HOLE * PX_PER_MM
    gap = edition.line_mm * PX_PER_MM  # .post's bottom margin: a line (livre.css)
    moved = 0
    for chapter in content.chapters:
        for sitting in chapter.sittings:
            moved += float_in(sitting.posts, where, foot, least, gap, start)
    return moved


def float_in(posts: Sequence[BookPost], where: dict[str, Box], foot: float, least: float,
             gap: float, start: int = 2) -> int:
    """:func:`float_plates` in one sitting."""
    moved = 0
    for index in range(1, len(posts)):
        post, before = posts[index], posts[index - 1]
        this, last, plate = (where.get(post.anchor), where.get(before.anchor),
                             where.get(plate_anchor(post)))
        if not post.plates or post.floated or this is None or last is None or plate is None:
            continue
        hole = foot - last.bottom
        if this.page != last.page + 1 or hole < least or (start + last.page) % 2:
            continue  # not the page before, too small a hole, or a recto
        used = gap + (plate.top - this.top)  # the post's text, without its plates
        if used > hole:
            continue
        carrier = post
        for follower in posts[index + 1:]:
            box = where.get(follower.anchor)
            if follower.plates or box is None or used + gap + box.height > hole:
                break
            used += gap + box.height
            carrier = follower
        post.floated = True
        carrier.carried.append(post)
        moved += 1
    return moved
