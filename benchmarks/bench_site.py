"""Site benchmarks: Inventaire's site against vanilla Pelican, and a rebuild after one edit.

Each build runs in a child process (``python -m benchmarks.bench_site child …``) that
times only the build itself, not the interpreter's start or the imports, for both
sides alike. Figures (see the issue's targets):

* ``site.build_N``: ``inventaire build --site`` of N selected posts against vanilla
  Pelican (default theme, no plugins) building N plain Markdown articles with the
  same texts, authors, tags and categories;
* ``site.per_post_M_vs_N``: the cost per post at M posts against that at N;
* ``site.rebuild_one_edit``: with the project's settings (Pelican's content cache
  is on, ``site/content_cache.py``), one post edited, rebuilt into the same output
  folder by the same-bytes writer (search index made again: Pagefind reads the
  unchanged pages during the build, ``site/search_prefeed.py``), against the cold
  build; ``_preview`` the same as ``inventaire serve``
  builds (index kept); ``_swap`` through ``inventaire build``, whose output is
  built in a new folder seeded with hard links and swapped in. Each is the second
  rebuild after the cold build (steady state); with ``repeat``, the best of as many
  rounds for the rebuild and for its cold build alike.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import time
from pathlib import Path
from typing import Any

from . import child_result, cpu_seconds, run_child
from .report import Line, info, measure
from .synth import SynthDay, generate, post_files

SITE_TARGET = 1.5
SCALING_TARGET = 1.2
REBUILD_TARGET = 0.3


# ------------------------------------------------------------------ in the child


def _profiled(profile: str, work: Any) -> Any:
    """Run ``work()``, under pyinstrument when ``profile`` names a report file."""
    if not profile:
        return work()
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.002)
    profiler.start()
    try:
        return work()
    finally:
        profiler.stop()
        Path(profile).write_text(profiler.output_text(unicode=True, color=False),
                                 encoding="utf-8")


def child_vanilla(project: Path, profile: str) -> dict[str, Any]:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(project / "pelicanconf.py"),
                             override={"OUTPUT_PATH": str(project / "output")})
    begin, cpu = time.perf_counter(), cpu_seconds()
    _profiled(profile, Pelican(settings).run)
    return {"seconds": time.perf_counter() - begin, "cpu_seconds": cpu_seconds() - cpu}


def child_site(project: Path, profile: str, in_place: bool,
               preview: bool = False) -> dict[str, Any]:
    """One Inventaire site build; times Pagefind apart and counts the writer's skips."""
    from inventaire import build
    from inventaire.site import plugin, writer
    from pelican import Pelican, signals

    searched = {"seconds": 0.0}
    index_site = plugin.index_site

    def timed_index(output: Path, *args: Any) -> bool:
        begin = time.perf_counter()
        try:
            return index_site(output, *args)
        finally:
            searched["seconds"] += time.perf_counter() - begin

    plugin.index_site = timed_index
    counts: dict[str, int] = {}

    class CountingWriter(writer.SameBytesWriter):
        def __init__(self, output_path: str, settings: Any = None) -> None:
            super().__init__(output_path, settings=settings)
            counts.update(self.counts)
            self.counts = counts

    def get_writer(_pelican: Any) -> type[writer.SameBytesWriter]:
        return CountingWriter

    signals.get_writer.disconnect(writer.get_writer)  # the lead's line, if it is there
    signals.get_writer.connect(get_writer)
    overrides: dict[str, Any] = {"BOOK_ENABLED": False}
    if preview:  # as `inventaire serve` builds: the search index of the first build is kept
        overrides["INVENTAIRE_SEARCH_IN_PREVIEW"] = False
    output = project / "output"
    begin, cpu = time.perf_counter(), cpu_seconds()
    if in_place:
        settings = build.load_settings(project, overrides=overrides)
        settings["OUTPUT_PATH"] = str(output)
        with build.source_date(settings):
            _profiled(profile, lambda: Pelican(settings).run())
    else:
        _profiled(profile, lambda: build.build(project, overrides=overrides, output=output))
    return {"seconds": time.perf_counter() - begin, "cpu_seconds": cpu_seconds() - cpu,
            "search_seconds": searched["seconds"], **counts}


def child_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.bench_site child")
    parser.add_argument("kind", choices=("vanilla", "site"))
    parser.add_argument("project", type=Path)
    parser.add_argument("--in-place", action="store_true")
    parser.add_argument("--preview", action="store_true")
    parser.add_argument("--profile", default="")
    args = parser.parse_args(argv)
    if args.kind == "vanilla":
        child_result(child_vanilla(args.project, args.profile))
    else:
        child_result(child_site(args.project, args.profile, args.in_place,
                                args.preview))
    return 0


# ------------------------------------------------------------------ in the runner


def _build(kind: str, project: Path, profile: Path | None = None, *flags: str
           ) -> dict[str, Any]:
    args = ["child", kind, str(project), *flags]
    if profile is not None:
        args += ["--profile", str(profile)]
    return run_child("benchmarks.bench_site", args)


def edit_one_post(day: SynthDay) -> Path:
    """An editor's typical change: one post's note and a word of its text."""
    from inventaire.core.postfile import read_post, write_post

    files = post_files(day)
    path = files[len(files) // 2]
    post = read_post(path)
    post.note = "Relu par l'équipe éditoriale."
    post.text = post.text + " (bis)"
    write_post(post, day.content / "posts")
    return path


def cold_start(day: SynthDay) -> None:
    """No previous output (``output.Seed`` would link it in) and no render manifest."""
    shutil.rmtree(day.project / "cache", ignore_errors=True)
    shutil.rmtree(day.project / "output", ignore_errors=True)


def days(work: Path, sizes: tuple[int, ...]) -> dict[int, tuple[SynthDay, Path]]:
    """A synthetic day and its vanilla twin per size."""
    made = {}
    for size in sizes:
        day = generate(size, work / f"site-{size}", vanilla=work / f"vanilla-{size}")
        made[size] = (day, work / f"vanilla-{size}")
    return made


def compare(made: dict[int, tuple[SynthDay, Path]], profile_dir: Path | None,
            repeat: int = 1) -> tuple[list[Line], dict[int, dict[str, float]]]:
    """Inventaire against vanilla Pelican at every size (best of ``repeat`` runs)."""
    lines: list[Line] = []
    times: dict[int, dict[str, float]] = {}
    for size, (day, vanilla) in made.items():
        best_v, best_s, search = float("inf"), float("inf"), 0.0
        cpu_v, cpu_s = float("inf"), float("inf")
        for attempt in range(repeat):
            cold_start(day)
            plain = _build("vanilla", vanilla)
            best_v, cpu_v = min(best_v, plain["seconds"]), min(cpu_v, plain["cpu_seconds"])
            result = _build("site", day.project)
            cpu_s = min(cpu_s, result["cpu_seconds"])
            if profile_dir is not None and attempt == 0:  # apart: the profiler slows a run
                cold_start(day)  # else the seeded output and manifest make it a rebuild
                _build("site", day.project, profile_dir / f"site-{size}.txt")
                _build("vanilla", vanilla, profile_dir / f"vanilla-{size}.txt")
            if result["seconds"] < best_s:
                best_s, search = result["seconds"], result["search_seconds"]
        times[size] = {"site": best_s, "vanilla": best_v}
        lines.append(measure(f"site.build_{size}", best_s, "s", best_v, SITE_TARGET))
        lines.append(measure(f"site.build_{size}_cpu", cpu_s, "s cpu", cpu_v, None))
        lines.append(measure(f"site.build_{size}_without_search", best_s - search, "s", best_v,
                             None))
    sizes = sorted(times)
    for small, large in itertools.pairwise(sizes):
        per_small = times[small]["site"] / small * 1000
        per_large = times[large]["site"] / large * 1000
        lines.append(measure(f"site.per_post_{large}_vs_{small}", per_large, "ms/post",
                             per_small, SCALING_TARGET))
        lines.append(measure(f"vanilla.per_post_{large}_vs_{small}",
                             times[large]["vanilla"] / large * 1000, "ms/post",
                             times[small]["vanilla"] / small * 1000, None))
    return lines, times


def rebuild(day: SynthDay, profile_dir: Path | None, swap: bool = True,
            repeat: int = 1) -> list[Line]:
    """Cold build, then edits and rebuilds: in place, as `inventaire
    serve` does (search index kept), then through `inventaire build`'s swap. Each
    figure is the best of ``repeat`` rounds, the cold build's as the rebuild's."""
    lines: list[Line] = []
    modes = [("", ("--in-place",)),
             ("_preview", ("--in-place", "--preview"))]
    if swap:
        modes.append(("_swap", ()))
    for mode, flags in modes:
        colds, warms = [], []
        for _round in range(repeat):
            cold_start(day)
            colds.append(_build("site", day.project, None, *flags))
            # Steady state, as an editor rebuilds again and again: the measured
            # rebuild is the second, so it also deletes the output the first one
            # replaced (output.Sweeper) and starts from caches a rebuild left.
            edit_one_post(day)
            _build("site", day.project, None, *flags)
            edit_one_post(day)
            warms.append(_build("site", day.project, None, *flags))
        cold = min(colds, key=lambda r: r["seconds"])
        warm = min(warms, key=lambda r: r["seconds"])
        if profile_dir is not None:
            edit_one_post(day)
            _build("site", day.project, profile_dir / f"rebuild{mode}.txt", *flags)
        lines.append(measure(f"site.rebuild_one_edit{mode}", warm["seconds"], "s",
                             cold["seconds"], REBUILD_TARGET))
        lines.append(measure(f"site.rebuild_one_edit{mode}_cpu", warm["cpu_seconds"], "s cpu",
                             cold["cpu_seconds"], None))
        if not mode:
            lines.append(info("site.rebuild_files_written", warm.get("written", 0), "files"))
            lines.append(info("site.rebuild_files_unchanged", warm.get("unchanged", 0),
                              "files"))
            lines.append(info("site.rebuild_renders_skipped", warm.get("skipped", 0), "pages"))
            lines.append(measure("site.rebuild_search_share", warm["search_seconds"], "s",
                                 warm["seconds"], None))
    return lines


def run(work: Path, sizes: tuple[int, int], rebuild_size: int,
        profile_dir: Path | None = None, repeat: int = 1, swap: bool = True,
        rebuild_repeat: int | None = None) -> list[Line]:
    """All the site figures; synthetic days are written under ``work``. The site
    builds are the best of ``repeat`` rounds, the rebuilds of ``rebuild_repeat``
    (default the same): a round of rebuilds costs a tenth of one at 10,000 posts."""
    made = days(work, tuple(sorted({*sizes, rebuild_size})))
    lines, _times = compare({s: made[s] for s in sizes}, profile_dir, repeat)
    lines += rebuild(made[rebuild_size][0], profile_dir, swap, rebuild_repeat or repeat)
    return lines


def main(argv: list[str] | None = None) -> int:
    import sys
    import tempfile

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(2000, 10000))
    parser.add_argument("--rebuild-size", type=int, default=2000)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        for line in run(Path(folder), tuple(args.sizes), args.rebuild_size, args.profile):
            print(line.to_json())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

