"""``make bench`` (``python -m benchmarks``) and ``make bench-quick`` (``--quick``).

Runs every benchmark, prints each figure as a JSON line as soon as it is known, then
the table. Sizes:

=============  ==============  ===============
               full            ``--quick``
=============  ==============  ===============
site build     2,000 / 10,000  500 / 2,000
rebuild        2,000           2,000
book           2,000           1,000
import         200,000         20,000
=============  ==============  ===============

The full set takes the best of two rounds of each site build, rebuild and parallel
book, both sides alike (a 2-core machine's noise moved single runs by ±10 %);
``--quick`` runs each once and stays under ten minutes on two cores. ``--profile DIR`` also writes a
pyinstrument report of the site builds and the rebuild into ``DIR`` (the profiled runs
are extra runs, never the timed ones). ``--only site,book,import`` runs a subset.
Exit status 0 even when a target is missed: a benchmark reports, a test asserts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from . import ROOT, bench_book, bench_site
from .report import Line, failed, parse, table

IMPORT_SCRIPT = ROOT / "benchmarks" / "bench_import.py"


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


def emit(lines: list[Line], collected: list[Line]) -> None:
    for line in lines:
        print(line.to_json(), flush=True)
    collected.extend(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, < 10 minutes")
    parser.add_argument("--only", default="site,book,import",
                        help="comma-separated subset of: site, book, import")
    parser.add_argument("--profile", type=Path, help="folder for pyinstrument reports")
    parser.add_argument("--work", type=Path, help="keep the synthetic days in this folder")
    args = parser.parse_args(argv)
    wanted = {part.strip() for part in args.only.split(",") if part.strip()}
    sizes = (500, 2000) if args.quick else (2000, 10000)
    book_size = 1000 if args.quick else 2000
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    collected: list[Line] = []
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        work = args.work or Path(folder)
        work.mkdir(parents=True, exist_ok=True)
        if "import" in wanted:
            emit(import_lines(args.quick), collected)
        if "site" in wanted:
            emit(bench_site.run(work, sizes, 2000, args.profile, repeat=1 if args.quick else 2,
                                rebuild_repeat=1 if args.quick else 3),
                 collected)
        if "book" in wanted:
            emit(bench_book.run(work, book_size, repeat=1 if args.quick else 2), collected)
    print()
    print(table(collected))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
