"""A Pelican writer that leaves alone the files whose bytes would not change.

Pelican renders and rewrites every output file on every build, even with its content
cache on ("all output is always written", its docs say). After an editor changes
one post, nearly every page comes out byte-identical; rewriting them costs disk
writes, bumps every modification time (so rsync, browsers and Pagefind treat the
whole site as new) and hides what the edit really changed. This writer renders as
usual but compares the rendered bytes with the file on disk: identical files are not
touched (their mtime stays), changed ones are written atomically (a temporary file
then ``os.replace``), so a reader never sees half a page and an output folder that
shares its files with an older one through hard links is never modified behind it.

Only :meth:`pelican.writers.Writer._open_w` is replaced: ``write_file`` (templates,
pagination) and ``write_feed`` keep Pelican's code and its overwrite checks.

Registered with ``signals.get_writer.connect(writer.get_writer)`` in ``site/__init__``.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from types import TracebackType
from typing import Any

from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (size checked first)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping an existing file's permissions.

    The temporary file is created with ``open`` (not ``mkstemp``) so that a new file
    gets the umask's permissions, as Pelican's own ``open(path, "w")`` would.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class PendingFile(io.TextIOWrapper):
    """A text file kept in memory until it is closed, then written only if it changed.

    A :class:`io.TextIOWrapper` (so that ``xml.sax`` and feedgenerator treat it as a
    text stream) over an in-memory buffer, with the encoding and newline rules
    Pelican's ``open(filename, "w", encoding=...)`` applies, so the bytes that reach
    the disk are the same. A ``with`` block that raises writes nothing.
    """

    def __init__(self, path: str, encoding: str, counts: dict[str, int]) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)
        self.path = Path(path)
        self.counts = counts
        self.discarded = False

    def close(self) -> None:
        if self.closed:
            return
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        data = buffer.getvalue()
        super().close()
        if self.discarded or self.path == Path(os.devnull):
            return
        if same_bytes(self.path, data):
            self.counts["unchanged"] += 1
            return
        replace_bytes(self.path, data)
        self.counts["written"] += 1

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discarded = kind is not None
        self.close()


class SameBytesWriter(Writer):
    """Pelican's writer, minus the writes that would not change a byte."""

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self.counts = {"written": 0, "unchanged": 0}

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> PendingFile:
        """Pelican's overwrite rules (``Writer._open_w``), then a pending file."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)")
            logger.info('Skipping "%s", not overwriting', filename)
            filename = os.devnull
        elif filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return PendingFile(filename, encoding, self.counts)


def get_writer(_pelican: Any) -> type[SameBytesWriter]:
    """``signals.get_writer`` handler (module level: Pelican keeps weak references)."""
    return SameBytesWriter
