"""The output folder of a build: built aside, swapped in whole at the end.

Pelican writes into a fresh sibling folder ``.output.building-<pid>-…`` seeded with
hard links to the previous output (so unchanged files are not written again); only a
build that ran to the end replaces ``output/``: ``output/`` is renamed to
``.output.old-<pid>-…``, the new folder renamed to ``output/``, and the old one
moved into the cache, where the next build deletes it (:class:`Sweeper`). A build
killed at any moment leaves either the previous ``output/`` or the new one, never
half of one; the next build removes what a killed one left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from inventaire.core.errors import UserError
from inventaire.commands.cpus import beside_pelican

# ----------------------------------------------------------------- the output swap

MARKER = ".inventaire-build"


def _siblings(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{kind}-*"))


def _pid_alive(path: Path) -> bool:
    """Whether the build that made ``path`` (its name holds the pid) still runs."""
    pid_text = path.name.rsplit(".", 1)[-1].split("-")[1] if "-" in path.name else ""
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_output(target: Path) -> None:
    """Clean up after a build that was killed: restore or delete its folders."""
    olds = [p for p in _siblings(target, "old") if not _pid_alive(p)]
    if not target.exists() and olds:
        # Killed between the two renames: the previous output is the backup.
        os.replace(olds[-1], target)
        olds = olds[:-1]
    for path in olds + [p for p in _siblings(target, "building") if not _pid_alive(p)]:
        shutil.rmtree(path, ignore_errors=True)


def check_output_folder(target: Path, project: Path, settings: dict[str, Any]) -> None:
    """Refuse an output folder whose replacement would delete the user's files."""
    protected = [project, Path(settings.get("PATH", project / "content")),
                 Path(settings.get("THEME", project / "theme")), Path.home(), Path.cwd()]
    for path in protected:
        path = path.resolve()
        if target == path or path.is_relative_to(target):
            raise UserError(f"output folder {target} holds {path}: a build replaces its "
                            "output folder entirely; give --output a folder of its own")
    if target.is_dir() and not (target / MARKER).exists() and not (
            target / "index.html").exists() and any(target.iterdir()):
        raise UserError(f"output folder {target} is not empty and was not written by a "
                        "build: a build replaces it entirely; empty it or choose another")


# Seeding: the new folder starts as hard links to the previous output's files, so the
# writer finds unchanged pages in place and leaves them alone (``site/writer.py``);
# every writer of the build replaces a file (new file, then ``os.replace``), which
# breaks the link and never changes the previous output. Files written in place by
# code we do not own are not seeded: the sitemap (pelican-sitemap opens it "w") and
# the theme's statics (Pelican's ``copy_file``), except the fonts we copy ourselves.
# Before the search index is made, :meth:`Seed.prune` deletes every seeded file
# that this build neither wrote nor declared, so pages of a withdrawn post go.


class Seed:
    """The files a build folder inherited from the previous output, by inode."""

    def __init__(self, building: Path, skip: Sequence[str] = (),
                 prefixes: tuple[str, ...] = ()) -> None:
        self.building = building
        self.skip = tuple(s.strip("/") + "/" for s in skip if s.strip("/"))
        self.inodes: dict[str, int] = {}
        self.declared: set[str] = set()
        self.prefixes = prefixes  # folders kept whole (their owners clean them)
        self._linking = True
        self._copying: subprocess.Popen[bytes] | None = None
        self._previous: Path | None = None  # what start_fill links, for ready's fallback

    def _skipped(self, relative: str) -> bool:
        return any((relative + "/").startswith(prefix) for prefix in self.skip)

    def fill(self, previous: Path) -> int:
        """Hard-link (or copy, across devices) ``previous``'s files; returns how many.

        ``os.scandir`` all the way: a link has its source's inode, which the
        directory listing already gives, so no file is opened or stat'ed (a site of
        a few thousand pages is seeded in tens of milliseconds).
        """
        if not previous.is_dir() or previous.is_symlink():
            return 0
        self._linking = True
        self._fill(str(previous), str(self.building), "")
        return len(self.inodes)

    def start_fill(self, previous: Path) -> None:
        """:meth:`fill` by ``cp -al`` in a process of its own, beside Pelican's start
        and its reading of the posts; nothing may touch the folder before :meth:`ready`.

        Linking a few thousand files inline costs a build a fifth of a second, and a
        thread waits for Python's lock after every link (five times slower). ``cp``
        gets the top-level entries but the skipped names and symbolic links; the
        rest of the skipping, and the inodes, come from one listing in :meth:`ready`.
        """
        self._previous = previous
        cp = shutil.which("cp")
        if cp is None or not previous.is_dir() or previous.is_symlink():
            self.fill(previous)
            return
        with os.scandir(previous) as entries:
            names = sorted(entry.path for entry in entries
                           if not entry.is_symlink() and not self._skipped(entry.name))
        if not names:
            return
        self._copying = subprocess.Popen(
            [cp, "-al", "--", *names, str(self.building)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=beside_pelican())

    def ready(self, _generators: Any = None) -> None:
        """Wait for :meth:`start_fill` (``all_generators_finalized``: before any page
        is written). Where ``cp`` failed (another device, a ``cp`` without ``-l``),
        the folder is emptied and seeded by :meth:`fill` instead."""
        process, self._copying = self._copying, None
        if process is None or self._previous is None:
            return
        process.communicate()
        if process.returncode != 0:
            for entry in list(self.building.iterdir()):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            self.inodes.clear()
            self.fill(self._previous)
            return
        self._listed(str(self.building), "")

    def _listed(self, folder: str, relative: str) -> None:
        """The inodes of what ``cp`` linked, from the listing; skipped names and links
        below the top level are deleted (their originals are untouched)."""
        with os.scandir(folder) as entries:
            for entry in entries:
                name = f"{relative}{entry.name}"
                if entry.is_symlink() or (self._skipped(name) and not entry.is_dir()):
                    os.unlink(entry.path)
                elif entry.is_dir(follow_symlinks=False):
                    if self._skipped(name):
                        shutil.rmtree(entry.path)
                    else:
                        self._listed(entry.path, name + "/")
                else:
                    self.inodes[name] = entry.inode()

    def _fill(self, source: str, target: str, relative: str) -> None:
        with os.scandir(source) as entries:
            for entry in entries:
                name = f"{relative}{entry.name}"
                if self._skipped(name) or entry.is_symlink():
                    continue
                destination = os.path.join(target, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    os.mkdir(destination)
                    self._fill(entry.path, destination, name + "/")
                    continue
                if self._linking:
                    try:
                        os.link(entry.path, destination)
                        self.inodes[name] = entry.inode()
                        continue
                    except OSError:  # another device, or links not supported
                        self._linking = False
                shutil.copy2(entry.path, destination)
                self.inodes[name] = os.stat(destination).st_ino

    def declare(self, relative: str | Path) -> None:
        """A file the build keeps though it may not rewrite it (a fresh derivative)."""
        path = Path(relative)
        if path.is_absolute():
            path = path.relative_to(self.building)
        self.declared.add(path.as_posix())

    def collect(self, generators: Sequence[Any]) -> None:
        """``all_generators_finalized`` handler: the files generators may leave alone."""
        for generator in generators:
            for job in getattr(generator, "picture_jobs", None) or ():
                self.declare(job.target)
            for static in getattr(generator, "staticfiles", None) or ():
                self.declare(static.save_as)

    def prune(self, kept: set[str]) -> int:
        """Delete the inherited files nobody wrote or declared; returns the HTML count."""
        kept = {os.path.normpath(p) for p in kept}
        deleted_html = 0
        for relative, inode in self.inodes.items():
            path = self.building / relative
            if relative in self.declared or relative.startswith(self.prefixes):
                continue
            if os.path.normpath(path) in kept:
                continue
            try:
                if path.stat().st_ino != inode:
                    continue  # replaced by this build
                path.unlink()
            except FileNotFoundError:
                continue
            deleted_html += relative.endswith(".html")
        for base, dirs, files in os.walk(self.building, topdown=False):
            if not dirs and not files and Path(base) != self.building:
                with suppress(OSError):
                    os.rmdir(base)  # only if still empty
        self.inodes.clear()
        return deleted_html


def theme_statics(settings: dict[str, Any], static_dir: str) -> list[str]:
    """What Pelican copies from the theme into ``output/<THEME_STATIC_DIR>/``, but fonts."""
    theme = Path(settings.get("THEME") or "theme")
    names = []
    for entry in settings.get("THEME_STATIC_PATHS") or []:
        source = theme / entry
        if source.is_dir():  # its content lands in the static folder itself
            names += [f"{static_dir}/{p.name}" for p in sorted(source.iterdir())
                      if p.name != "fonts"]
        else:
            names.append(f"{static_dir}/{source.name}")
    return names


@contextmanager
def swapped_output(target: Path, retain: Sequence[str] = (), seed: Seed | None = None,
                   seed_skip: Sequence[str] = (), trash: Path | None = None) -> Iterator[Path]:
    """A fresh folder to build into; on success it becomes ``target``.

    ``retain`` (Pelican's ``OUTPUT_RETENTION``, e.g. ``.git`` of a deployment) names
    entries of the previous output that move into the new one. When ``seed`` is
    given, the folder starts as hard links to the previous output (minus
    ``seed_skip``), made by ``cp`` in a process of its own (:meth:`Seed.start_fill`)
    that the build waits for with :meth:`Seed.ready`, and ``seed`` is bound to it.
    The previous output goes to ``trash`` when one is given (:func:`discard`).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_output(target)
    pid = os.getpid()
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-{pid}-",
                                     dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    building.chmod(0o777 & ~umask)  # mkdtemp makes it private; a site is not
    try:
        if seed is not None:
            seed.building = building
            seed.skip += tuple(f"{name.strip('/')}/" for name in (*seed_skip, *retain, MARKER)
                               if name.strip("/"))
            seed.start_fill(target)
        yield building
        if seed is not None:
            seed.ready()
        (building / MARKER).write_text("written by inventaire build; replaced whole by "
                                       "the next build\n", encoding="utf-8")
    except BaseException:
        if seed is not None:
            with suppress(BaseException):
                seed.ready()  # no cp may still be linking into the folder deleted here
        shutil.rmtree(building, ignore_errors=True)
        raise
    for name in retain:
        kept = target / name
        if name and "/" not in name and name not in (".", "..") and (
                kept.exists() or kept.is_symlink()) and not (building / name).exists():
            os.replace(kept, building / name)
    backup: Path | None = None
    if target.exists() or target.is_symlink():
        backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{pid}-",
                                       dir=target.parent))
        os.replace(target, backup)  # replaces the empty placeholder folder
    os.replace(building, target)
    if backup is not None:
        discard(backup, trash)


def discard(old: Path, trash: Path | None) -> None:
    """Delete the previous output, or move it into ``trash`` for a :class:`Sweeper`.

    Deleting a site of a few thousand files costs a quarter of a second of system
    time at the end of a build; the next build deletes it beside its own work.
    Mostly hard links to the new output's files, it holds next to no disk space.
    """
    if trash is not None and old.is_dir() and not old.is_symlink():
        try:
            trash.mkdir(parents=True, exist_ok=True)
            os.replace(old, trash / old.name)
            return
        except OSError:  # another file system: delete it now
            pass
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink()


class Sweeper:
    """Deletes, beside a build, what ``trash`` holds when it starts (not what is
    added later): ``rm -rf`` in a process of its own, which runs on another core
    without taking Python's lock from the build (a thread would slow the build
    down by as much as it saves); a thread where there is no ``rm``."""

    def __init__(self, trash: Path) -> None:
        entries = sorted(str(p) for p in trash.iterdir()) if trash.is_dir() else []
        self.process: subprocess.Popen[bytes] | None = None
        self.thread: threading.Thread | None = None
        if not entries:
            return
        rm = shutil.which("rm")
        if rm is not None:
            self.process = subprocess.Popen([rm, "-rf", "--", *entries],
                                            stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL,
                                            preexec_fn=beside_pelican())
            return
        self.thread = threading.Thread(target=_remove_all, args=(entries,), daemon=True)
        self.thread.start()

    def join(self) -> None:
        if self.process is not None:
            self.process.wait()
        if self.thread is not None:
            self.thread.join()


def _remove_all(paths: Sequence[str]) -> None:
    for path in paths:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with suppress(OSError):
                os.unlink(path)


