"""Where the links and images of editors' Markdown may lead: ``{static}``/``{attach}``
limits, and the addresses of the site that a relative link means.

Pelican publishes every file an editors' page names with ``{static}`` or
``{attach}``, wherever it is: ``{static}/sources/export.jsonl`` would publish the raw
exports (strangers' deleted posts, withdrawn ones), ``{static}/media/<id>-1.jpg`` a
post's photo, which the site otherwise publishes only as derivatives (and never once
its post is withdrawn), and ``{static}../../x`` a file of the build machine, written
*outside* the output folder (Pelican saves it under its path relative to
``content/``). The book, read by WeasyPrint from ``content/``, would print the same
files. So both read them through :func:`static_target`: a file under
``content/pages/`` or ``content/media/`` that no post names, symlinks resolved, or a
reason why not. ``inventaire check`` reports every refusal as ``path:line``; the site
and the book drop the link with a warning.

Only Pelican's public markers are read (``{static}``, ``{attach}``, or with bars,
``|static|``, as its default ``INTRASITE_LINK_REGEX`` writes them) and resolved as
its linker does: from ``content/`` when the path starts with ``/``, else from the
editors' file's folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from inventaire.core.errors import PostFileError

ALLOWED_FOLDERS = ("pages", "media")
POSTS_FOLDER = "posts"
MARKER = re.compile(r"^[{|](?P<what>[A-Za-z]+)[}|](?P<value>.*)$", re.S)
FIX = "put the file under content/pages/ or content/media/ and write {static}/media/<name>"


@dataclass(frozen=True)
class Reference:
    """One address of an editors' HTML: its tag, its attribute, its value."""

    tag: str
    attribute: str
    value: str

    @property
    def marker(self) -> str:
        """``static``, ``attach``, another of Pelican's (``filename``…), or ``""``."""
        found = MARKER.match(self.value)
        return found.group("what").lower() if found else ""

    @property
    def target(self) -> str:
        """The value without its marker."""
        found = MARKER.match(self.value)
        return found.group("value") if found else self.value

    @property
    def is_static(self) -> bool:
        return self.tag in ("a", "img") and self.attribute in ("href", "src") \
            and self.marker in ("static", "attach")


class StaticLinks:
    """nh3's ``attribute_filter`` for one editors' text: every ``{static}`` or
    ``{attach}`` address that leads where it may not is dropped (an image loses its
    source, a link its address, its text stays), and :attr:`problems` says so.

    ``post_media`` is read only when an address points into ``content/media/``: the
    posts are read then, once (:func:`post_media_files`)."""

    def __init__(self, source: Path, source_text: str, content: Path,
                 post_media: Callable[[], set[Path]] | None = None) -> None:
        self.source, self.source_text, self.content = source, source_text, content
        self._post_media = post_media
        self._media: set[Path] | None = None
        self.problems: list[PostFileError] = []

    def post_media(self) -> set[Path]:
        if self._media is None:
            self._media = (self._post_media or (lambda: post_media_files(self.content)))()
        return self._media

    def __call__(self, tag: str, attribute: str, value: str) -> str | None:
        reference = Reference(tag, attribute, value)
        if reference.is_static and self.refuse(reference):
            return None
        return value

    def refuse(self, reference: Reference) -> str:
        """Why the ``{static}`` address may not be followed (noted in
        :attr:`problems`), or ``""``."""
        why = static_refusal(self.resolve(reference), self.content, self.post_media)
        if why:
            self.problems.append(refusal(self.source, self.source_text, reference, why))
        return why

    def resolve(self, reference: Reference) -> Path | None:
        return static_path(reference.target, self.source, self.content)


def static_path(value: str, source: Path, content: Path) -> Path | None:
    """The file ``value`` names as Pelican's linker resolves it (symlinks followed),
    or None when it cannot be a file name (empty, NUL, backslash)."""
    path = unquote(urlsplit(value).path)
    if not path or "\x00" in path or "\\" in path:
        return None
    base = content if path.startswith("/") else source.parent
    return (base / path.lstrip("/")).resolve()


def static_refusal(path: Path | None, content: Path,
                   post_media: Callable[[], set[Path]]) -> str:
    """Why ``path`` may not be published or printed, or ``""`` when it may."""
    root = content.resolve()
    if path is None:
        return "not a file name"
    if not path.is_relative_to(root):
        return "leaves content/ (a file of the machine that builds)"
    folder = path.relative_to(root).parts[0] if path != root else ""
    if folder == "sources":
        return "is in content/sources/: the raw exports are never published"
    if folder not in ALLOWED_FOLDERS:
        return f"is in content/{folder}/, not in content/pages/ or content/media/"
    if not path.is_file():
        return "no such file"
    if folder == "media" and path in post_media():
        return ("is a post's own file: the site publishes only its derivatives, and "
                "nothing of it once the post is withdrawn")
    return ""


def post_media_files(content: Path) -> set[Path]:
    """Every media file (and poster) the posts name, resolved; a post that cannot be
    read names none (``check`` reports it)."""
    from inventaire.core.media import media_path
    from inventaire.core.postfile import read_post

    found: set[Path] = set()
    for file in sorted((content / POSTS_FOLDER).rglob("*.md")):
        try:
            post = read_post(file)
        except (PostFileError, OSError, ValueError):
            continue
        for media in post.media:
            for name in (media.file, media.poster):
                path = media_path(content, name) if name else None
                if path is not None:
                    found.add(path)
    return found


def line_of(source_text: str, value: str) -> int:
    """The 1-based line of ``source_text`` where ``value`` (or its path) is written;
    1 when it cannot be found (the Markdown wrote it differently)."""
    for needle in (value, urlsplit(value).path):
        if needle:
            index = source_text.find(needle)
            if index >= 0:
                return source_text.count("\n", 0, index) + 1
    return 1


def refusal(source: Path, source_text: str, reference: Reference, what: str,
            fix: str = FIX) -> PostFileError:
    """One refused address, printed ``path:line: field: what — fix``."""
    field = ("{" + reference.marker + "}" if reference.marker
             else "image" if reference.tag == "img" else "link")
    return PostFileError(str(source), line_of(source_text, reference.target), field,
                         f"« {reference.value} » {what}", fix)
