"""What ``inventaire check`` says of hostile input it can see in the editors' files.

The build already makes every one of these harmless (addresses kept only when http(s),
control characters dropped, handles shown with their invisible characters escaped,
each network's posts under their own names); the check says so, file by file, so that
the editors see what a stranger tried before the site goes up. Each line is in the
``path:line: field: what — fix`` form of :class:`PostFileError`.

Problems (exit status 1), which an editor fixes in the file: an original's address or
a media address that is not http(s), a media file outside ``content/media``.
Warnings: a handle with invisible, bidi or non-ASCII characters, a handle that looks
like another author's, control characters in a field or the text, and an id that
another network's post also has. YAML aliases and deep nesting are refused when the
file is read (:func:`inventaire.core.front_matter.load`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from inventaire.core.errors import PostFileError
from inventaire.core.model import Post
from inventaire.core.postfile import field_lines, split_front_matter
from inventaire.core.text.handles import (
    foreign_characters,
    hidden_characters,
    lookalike_key,
    shown_handle,
)
from inventaire.core.text.render import safe_url, xml_safe

MEDIA_FOLDER = "media"


class _Lines:
    """The file's field lines and its body's first line, read once when needed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fields: dict[str, int] | None = None
        self.body = 1

    def __call__(self, field: str) -> int:
        if self._fields is None:
            try:
                head, _body, self.body = split_front_matter(
                    self.path.read_text(encoding="utf-8"), str(self.path))
                self._fields = field_lines(head)
            except (PostFileError, UnicodeDecodeError, OSError):
                self._fields = {}
        return self.body if field == "text" else self._fields.get(field, 1)


def _codes(text: str) -> str:
    found = sorted({f"U+{ord(ch):04X}" for ch in text if xml_safe(ch) == ""})
    return ", ".join(found[:5]) + (", …" if len(found) > 5 else "")


def _shown(value: str, length: int = 60) -> str:
    value = xml_safe(value)
    return repr(value if len(value) <= length else value[:length] + "…")


def problems_of(post: Post, path: Path) -> list[PostFileError]:
    """Addresses that are not http(s) and media files outside ``content/media``: the
    build leaves them out; the file should not say them."""
    found: list[PostFileError] = []
    line = _Lines(path)

    def add(field: str, what: str, fix: str) -> None:
        found.append(PostFileError(str(path), line(field), field, what, fix))

    if post.url and not safe_url(xml_safe(post.url)):
        add("url", f"{_shown(post.url)} is not an http(s) address; it is left out of "
            "the site", "delete the line, or write the post's https:// address")
    for entity in post.entities:
        if entity.href and not safe_url(xml_safe(entity.href)):
            add("entities", f"a link to {_shown(entity.href)} is not an http(s) address; "
                "it is left out", "delete its 'href:' (the mention links to the network)")
    for index, media in enumerate(post.media, 1):
        if media.url and not safe_url(xml_safe(media.url)):
            add("media", f"item {index}: url {_shown(media.url)} is not an http(s) "
                "address; it is left out", "delete the 'url:' line of the item")
        for name, value in (("file", media.file), ("poster", media.poster)):
            parts = PurePosixPath(value.replace("\\", "/")).parts if value else ()
            if parts and (value.startswith(("/", "\\")) or ".." in parts or ":" in value
                          or parts[0] != MEDIA_FOLDER):
                add("media", f"item {index}: {name} {_shown(value)} is not a file of "
                    "content/media/", f"write '{name}: media/<file name>' with the file "
                    "put in content/media/")
    return found


def warnings_of(post: Post, path: Path) -> list[PostFileError]:
    """Handles that hide characters, and control characters in any field."""
    found: list[PostFileError] = []
    line = _Lines(path)

    def add(field: str, what: str, fix: str) -> None:
        found.append(PostFileError(str(path), line(field), field, what, fix))

    hidden, foreign = hidden_characters(post.author), foreign_characters(post.author)
    if hidden:
        add("author", f"the handle holds invisible or bidi characters ({', '.join(hidden)}), "
            "which no network puts in a handle: it is shown as "
            f"@{shown_handle(post.author)}, another account than the one it looks like",
            "check that it does not pose as an author of the day; withdraw it if it does")
    if foreign:
        add("author", f"the handle holds letters outside ASCII ({', '.join(foreign)}), "
            "which no network puts in a handle: it is shown as "
            f"@{shown_handle(post.author)}, another account than the one it looks like",
            "check that it does not pose as an author of the day; withdraw it if it does")
    fields: list[tuple[str, str]] = [
        ("author_name", post.author_name), ("note", post.note), ("url", post.url),
        ("place", post.place), ("text", post.text)]
    fields += [("media", f"{m.alt}{m.caption}{m.url}") for m in post.media]
    seen: set[str] = set()
    for field, value in fields:
        if field in seen or xml_safe(value) == value:
            continue
        seen.add(field)
        add(field, f"holds control characters ({_codes(value)}), which the site and "
            "the book leave out", "delete them if an editor typed them; an export's "
            "are left out when published")
    return found


def shared_warnings(posts: Iterable[tuple[Path, Post]]) -> list[PostFileError]:
    """Across the files: a handle that looks like another one (an impostor's), and an
    id that two networks' posts share (both kept, each under its own name)."""
    posts = list(posts)
    found: list[PostFileError] = []
    by_look: dict[tuple[str, str], set[str]] = {}
    for _path, post in posts:
        by_look.setdefault((post.network, lookalike_key(post.author)), set()).add(
            post.author.casefold())
    networks: dict[str, set[str]] = {}
    for _path, post in posts:
        networks.setdefault(post.id, set()).add(post.network)
    warned: set[tuple[Path, str]] = set()

    def add(field: str, what: str, fix: str, path: Path) -> None:
        if (path, field) not in warned:
            warned.add((path, field))
            found.append(PostFileError(str(path), _Lines(path)(field), field, what, fix))

    for path, post in posts:
        alike = by_look[(post.network, lookalike_key(post.author))]
        plain = post.author.isascii() and post.author.isprintable()
        if len(alike) > 1 and not plain:
            others = ", ".join(f"@{shown_handle(h)}" for h in sorted(alike)
                               if h != post.author.casefold())
            add("author", f"@{shown_handle(post.author)} looks like {others} but is "
                "another account: it is listed apart, never as them",
                "check that it does not pose as them; withdraw it if it does", path)
        others_networks = sorted(networks[post.id] - {post.network})
        if others_networks:
            add("id", f"a {' and a '.join(others_networks)} post has the same id "
                f"{post.id}: both are kept, this one as /post/{post.slug}/",
                "nothing to do if both are genuine; an export can give any id", path)
    return found
