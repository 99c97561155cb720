"""Where each live source stopped: ``content/.inventaire/live/cursors.yml``.

One entry per source (``mastodon:https://instance#tag``, ``bluesky:#tag``,
``folder:sources/live/stream.jsonl``), each a small mapping the source alone reads
(the newest status id, the newest post's time, a file's byte offset…) plus the
posts it saw lately (``recent``), against which a later pass tells a post deleted
upstream. The file is written atomically after the pass's posts are in their files:
a pass killed halfway starts again from the previous cursor, and the posts it had
already written merge as unchanged (the import's merge), so nothing is lost and
nothing is written twice.

It lives beside the import's records (``content/.inventaire/``): machine state, not
an editors' file, and the preview, which ignores dotted folders, does not build
again for a pass that brought nothing.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from inventaire.core.atomic import write_atomic
from inventaire.core.errors import PostFileError, UserError

CURSORS_FILE = Path(".inventaire") / "live" / "cursors.yml"
LOCK_FILE = Path(".inventaire") / "live" / "lock"
# How many recently seen posts each source remembers (for deletions upstream).
RECENT = 200

HEADER = ("# Where each source of `inventaire live` stopped. Written by the command; "
          "delete an entry\n# to read that source again from the start of the day "
          "(posts already in content/ merge as unchanged).\n")


class Cursors:
    """The sources' cursors, loaded once and saved after each pass."""

    def __init__(self, content: Path, data: dict[str, dict[str, Any]] | None = None) -> None:
        self.path = content / CURSORS_FILE
        self.data: dict[str, dict[str, Any]] = data or {}

    @classmethod
    def load(cls, content: Path) -> Cursors:
        """The file's cursors; none when it does not exist yet."""
        path = content / CURSORS_FILE
        if not path.is_file():
            return cls(content)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            mark = getattr(error, "problem_mark", None)
            raise PostFileError(str(path), mark.line + 1 if mark else 1, "cursors",
                                f"cannot be read ({error.__class__.__name__})",
                                "delete the file: every source is read again from the "
                                "start of the day, and posts already imported stay as "
                                "they are") from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise PostFileError(str(path), 1, "cursors", "not a mapping of sources",
                                "delete the file to read every source again")
        return cls(content, {str(k): dict(v) for k, v in data.items()})

    def get(self, key: str) -> dict[str, Any]:
        return dict(self.data.get(key) or {})

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Set a source's cursor; :meth:`save` writes it."""
        recent = value.get("recent")
        if isinstance(recent, list) and len(recent) > RECENT:
            value = {**value, "recent": recent[-RECENT:]}
        self.data[key] = value

    def save(self) -> None:
        text = HEADER + yaml.safe_dump(self.data, allow_unicode=True, sort_keys=True,
                                       default_flow_style=False)
        write_atomic(self.path, text)


@contextmanager
def one_live_at_a_time(content: Path) -> Iterator[None]:
    """An exclusive ``flock`` on ``content/.inventaire/live/lock`` while the command
    runs: two commands would read the same cursors and save them over each other. The
    kernel releases it when the command is killed."""
    path = content / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError("another 'inventaire live' is running on this project; stop "
                            "it first (one command keeps the cursors)") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
