"""Atomic file writes that honour the umask: one writer for the whole project.

A reader (Pelican, a web server, an editor's text editor) must never see half a
file, even after a crash, so every file goes to a temporary file in the same folder
and is renamed over the target with :func:`os.replace`.

The temporary file is created with a plain ``open`` (mode ``0o666`` minus the umask),
not :func:`tempfile.mkstemp`: mkstemp makes it ``0600``, and the PDFs, the
``robots.txt`` and the editors' files came out unreadable by a web server running as
another user. A file that already exists keeps its own mode instead.

Durability (``fsync``) costs a journal commit per call on ext4, a third of a
millisecond each: twice per post, it was a quarter of an import of 10,000 posts.
:class:`DeferredWrites` pays for it once per batch (see its docstring for how).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path
from types import TracebackType

# Where sync(2) waits for the data to reach the disk (Linux, since 1.3.20); elsewhere
# it may only schedule the writes, so each file is fsynced instead.
_SYNC_WAITS = sys.platform.startswith("linux") and hasattr(os, "sync")


def _raw(data: bytes | str) -> bytes:
    """Text is written as UTF-8, bytes as they are."""
    return data.encode("utf-8") if isinstance(data, str) else data


# os.open, not io's buffered open: the same mode (0o666 minus the umask) and one
# write(2), without building a file object per file (20,000 of them in an import).
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


def _tag() -> str:
    """A mark for this process's temporary files: its id and 32 random bits."""
    return f"{os.getpid()}.{os.urandom(4).hex()}"


def _write_temporary(path: Path | str, raw: bytes, durable: bool, make_parent: bool = True,
                     tag: str = "", mode_of_target: bool = True) -> str:
    """Write ``raw`` into a new hidden file beside ``path`` and return its path.

    The file gets the umask's mode, or ``path``'s when it exists (``mode_of_target``
    false: the caller knows it does not). It is removed if anything fails. ``O_EXCL``:
    never another process's file. ``tag`` names it (a batch numbers its files instead
    of asking for a process id and random bits twice a post); a name taken already
    gets a fresh tag. Paths as strings: pathlib's joins were a tenth of an import.
    """
    target = os.fspath(path)
    folder, name = os.path.split(target)
    if make_parent and folder:
        os.makedirs(folder, exist_ok=True)
    while True:
        tmp = os.path.join(folder, f".{name}.{tag or _tag()}.tmp")
        tag = ""
        try:
            fd = os.open(tmp, _CREATE, 0o666)
        except FileExistsError:  # pragma: no cover - a leftover of a crash, or 32 bits collided
            continue
        except FileNotFoundError:
            if make_parent or not folder:
                raise
            make_parent = True  # the folder thought made was removed meanwhile
            os.makedirs(folder, exist_ok=True)
            continue
        break
    try:
        try:
            if mode_of_target:
                try:
                    mode = os.stat(target).st_mode & 0o7777
                except FileNotFoundError:
                    pass
                else:
                    os.chmod(fd, mode)
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path | str) -> None:
    """Make the renames in ``folder`` durable (where folders can be opened: not Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> None:
    """Write ``path`` so that a reader sees the old file or the new one, never half.

    Parent folders are created. A new file gets ``0o666`` minus the umask, an existing
    file keeps its mode. With ``durable`` the data and the rename reach the disk before
    the call returns (fsync of the file, then of its folder). Without it the write is
    still atomic for running readers, but a crash may lose it, and on some file systems
    leave an empty file (the rename can reach the disk before the data): keep it for
    files that are cheap to make again. Many files that must survive a crash are
    cheaper through :class:`DeferredWrites`.
    """
    tmp = _write_temporary(path, _raw(data), durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    if durable:
        sync_folder(path.parent)


class DeferredWrites:
    """Atomic writes whose durability is paid once for the batch, not once per file.

    :meth:`write` puts the data in a temporary file beside the target, without fsync,
    and nothing else: the target is untouched. :meth:`commit` then

    1. makes every temporary file durable at once: one ``sync()`` on Linux, where it
       waits for the writes to reach the disk (one journal commit instead of one per
       file); elsewhere an fsync per file, in one pass;
    2. renames each over its target (``os.replace``), in the order written;
    3. fsyncs each folder that received a file, once.

    So each file is still replaced atomically, and only by data already on the disk: a
    crash at any point leaves every target either old or new and whole (at worst some
    hidden ``.<name>.<pid>.<hex>.<n>.tmp`` files behind). The price of deferring the renames
    is that a target read before :meth:`commit` shows its old content: the batch suits
    writers that never read back what they wrote, like the import (one file per post).

    Used as a context manager, the batch commits on leaving, on an exception too (what
    was written is kept, as if each file had been written at once); temporary files
    that could not be committed are removed.
    """

    def __init__(self) -> None:
        # target → (its temporary file, its folder)
        self._pending: dict[Path, tuple[str, str]] = {}
        # The folders written to, and whether this batch made them: a file in a folder
        # made a moment ago is new, its mode need not be looked up (that was a stat(2)
        # per file, the file not found).
        self._folders: dict[str, bool] = {}
        self._tag = _tag()
        self._count = 0

    def __len__(self) -> int:
        return len(self._pending)

    def _folder(self, folder: str) -> bool:
        """Make ``folder`` if missing (once per batch); whether this batch made it."""
        made = self._folders.get(folder)
        if made is None:
            made = False
            if folder and not os.path.isdir(folder):
                try:
                    os.makedirs(folder)
                    made = True
                except FileExistsError:
                    pass
            self._folders[folder] = made
        return made

    def write(self, path: Path, data: bytes | str) -> None:
        """Stage ``data`` for ``path``; a second write of the same path replaces the first."""
        folder = os.path.dirname(os.fspath(path))
        made = self._folder(folder)
        self._count += 1
        tmp = _write_temporary(path, _raw(data), False, False, f"{self._tag}.{self._count}",
                               mode_of_target=not made)
        previous = self._pending.pop(path, None)
        if previous is not None:
            _unlink(previous[0])
        self._pending[path] = (tmp, folder)

    def commit(self) -> None:
        """Make the staged files durable, put them in place, then make the renames durable."""
        pending, self._pending = self._pending, {}
        try:
            if _SYNC_WAITS:
                os.sync()
            else:
                for tmp, _folder in pending.values():
                    _fsync_file(tmp)
            folders: dict[str, None] = {}
            for path, (tmp, folder) in list(pending.items()):
                os.replace(tmp, path)
                del pending[path]
                folders[folder] = None
            for folder in folders:
                sync_folder(folder or ".")
        finally:
            self.discard(pending)

    def discard(self, pending: dict[Path, tuple[str, str]] | None = None) -> None:
        """Remove the staged temporary files without touching their targets."""
        if pending is None:
            pending, self._pending = self._pending, {}
        for tmp, _folder in pending.values():
            _unlink(tmp)
        pending.clear()

    def __enter__(self) -> DeferredWrites:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.commit()


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (a copy across file systems), replacing
    what was there. For files never changed in place, only replaced (the cached photo
    derivatives, a laid-out book edition): the link costs no disk and no copying."""
    try:
        os.link(source, target)  # the usual case: a new folder, no file there yet
        return
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass
    except OSError:  # another file system: a copy
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
