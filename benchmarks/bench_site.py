"""Site benchmark: a day imported and published, against vanilla Pelican's build.

What an editor runs to publish a day, each command in a subprocess as people run it
(:func:`benchmarks.run_command`: wall time, and the CPU time of every process, the
render workers and Pagefind included), starting from a project that holds only its
settings, places, pages and the export (no ``content/posts/``)::

    inventaire import content/sources/synthetic.jsonl --status selected --no-progress
    inventaire build --site --publish          # search index included

against ``pelican content -s pelicanconf.py`` building the same number of plain
Markdown articles (default theme, no plugins, same texts, authors, tags and places)
from no output and no cache. Figures at each size N:

* ``site.import_publish_N``: import + build, target ≤ 0.55× vanilla (at the run's
  largest size: 10,000 posts, or 2,000 with ``--quick``);
* ``site.import_N``: the import alone, target ≤ 0.2× vanilla (same size);
* ``site.publish_build_N``: the build alone, for where the time goes;
* ``site.per_post_L_vs_S``: import + build per post at the larger size against the
  smaller, target ≤ 1.2 (the build stays linear); vanilla's for comparison.

The two sides are interleaved, round by round, and each figure is the best of the
rounds, both sides alike (a 2-core machine's noise moved single runs by ±10 %).
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import Run, run_command, tool
from .report import Line, failed, measure
from .synth import JSONL, SynthDay, generate

PUBLISH_TARGET = 0.55
IMPORT_TARGET = 0.2
SCALING_TARGET = 1.2

IMPORT = ["import", f"content/{JSONL}", "--status", "selected", "--no-progress"]
PUBLISH = ["build", "--site", "--publish"]
VANILLA = ["content", "-s", "pelicanconf.py"]


@dataclass
class Round:
    """One round at one size: vanilla's build, our import and our build."""

    vanilla: Run
    imported: Run
    built: Run

    @property
    def ours(self) -> Run:
        """Import then build, as one editor's wait."""
        return Run(self.imported.seconds + self.built.seconds,
                   self.imported.cpu_seconds + self.built.cpu_seconds,
                   max(self.imported.maxrss_mb, self.built.maxrss_mb))


def clean(project: Path) -> None:
    """``make clean``: no output and no cache."""
    for name in ("output", "cache"):
        shutil.rmtree(project / name, ignore_errors=True)


def vanilla_build(vanilla: Path) -> Run:
    clean(vanilla)
    return run_command([tool("pelican"), *VANILLA], vanilla)


def import_and_publish(day: SynthDay) -> tuple[Run, Run]:
    """The import into a project with no posts yet, then the published site."""
    imported = run_command([tool("inventaire"), *IMPORT], day.project)
    count = sum(1 for _ in (day.content / "posts").rglob("*.md"))
    if count != day.posts:
        raise RuntimeError(f"the import wrote {count} posts, not {day.posts}")
    built = run_command([tool("inventaire"), *PUBLISH], day.project)
    if not (day.project / "output" / "pagefind").is_dir():
        raise RuntimeError("the published site has no search index (output/pagefind/)")
    return imported, built


def fresh_day(work: Path, size: int, attempt: int | str, vanilla: Path) -> SynthDay:
    """A project as it stands before its first import: settings, places, pages and the
    export, no editors' files. A new folder each round, never one whose posts were just
    deleted: ext4 makes file creations pay for the inodes deleted in the last seconds
    (up to three times the import's system time, as ``bench_import`` found). The
    vanilla twin is written with the first one."""
    return generate(size, work / f"publish-{size}-{attempt}", posts=False,
                    vanilla=None if (vanilla / "content").is_dir() else vanilla)


def one_round(day: SynthDay, vanilla: Path, vanilla_first: bool) -> Round:
    """Both sides once, in the given order (alternated between rounds: a machine
    whose load drifts favours neither side)."""
    if vanilla_first:
        plain = vanilla_build(vanilla)
        imported, built = import_and_publish(day)
    else:
        imported, built = import_and_publish(day)
        plain = vanilla_build(vanilla)
    return Round(plain, imported, built)


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda run: run.seconds)


def size_lines(size: int, rounds: list[Round], targeted: bool) -> list[Line]:
    """The figures of one size; targets only at the run's largest size (the issue's
    10,000 posts), since a small day is mostly interpreter start and Pagefind's."""
    vanilla = best([r.vanilla for r in rounds])
    ours = best([r.ours for r in rounds])
    imported = best([r.imported for r in rounds])
    built = best([r.built for r in rounds])
    return [
        measure(f"site.import_publish_{size}", ours.seconds, "s", vanilla.seconds,
                PUBLISH_TARGET if targeted else None),
        measure(f"site.import_publish_{size}_cpu", ours.cpu_seconds, "s cpu",
                vanilla.cpu_seconds),
        measure(f"site.import_{size}", imported.seconds, "s", vanilla.seconds,
                IMPORT_TARGET if targeted else None),
        measure(f"site.import_{size}_cpu", imported.cpu_seconds, "s cpu", vanilla.cpu_seconds),
        measure(f"site.publish_build_{size}", built.seconds, "s", vanilla.seconds),
        measure(f"site.publish_build_{size}_cpu", built.cpu_seconds, "s cpu",
                vanilla.cpu_seconds),
        measure(f"site.publish_peak_memory_{size}", built.maxrss_mb, "MB", vanilla.maxrss_mb),
    ]


def scaling_lines(best_ours: dict[int, float], best_vanilla: dict[int, float]) -> list[Line]:
    """Per-post cost at each larger size against the next smaller one."""
    lines = []
    for small, large in itertools.pairwise(sorted(best_ours)):
        lines.append(measure(f"site.per_post_{large}_vs_{small}",
                             best_ours[large] / large * 1000, "ms/post",
                             best_ours[small] / small * 1000, SCALING_TARGET))
        lines.append(measure(f"vanilla.per_post_{large}_vs_{small}",
                             best_vanilla[large] / large * 1000, "ms/post",
                             best_vanilla[small] / small * 1000))
    return lines


def profile(day: SynthDay, vanilla: Path, folder: Path) -> None:
    """pyinstrument reports of the import, the build (its main process: the render
    workers are forks) and vanilla's build; extra runs, never the timed ones."""
    def profiled(name: str, cwd: Path, args: list[str]) -> None:
        subprocess.run([sys.executable, "-m", "pyinstrument", "-o", str(folder / name),
                        "-r", "text", *args], cwd=cwd, capture_output=True, check=False)

    cli = ["-m", "inventaire.commands.cli"]
    profiled(f"import-{day.posts}.txt", day.project, [*cli, *IMPORT])
    profiled(f"publish-{day.posts}.txt", day.project, [*cli, *PUBLISH])
    clean(vanilla)
    profiled(f"vanilla-{day.posts}.txt", vanilla, ["-m", "pelican", *VANILLA])


def run(work: Path, sizes: tuple[int, ...], repeat: int = 1,
        profile_dir: Path | None = None) -> Iterator[Line]:
    """Every size's figures as soon as they are known, then the scaling; synthetic
    days are written under ``work``."""
    ours: dict[int, float] = {}
    plain: dict[int, float] = {}
    largest = max(sizes)
    for size in sorted(sizes):
        vanilla = work / f"vanilla-{size}"
        try:
            rounds = [one_round(fresh_day(work, size, attempt, vanilla), vanilla,
                                vanilla_first=attempt % 2 == 0)
                      for attempt in range(repeat)]
        except RuntimeError as error:
            yield failed(f"site.import_publish_{size}", str(error).splitlines()[0])
            continue
        yield from size_lines(size, rounds, targeted=size == largest)
        ours[size] = best([r.ours for r in rounds]).seconds
        plain[size] = best([r.vanilla for r in rounds]).seconds
        if profile_dir is not None and size == largest:
            profile(fresh_day(work, size, "profile", vanilla), vanilla, profile_dir)
    yield from scaling_lines(ours, plain)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=(2000, 10000))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        for line in run(Path(folder), tuple(args.sizes), args.repeat, args.profile):
            print(line.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
