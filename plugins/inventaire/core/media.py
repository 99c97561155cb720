"""Media files named by posts: where they may be read from.

Media names come from exports and from editors; the site and the book resolve them
only through :func:`media_path`, so no name can make a build read a file outside
``content/``.
"""

from __future__ import annotations

from pathlib import Path


def media_path(content: Path, file: str) -> Path | None:
    """The media file a post names, or None when the name would leave ``content/``.

    Media names come from exports and editors: ``../../etc/passwd``, an absolute path
    or a backslash must never make the build read (or copy) a file outside the
    project's content.
    """
    if not file or "\x00" in file or "\\" in file or file.startswith("/"):
        return None
    if any(part in ("", ".", "..") for part in file.split("/")):
        return None
    root = content.resolve()
    path = (root / file).resolve()
    if not path.is_relative_to(root):
        return None  # a symlink pointing outside
    return path
