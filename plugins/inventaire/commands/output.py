"""The output folder of a build: built aside, swapped in whole at the end.

Pelican writes into a fresh, empty sibling folder ``.output.building-<pid>-…``;
only a build that ran to the end replaces ``output/``: ``output/`` is renamed to
``.output.old-<pid>-…``, the new folder renamed to ``output/``, and the old one
deleted. A build killed at any moment leaves either the previous ``output/`` or the
new one, never half of one; the next build removes what a killed one left behind.
The replaced output is deleted by ``rm -rf`` in a process of its own that the
command does not wait for (:func:`delete_later`): unlinking twenty thousand files
took longer than rendering a fifth of them.
Every build but the preview is a full build (the rule Sphinx and Hugo follow for a
publish): nothing of the previous output is reused. The preview's builds keep the
pages whose inputs did not change where they are (``site/reuse.py``): when a build
kept any, its folder is merged into ``output/`` instead (:func:`merge_output`), and
every file neither written by it nor kept is deleted, so no page survives from an
older state there either. A file the preview wrote again with the very bytes
``output/`` holds stays as it is there (a rename into a folder costs a journal
write, and most of a one-post edit's files — the theme, the fonts, the lists — come
out the same).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inventaire.core.atomic import write_atomic
from inventaire.core.errors import UserError
from inventaire.core.samebytes import same_bytes
from inventaire.site.reuse import folder_files

MARKER = ".inventaire-build"
# The preview's output lists its own files here, so that the next preview's merge
# knows what is there without walking ten thousand folders (:func:`merge_output`).
LISTING = ".inventaire-files.json"


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


def recover_output(target: Path, trash: Path | None = None) -> None:
    """Clean up after a build that was killed: restore or delete its folders."""
    olds = [p for p in _siblings(target, "old") if not _pid_alive(p)]
    if not target.exists() and olds:
        # Killed between the two renames: the previous output is the backup.
        os.replace(olds[-1], target)
        olds = olds[:-1]
    for path in olds + [p for p in _siblings(target, "building") if not _pid_alive(p)]:
        shutil.rmtree(path, ignore_errors=True)
    stopped = _siblings(target, "trash") + (
        sorted(trash.glob(f".{target.name}.trash-*")) if trash is not None else [])
    for path in stopped:  # an rm -rf that was stopped: once more
        delete_later(path)


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


def delete_later(folder: Path) -> None:
    """Delete ``folder`` in a detached process (``rm -rf``), or now where there is no
    ``rm``. The folder was renamed out of the way first: nothing reads it any more."""
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    subprocess.Popen([rm, "-rf", "--", str(folder)], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


@contextmanager
def swapped_output(target: Path, retain: Sequence[str] = (),
                   trash: Path | None = None,
                   kept: Callable[[], set[str]] | None = None) -> Iterator[Path]:
    """A fresh folder to build into; on success it becomes ``target``, or, when
    ``kept`` names files of ``target`` the build kept in place, is merged into it.

    ``retain`` (Pelican's ``OUTPUT_RETENTION``, e.g. ``.git`` of a deployment) names
    entries of the previous output that move into the new one. The folder gets the
    permissions the umask gives a new folder (``mkdtemp`` makes it private; a web
    server running as another user must read the site). The replaced output is
    moved into ``trash`` (the cache), else left beside, and deleted there.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_output(target, trash)
    pid = os.getpid()
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-{pid}-",
                                     dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    building.chmod(0o777 & ~umask)
    try:
        yield building
        (building / MARKER).write_text("written by inventaire build; replaced whole by "
                                       "the next build\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    kept_files = kept() if kept is not None else set()
    if kept_files and target.is_dir():
        merge_output(target, building, kept_files, retain, trash)
        return
    if kept is not None:  # a preview: its files, for the next one's merge
        write_listing(building, folder_files(building))
    for name in retain:
        retained = target / name
        if name and "/" not in name and name not in (".", "..") and (
                retained.exists() or retained.is_symlink()) and not (building / name).exists():
            os.replace(retained, building / name)
    backup: Path | None = None
    if target.exists() or target.is_symlink():
        backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{pid}-",
                                       dir=target.parent))
        os.replace(target, backup)  # replaces the empty placeholder folder
    os.replace(building, target)
    if backup is not None:
        delete_later(to_trash(backup, trash))


def merge_output(target: Path, building: Path, kept: set[str],
                 retain: Sequence[str] = (), trash: Path | None = None) -> None:
    """The preview's end when it kept pages in place: every file of ``building`` moved
    into ``target`` (a rename each, so a page is never seen half-written) unless
    ``target`` holds the same bytes under its name already, then every file of
    ``target`` that is neither one of them nor ``kept`` (nor under a ``retain``
    entry) deleted, with the folders it leaves empty; ``building`` renamed out of the
    way (into ``trash`` when given) and deleted by a process of its own
    (:func:`delete_later`). What ``target`` holds is read from its listing
    (:data:`LISTING`, written by the last preview), else from the folder itself."""
    written = set(folder_files(building)) - {LISTING}
    for name in sorted(written):
        destination = target / name
        if same_bytes(building / name, destination):
            continue  # left in building, deleted with it
        try:
            os.replace(building / name, destination)
        except FileNotFoundError:
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(building / name, destination)
        except (IsADirectoryError, NotADirectoryError):  # a file became a folder, or back
            _clear_way(target, name)
            os.replace(building / name, destination)
    present = read_listing(target)
    if present is None:
        present = set(folder_files(target)) - {LISTING}
    keep = written | kept
    retained = {name for name in retain if name}
    emptied: set[Path] = set()
    for name in present:
        if name not in keep and name.split("/", 1)[0] not in retained:
            (target / name).unlink(missing_ok=True)
            emptied.update((target / name).parents)
    for folder in sorted(emptied, key=lambda path: len(path.parts), reverse=True):
        if folder.is_relative_to(target) and folder != target:
            with contextlib.suppress(OSError):  # not empty: it stays
                folder.rmdir()
    write_listing(target, [name for name in present | written
                           if name in keep or name.split("/", 1)[0] in retained])
    # Its folders (and the files left as they were): one rename now, not an rmdir
    # per folder while the editor waits.
    delete_later(to_trash(building, trash))


def read_listing(folder: Path) -> set[str] | None:
    """The files ``folder`` holds by its listing; None without a readable one."""
    try:
        names = json.loads((folder / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    return set(names)


def write_listing(folder: Path, names: Iterable[str]) -> None:
    write_atomic(folder / LISTING, json.dumps(sorted(set(names) - {LISTING})), durable=False)


def _clear_way(target: Path, name: str) -> None:
    """Remove what stands where ``name`` goes: a folder of that name, or a file where
    one of its folders goes."""
    path = target / name
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
        return
    for parent in reversed(Path(name).parents):
        here = target / parent
        if parent != Path(".") and (here.is_file() or here.is_symlink()):
            here.unlink()
            break
    path.parent.mkdir(parents=True, exist_ok=True)


def to_trash(old: Path, trash: Path | None) -> Path:
    """``old`` (a replaced output, or a preview's folder merged into ``output/``)
    renamed to a "trash" name, in ``trash`` when that folder is on the same file
    system: a trash folder is only ever deleted, never restored."""
    name = old.name.replace(".old-", ".trash-", 1).replace(".building-", ".trash-", 1)
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            os.replace(old, trash / name)
            return trash / name
        except OSError:  # another file system: beside the output, then
            pass
    os.replace(old, old.with_name(name))
    return old.with_name(name)
