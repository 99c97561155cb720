"""``inventaire build`` and ``inventaire serve``: Pelican with the project's settings.

The site and the book come out of one Pelican run (the book is a generator of that
run), so they always show the same selection.
"""

from __future__ import annotations

import ast
import logging
import os
import shutil
import sys
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import settings as inventaire_settings
from .cli import UserError


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs; VALUE is a Python literal when it parses as one."""
    overrides: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier() or not name.isupper():
            raise UserError(f"--set {item!r}: expected NAME=VALUE with an upper-case NAME, "
                            "e.g. --set BOOK_COLOR=gray")
        try:
            value: Any = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = raw
        overrides[name] = value
    return overrides


def settings_file(project: Path, publish: bool) -> Path:
    path = project / ("publishconf.py" if publish else "pelicanconf.py")
    if not path.is_file():
        raise UserError(f"{path} not found: run this command in the project folder "
                        "or give --project")
    return path


def load_settings(project: Path, publish: bool = False,
                  overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings for the project, with command-line overrides applied."""
    from pelican.settings import read_settings

    path = settings_file(project.resolve(), publish)
    cwd = Path.cwd()
    os.chdir(path.parent)  # publishconf.py imports pelicanconf from its folder
    # Pelican registers the file it reads as a module named after it; a publishconf.py
    # read later in the same process would then import another project's pelicanconf.
    for name in ("pelicanconf", "publishconf"):
        sys.modules.pop(name, None)
    try:
        return read_settings(str(path), override=overrides or {})
    finally:
        for name in ("pelicanconf", "publishconf"):
            sys.modules.pop(name, None)
        os.chdir(cwd)


def _journee(settings: dict[str, Any]) -> dict[str, Any]:
    """The front matter of ``content/pages/journee.md`` (the day's page), or {}."""
    import yaml

    from .postfile import PostFileError, split_front_matter

    page = Path(settings.get("PATH", "content")) / "pages" / "journee.md"
    try:
        head, _body, _line = split_front_matter(page.read_text(encoding="utf-8"), str(page))
        data = yaml.safe_load(head)
    except (OSError, UnicodeDecodeError, PostFileError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def day_epoch(settings: dict[str, Any]) -> int | None:
    """The day being published, as a Unix time: 00:00 in the day's zone.

    As the book and the site find it: the ``date`` of ``content/pages/journee.md``,
    else ``INVENTAIRE_DAY``, else the newest dated folder of ``content/posts/``.
    None when nothing says it.
    """
    page = _journee(settings)
    day = str(page.get("date") or inventaire_settings.get(settings, "INVENTAIRE_DAY") or "")
    if not day:
        posts = Path(settings.get("PATH", "content")) / "posts"
        folders = sorted(p.name for p in posts.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
                         if p.is_dir()) if posts.is_dir() else []
        day = folders[-1] if folders else ""
    try:
        midnight = datetime.fromisoformat(day[:10])
    except ValueError:
        return None
    try:
        zone: tzinfo = ZoneInfo(str(page.get("timezone") or settings.get("TIMEZONE") or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    return int(midnight.replace(tzinfo=zone).timestamp())


@contextmanager
def source_date(settings: dict[str, Any]) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set from the day for the build, unless the caller set it.

    Every date a build writes that is not a post's own (PDF creation dates, a
    feed's ``updated``) must come from here, so that two builds of the same content
    are byte-identical (reproducible-builds.org's convention).
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        yield
        return
    epoch = day_epoch(settings)
    if epoch is None:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


# ----------------------------------------------------------------- the output swap
#
# Pelican writes into a fresh sibling folder ``.output.building-<pid>-…``; only a
# build that ran to the end replaces ``output/``: ``output/`` is renamed to
# ``.output.old-<pid>-…``, the new folder renamed to ``output/``, the old one deleted.
# A build killed at any moment leaves either the previous ``output/`` or the new
# one, never half of one; the next build removes what a killed one left behind.

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

    def _skipped(self, relative: str) -> bool:
        return any((relative + "/").startswith(prefix) for prefix in self.skip)

    def fill(self, previous: Path) -> int:
        """Hard-link (or copy, across devices) ``previous``'s files; returns how many."""
        if not previous.is_dir() or previous.is_symlink():
            return 0
        linking = True
        for base, dirs, files in os.walk(previous):
            folder = Path(base)
            relative_folder = folder.relative_to(previous)
            dirs[:] = [d for d in dirs if not self._skipped((relative_folder / d).as_posix())]
            (self.building / relative_folder).mkdir(exist_ok=True)
            for name in files:
                relative = (relative_folder / name).as_posix()
                source = folder / name
                if self._skipped(relative) or source.is_symlink():
                    continue
                target = self.building / relative
                if linking:
                    try:
                        os.link(source, target)
                    except OSError:  # another device, or links not supported
                        linking = False
                if not linking:
                    shutil.copy2(source, target)
                self.inodes[relative] = target.stat().st_ino
        return len(self.inodes)

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
                   seed_skip: Sequence[str] = ()) -> Iterator[Path]:
    """A fresh folder to build into; on success it becomes ``target``.

    ``retain`` (Pelican's ``OUTPUT_RETENTION``, e.g. ``.git`` of a deployment) names
    entries of the previous output that move into the new one. When ``seed`` is
    given, the folder starts as hard links to the previous output (minus
    ``seed_skip``), and ``seed`` is bound to it.
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
            seed.fill(target)
        yield building
        (building / MARKER).write_text("written by inventaire build; replaced whole by "
                                       "the next build\n", encoding="utf-8")
    except BaseException:
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
        if backup.is_dir() and not backup.is_symlink():
            shutil.rmtree(backup, ignore_errors=True)
        else:
            backup.unlink()


@contextmanager
def sitemap_clock(settings: dict[str, Any]) -> Iterator[None]:
    """Pin pelican-sitemap's ``lastmod`` of lists and pages to ``SOURCE_DATE_EPOCH``.

    The plugin dates every page that has no date of its own (the home page, the
    hours, the places) with the time its module was imported, so two builds differ
    by their ``sitemap.xml``. Its one generator object is module-level state that
    also survives a failed build (``_main_pelican``), after which no later build in
    the same process would write a sitemap: both are reset for each build.
    """
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        yield
        return
    generator = sitemap.generator
    before = generator.now
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            zone: tzinfo = ZoneInfo(str(settings.get("TIMEZONE") or "UTC"))
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        generator.now = datetime.fromtimestamp(int(epoch), zone)
    generator._main_pelican = None
    generator.page_queue = []
    try:
        yield
    finally:
        generator.now = before
        generator._main_pelican = None
        generator.page_queue = []


def reset_plugin_signals() -> None:
    """Disconnect every receiver of Pelican's signals.

    Blinker signals are process-wide and each ``Pelican()`` connects its plugins'
    handlers again: after one build with ``inventaire.site``, a later build in the
    same process (another project, a test, a benchmark's vanilla baseline) would run
    our generators too. Each build starts from its own ``PLUGINS`` only.
    """
    from blinker import Signal
    from pelican.plugins import signals

    for signal in vars(signals).values():
        if isinstance(signal, Signal):
            for receiver in list(signal.receivers.values()):
                target = receiver() if isinstance(receiver, weakref.ref) else receiver
                if target is not None:
                    signal.disconnect(target)


def build(project: Path, publish: bool = False, overrides: dict[str, Any] | None = None,
          output: Path | None = None) -> dict[str, Any]:
    """Run Pelican once into a fresh folder, then swap it in; returns the settings used.

    The settings returned name the real output folder, not the temporary one.
    """
    from pelican import Pelican, signals

    from .site import writer

    overrides = dict(overrides or {})
    if output is not None:
        overrides["OUTPUT_PATH"] = str(output.resolve())
    settings = load_settings(project, publish, overrides)
    target = Path(settings["OUTPUT_PATH"]).resolve()
    check_output_folder(target, project.resolve(), settings)
    static_dir = str(settings.get("THEME_STATIC_DIR") or "theme").strip("/")
    # Pelican's own writer writes in place: without ours, start from an empty folder.
    seed = Seed(target, prefixes=("pagefind/", f"{static_dir}/fonts/")) \
        if "inventaire.site" in (settings.get("PLUGINS") or []) else None
    # Written in place by code we do not own (see Seed): never shared with the old output.
    unshared = ["sitemap.xml", "sitemap.txt", *theme_statics(settings, static_dir)]
    with source_date(settings), sitemap_clock(settings), swapped_output(
            target, settings.get("OUTPUT_RETENTION") or (), seed, unshared) as building:
        # DELETE_OUTPUT_DIRECTORY is moot: the folder is new, and Seed.prune removes
        # whatever the previous build wrote (pages of posts withdrawn since).
        run_settings = {**settings, "OUTPUT_PATH": str(building),
                        "DELETE_OUTPUT_DIRECTORY": False}
        key = os.path.realpath(building)
        if seed is not None:
            writer.PRUNERS[key] = seed.prune
            signals.all_generators_finalized.connect(seed.collect)
        try:
            reset_plugin_signals()
            Pelican(run_settings).run()
            writer.finish(building)  # when the search plugin did not already
        finally:
            if seed is not None:
                signals.all_generators_finalized.disconnect(seed.collect)
            writer.PRUNERS.pop(key, None)
            writer.ACTIVE.pop(key, None)
    settings["OUTPUT_PATH"] = str(target)
    return settings


def run(args: Any) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = parse_overrides(args.set)
    if args.site:
        overrides["BOOK_ENABLED"] = False
    build(args.project, publish=args.publish, overrides=overrides, output=args.output)
    return 0


def serve(args: Any) -> int:
    """Preview on localhost, rebuilding when a file changes (Pelican's autoreload)."""
    from pelican import main as pelican_main

    path = settings_file(args.project.resolve(), publish=False)
    os.chdir(path.parent)
    # Pagefind is a third of a one-edit rebuild (it reads every page again): the
    # preview keeps the index of its first build (see site.plugin.index_for_search).
    pelican_main(["--autoreload", "--listen", "--port", str(args.port), "-s", path.name,
                  "-e", "INVENTAIRE_SEARCH_IN_PREVIEW=false"])
    return 0
