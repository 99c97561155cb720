"""A watched folder: JSONL files that other tools append to (twarc2's stream output).

Each ``*.jsonl`` file is read from the byte where the last pass stopped, up to its
last complete line: a line still being written (no newline yet) is left for the next
pass, so a post is read once, whole, never twice. A file that shrank or was replaced
(another inode) is read again from its start; its posts already in ``content/`` merge
as unchanged. Lines are read by the import's reader of the Twitter API v2
(``importer.sources.twitter_v2``: a page per line, or a flattened tweet), with the
file and line in every error.
"""

from __future__ import annotations

import json
import os
from datetime import tzinfo
from pathlib import Path
from typing import Any

from inventaire.importer.live.land import Batch
from inventaire.importer.sources.common import TOO_DEEP, Malformed, ReadContext, loads_line
from inventaire.importer.sources.twitter_v2 import NotTweets, records

CHUNK = 64 * 1024 * 1024  # at most this much of a file per pass


class FolderSource:
    """Every ``*.jsonl`` of ``folder`` (under ``content`` or not)."""

    def __init__(self, folder: Path, content: Path, tz: tzinfo) -> None:
        self.folder = folder
        self.content = content
        self.tz = tz
        self.key = f"folder:{self._name(folder)}"

    def _name(self, path: Path) -> str:
        """The path as recorded: relative to ``content/`` when it is inside it."""
        try:
            return path.resolve().relative_to(self.content.resolve()).as_posix()
        except ValueError:
            return str(path)

    def poll(self, cursor: dict[str, Any]) -> tuple[Batch, dict[str, Any]]:
        """One pass over the folder's files; the new cursor (each file's offset)."""
        batch = Batch(self.key)
        files = dict(cursor.get("files") or {})
        if not self.folder.is_dir():
            return batch, {"files": files}
        for path in sorted(self.folder.glob("*.jsonl")):
            name = self._name(path)
            files[name] = self._read(path, name, dict(files.get(name) or {}), batch)
        return batch, {"files": files}

    def _read(self, path: Path, name: str, state: dict[str, Any], batch: Batch
              ) -> dict[str, Any]:
        try:
            info = path.stat()
            offset, line = int(state.get("offset") or 0), int(state.get("line") or 0)
            if state.get("inode") != info.st_ino or info.st_size < offset:
                offset, line = 0, 0  # replaced or truncated: from the start
            with path.open("rb") as handle:
                handle.seek(offset)
                data = handle.read(CHUNK)
        except OSError as error:
            batch.records.append(Malformed(name, 0, f"cannot be read ({error.strerror}); "
                                                    "the next pass tries again"))
            return state
        end = data.rfind(b"\n") + 1  # a last line without its newline waits
        context = ReadContext(self.tz, source=name, label=name)
        for raw in data[:end].splitlines():
            line += 1
            if line == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if raw.strip():
                self._line(raw, line, context, batch)
        return {"offset": offset + end, "line": line, "inode": info.st_ino,
                "size": info.st_size}

    @staticmethod
    def _line(raw: bytes, line: int, context: ReadContext, batch: Batch) -> None:
        try:
            value = loads_line(raw)
        except UnicodeDecodeError:
            batch.records.append(Malformed(context.label, line, "not UTF-8; the tool that "
                                           "writes this file must write UTF-8"))
            return
        except json.JSONDecodeError as error:
            batch.records.append(Malformed(context.label, line, f"invalid JSON: {error.msg} "
                                           f"(column {error.colno})"))
            return
        except RecursionError:
            batch.records.append(Malformed(context.label, line, TOO_DEEP))
            return
        try:
            batch.records.extend(records(value, context, line))
        except NotTweets as error:
            batch.records.append(Malformed(context.label, line, str(error)))


def folder_path(content: Path, setting: str) -> Path:
    """``LIVE_FOLDER``: relative to ``content/``, or absolute."""
    path = Path(os.path.expanduser(setting))
    return path if path.is_absolute() else content / path
