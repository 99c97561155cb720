"""The posts that matter during the day, re-checked upstream in rotation.

A source's pass sees an edit or a deletion only among its newest page (Mastodon's 40
statuses, Bluesky's 100 posts). A post an editor selected, or marked for a crier,
may be edited or deleted later in the day, long after it left that page: read aloud
on a square or shown on the wall, its old text or a deleted post would be wrong. So
each pass also re-fetches a few of these posts (:class:`Watchlist` says which;
:func:`due` which of them come next), a bounded number (``LIVE_RECHECK`` requests per
source and pass), the least recently checked first, until every one was checked, and
round again; a source stops early when its rate-limit window runs low
(:func:`low_on_requests`).

The watch list is read from the editors' files. A pass must stay cheap at 10,000
posts, so the files are only listed and ``stat``-ed; a file is read again only when
it changed, and parsed only when its bytes say ``selected`` or ``declaimed``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import PostFileError
from inventaire.core.postfile import load_post_file

# Requests a source spends a pass on the watched posts, unless LIVE_RECHECK says.
RECHECK = int(inventaire_settings.DEFAULTS["LIVE_RECHECK"])
# A source keeps this share of its rate-limit window for its timelines: the re-check
# stops for the pass when fewer requests than that remain.
RESERVE = 0.2
RESERVE_MIN = 10


@dataclass(frozen=True)
class Watched:
    """One post to re-check: its id on its network, its author's handle (Bluesky
    finds the account by it), and whether a crier is to read it (checked first)."""

    id: str
    author: str
    declaimed: bool


class Watchlist:
    """Selected or declaimed posts of ``content/posts``, by network and source."""

    def __init__(self, content: Path, max_age: float = 5.0) -> None:
        self.posts = content / "posts"
        # The sources of one pass share a look at the files: at 10,000 posts a look
        # (every file stat-ed) costs about 0.1 s of CPU.
        self.max_age = max_age
        self.looked = -max_age
        # path → ((inode, mtime_ns, size), (network, source, watched) or None)
        self.files: dict[str, tuple[tuple[int, int, int],
                                    tuple[str, str, Watched] | None]] = {}

    def refresh(self) -> None:
        """Read the files that changed since the last call (every file the first time)."""
        present: set[str] = set()
        try:
            folders = [e for e in os.scandir(self.posts) if e.is_dir()]
        except OSError:
            folders = []
        for folder in folders:
            try:
                entries = list(os.scandir(folder.path))
            except OSError:
                continue
            for entry in entries:
                if not entry.name.endswith(".md"):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                present.add(entry.path)
                # An editor's save replaces the file (a new inode) or changes its time.
                stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
                known = self.files.get(entry.path)
                if known is None or known[0] != stamp:
                    self.files[entry.path] = (stamp, _watched(Path(entry.path)))
        for gone in self.files.keys() - present:
            del self.files[gone]

    def posts_of(self, network: str, source: str) -> list[Watched]:
        """The watched posts a source brought (the ``source`` its reader wrote)."""
        if time.monotonic() - self.looked >= self.max_age:
            self.refresh()
            self.looked = time.monotonic()
        found = {w.id: w for _stamp, item in self.files.values() if item is not None
                 for n, s, w in [item] if n == network and s == source}
        return [found[i] for i in sorted(found)]


def _watched(path: Path) -> tuple[str, str, Watched] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"selected" not in data and b"declaimed" not in data:
        return None
    try:
        post = load_post_file(data, str(path))  # the bytes read above, not read again
    except PostFileError:
        return None  # the import and check say what is wrong with it
    if post.status != "selected" and post.declaimed is None:
        return None
    return post.network, post.source, Watched(post.id, post.author,
                                              post.declaimed is not None)


def due(watched: list[Watched], checks: dict[str, Any], skip: set[str]) -> list[Watched]:
    """The watched posts in the order they are to be checked: never checked first,
    then the least recently checked; a crier's before the others; ``skip`` (seen in
    this pass already) left out. ``checks`` maps an id to ``[pass, …]``."""
    def last(item: Watched) -> int:
        entry = checks.get(item.id)
        return int(entry[0]) if isinstance(entry, list) and entry else -1

    return sorted((w for w in watched if w.id not in skip),
                  key=lambda w: (last(w), not w.declaimed, len(w.id), w.id))


def low_on_requests(remaining: Any, limit: Any) -> bool:
    """Whether a rate-limit window (``remaining`` of ``limit``) is down to its reserve."""
    try:
        left, whole = int(remaining), int(limit)
    except (TypeError, ValueError):
        return False
    return left < max(RESERVE_MIN, int(whole * RESERVE))
