"""``make bench`` (``python -m benchmarks``) and ``make bench-quick`` (``--quick``).

Runs every benchmark, prints each figure as a JSON line as soon as it is known, then
the table (:mod:`benchmarks.report`). What each measures and why: docs/benchmarks.md.
Sizes (posts):

==========================================  ===============  ===============
                                            full             ``--quick``
==========================================  ===============  ===============
import + publish vs vanilla (``site``)      2,000 / 10,000   500 / 2,000
no-change ``make all``, preview edit         2,000            500
(``rebuild``)
book vs bare WeasyPrint (``book``)          2,000            1,000
parallel book (``book``)                    10,000           3,000
importer's reader (``import``)              200,000          20,000
a new post to its preview page (``live``)   2,000 / 10,000   500 / 2,000
==========================================  ===============  ===============

The full set interleaves the sides being compared and takes the best of two rounds
of each, both sides alike (a 2-core machine's noise moved single runs by ±10 %);
``--quick`` runs each once and stays under eight minutes on two cores. ``--profile
DIR`` also writes pyinstrument reports of the largest import, publish build and
vanilla build into ``DIR`` (extra runs, never the timed ones). ``--only
site,rebuild,book,import,live`` runs a subset. Exit status 0 even when a target is
missed: a benchmark reports, a test asserts.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from . import ROOT, bench_book, bench_live, bench_rebuild, bench_site
from .report import Line, failed, parse, table

IMPORT_SCRIPT = ROOT / "benchmarks" / "bench_import.py"
PARTS = ("import", "site", "rebuild", "book", "live")


def import_lines(quick: bool, posts: int | None = None) -> list[Line]:
    """The importer's own benchmark, its lines passed through (named ``import.*``)."""
    if not IMPORT_SCRIPT.is_file():
        return [failed("import", "benchmarks/bench_import.py is missing")]
    args = [sys.executable, str(IMPORT_SCRIPT)]
    if posts is not None:
        args += ["--posts", str(posts)]
    elif quick:
        args.append("--quick")
    done = subprocess.run(args, capture_output=True, text=True, check=False, cwd=ROOT)
    lines = []
    for text in done.stdout.splitlines():
        try:
            lines.append(parse(text, prefix="import."))
        except ValueError:
            continue
    if done.returncode != 0 or not lines:
        why = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        lines.append(failed("import", why[0]))
    return lines


def emit(lines: Iterable[Line], collected: list[Line]) -> None:
    """Print each line as soon as its benchmark yields it, and keep it for the table."""
    for line in lines:
        print(line.to_json(), flush=True)
        collected.append(line)


def load() -> str:
    """The machine's load averages: the figures are only as quiet as the machine was."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, < 8 minutes")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated subset of: {', '.join(PARTS)}")
    parser.add_argument("--profile", type=Path, help="folder for pyinstrument reports")
    parser.add_argument("--work", type=Path, help="keep the synthetic days in this folder")
    args = parser.parse_args(argv)
    wanted = {part.strip() for part in args.only.split(",") if part.strip()}
    if wanted - set(PARTS):
        parser.error(f"--only: unknown {', '.join(sorted(wanted - set(PARTS)))}")
    sizes = (500, 2000) if args.quick else (2000, 10000)
    rebuild_size = 500 if args.quick else 2000
    book_size = 1000 if args.quick else 2000
    repeat = 1 if args.quick else 2
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    collected: list[Line] = []
    began, loads = time.monotonic(), [load()]
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        work = args.work or Path(folder)
        work.mkdir(parents=True, exist_ok=True)
        if "import" in wanted:
            emit(import_lines(args.quick), collected)
        if "site" in wanted:
            emit(bench_site.run(work, sizes, repeat, args.profile), collected)
            loads.append(load())
        if "rebuild" in wanted:
            emit(bench_rebuild.run(work, rebuild_size, repeat), collected)
            loads.append(load())
        if "book" in wanted:
            emit(bench_book.run(work, book_size, repeat=repeat), collected)
            loads.append(load())
        if "live" in wanted:
            for size in sizes:
                emit(bench_live.run(work, size, repeat), collected)
            loads.append(load())
    print()
    print(table(collected))
    print(f"{os.cpu_count()} CPUs; load averages (1, 5, 15 min) along the run: "
          f"{' | '.join(loads)}; {time.monotonic() - began:.0f} s in all.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
