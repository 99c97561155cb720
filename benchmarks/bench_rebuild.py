"""Rebuild benchmarks: what an editor waits for once the day is built.

Every build is a full one into a fresh folder (``commands/build.py``); the book
step alone is skipped, by its signature, when nothing it reads changed. So the two
figures here are the ones an editor meets at every save and every ``make all``, each
command in a subprocess as people run it (:func:`benchmarks.run_command`):

* ``make_all.no_change_N``: ``inventaire build`` (site and book) on an unchanged
  project, the book skipped, against the cold ``inventaire build`` from ``make
  clean`` (no ``output/``, no ``cache/``); target ≤ 0.25×. The edition's
  ``pages.json`` must be untouched, else the line says the book was laid out again.
* ``site.preview_edit_N``: one post's text edited, then the build ``inventaire
  serve`` runs after a change — by its builder process, started before and kept
  (``inventaire.commands.preview_worker.Builder``): unchanged pages linked from the
  last preview, unchanged posts not parsed again — against the cold site build
  ``inventaire build --site`` (``make site`` after ``make clean``, search index
  included); target ≤ 0.15×. Against the preview's own first build (a new builder
  process, on the project ``make all`` left) too, for information. Its CPU seconds
  are the builder's and its render workers' (``/proc``).

Best of ``repeat`` rounds, each round running both sides in turn.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from inventaire.commands.preview_worker import Builder

from . import Run, command_env, run_command, tool
from .bench_site import best, clean
from .report import Line, failed, measure
from .synth import SynthDay, generate, post_files

NO_CHANGE_TARGET = 0.25
PREVIEW_TARGET = 0.15

MAKE_ALL = ["build"]
MAKE_SITE = ["build", "--site"]


@dataclass
class Round:
    """One round: the cold and no-change ``make all``, the cold site, the preview's
    first build and its rebuild after one edit."""

    cold_all: Run
    no_change: Run
    book_skipped: bool
    cold_site: Run
    first_preview: Run
    preview_edit: Run


def edit_one_post(day: SynthDay, round_number: int) -> Path:
    """An editor's typical change: a word of one post's text (another post each round)."""
    from inventaire.core.postfile import read_post, write_post

    files = post_files(day)
    path = files[(len(files) // 2 + round_number) % len(files)]
    post = read_post(path)
    post.text = post.text + " (relu)"
    write_post(post, day.content / "posts")
    return path


def inventaire(day: SynthDay, args: list[str], sets: tuple[str, ...]) -> Run:
    """``inventaire ARGS``, each of ``sets`` given as ``--set NAME=VALUE``."""
    extra = [item for pair in sets for item in ("--set", pair)]
    return run_command([tool("inventaire"), *args, *extra], day.project)


def no_change_build(day: SynthDay, sets: tuple[str, ...], attempts: int = 3
                    ) -> tuple[Run, bool]:
    """``make all`` again, and whether the book step skipped (its ``pages.json`` left
    as it was). The book's signature covers the plugin's code: on a machine where
    someone edits it meanwhile, the project changed and the build is run again."""
    pages = day.project / "cache" / "book" / "edition" / "pages.json"
    for _attempt in range(attempts):
        stamp = pages.stat().st_mtime_ns if pages.is_file() else None
        run = inventaire(day, MAKE_ALL, sets)
        if stamp is not None and pages.is_file() and pages.stat().st_mtime_ns == stamp:
            return run, True
    return run, False


def process_cpu(pid: int) -> float:
    """CPU seconds of a live process and of its children it waited for (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def timed_build(builder: Builder, day: SynthDay) -> Run:
    """One build by the preview's builder, timed; its process's CPU seconds."""
    os.sync()
    before = process_cpu(builder.process.pid) if builder.process else 0.0
    start = time.perf_counter()
    if not builder(day.project):
        raise RuntimeError(f"the preview build failed in {day.project}")
    seconds = time.perf_counter() - start
    assert builder.process is not None
    return Run(seconds, process_cpu(builder.process.pid) - before, 0.0)


def one_round(day: SynthDay, number: int, sets: tuple[str, ...] = ()) -> Round:
    """``make clean; make site``, ``make clean; make all; make all``, then the preview:
    its first build (on the project as ``make all`` left it), one edit, its rebuild."""
    clean(day.project)
    cold_site = inventaire(day, MAKE_SITE, sets)
    clean(day.project)
    cold_all = inventaire(day, MAKE_ALL, sets)
    no_change, skipped = no_change_build(day, sets)
    builder = Builder(extra=[item for pair in sets for item in ("--set", pair)],
                      env=command_env())
    try:
        first_preview = timed_build(builder, day)
        edit_one_post(day, number)
        preview_edit = timed_build(builder, day)
    finally:
        builder.close()
    return Round(cold_all, no_change, skipped, cold_site, first_preview, preview_edit)


def run(work: Path, size: int, repeat: int = 1, sets: tuple[str, ...] = ()) -> Iterator[Line]:
    """The rebuild figures at ``size`` posts; the synthetic day is written under ``work``.
    ``sets`` are settings given to every command (the tests' smaller book)."""
    day = generate(size, work / f"rebuild-{size}")
    try:
        rounds = [one_round(day, number, sets) for number in range(repeat)]
    except RuntimeError as error:
        yield failed(f"make_all.no_change_{size}", str(error).splitlines()[0])
        return
    cold_all, no_change = best([r.cold_all for r in rounds]), best([r.no_change for r in rounds])
    if all(r.book_skipped for r in rounds):
        yield measure(f"make_all.no_change_{size}", no_change.seconds, "s", cold_all.seconds,
                      NO_CHANGE_TARGET)
    else:
        yield failed(f"make_all.no_change_{size}", "the book was laid out again")
    yield measure(f"make_all.no_change_{size}_cpu", no_change.cpu_seconds, "s cpu",
                  cold_all.cpu_seconds)
    cold_site = best([r.cold_site for r in rounds])
    first_preview = best([r.first_preview for r in rounds])
    edit = best([r.preview_edit for r in rounds])
    yield measure(f"site.preview_edit_{size}", edit.seconds, "s", cold_site.seconds,
                  PREVIEW_TARGET)
    yield measure(f"site.preview_edit_{size}_cpu", edit.cpu_seconds, "s cpu",
                  cold_site.cpu_seconds)
    yield measure(f"site.preview_edit_{size}_vs_first_preview", edit.seconds, "s",
                  first_preview.seconds)
    # For information: what an editor waits after an edit, against a publish from
    # nothing (the cold make all, the book laid out).
    yield measure(f"site.preview_edit_{size}_vs_cold_make_all", edit.seconds, "s",
                  cold_all.seconds)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        for line in run(Path(folder), args.size, args.repeat):
            print(line.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
