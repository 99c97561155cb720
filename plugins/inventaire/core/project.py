"""The editors' files of a project: which files are posts, and reading them all.

Every command and step that goes over the selection (the book, ``withdraw``,
``authors``, ``stats``) lists and reads it here, so they agree on what a post file is:
a ``.md`` file under ``content/posts/``, hidden files and folders left out (editors'
backups such as ``.#name.md``, as Pelican leaves them out).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from inventaire.core.errors import PostFileError
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from inventaire.core.rights import Register

POSTS_FOLDER = "posts"


def post_files(content: Path) -> list[Path]:
    """Every editors' file under ``content/posts/``, in path order."""
    folder = content / POSTS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*.md")
                  if not any(part.startswith(".")
                             for part in path.relative_to(folder).parts))


def read_posts(paths: Iterable[Path], register: Register | None = None
               ) -> tuple[list[tuple[Path, Post]], list[PostFileError]]:
    """The posts that parse, each with its file, and the errors of those that do not;
    with a ``register`` (``content/rights.yml``), its withdrawals applied."""
    posts: list[tuple[Path, Post]] = []
    errors: list[PostFileError] = []
    for path in paths:
        try:
            post = read_post(path)
            posts.append((path, register.apply(post) if register is not None else post))
        except PostFileError as error:
            errors.append(error)
    return posts, errors
