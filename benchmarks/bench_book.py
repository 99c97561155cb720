"""Book benchmark: the book step against bare WeasyPrint rendering the book's own HTML.

The book child runs the book step (``inventaire.book.step.build_book``, as
``inventaire build`` calls it, from no book cache so that it lays the book out) and
times it, for the print interior alone (no screen edition, cover or criers' sheets,
so both sides make the same one PDF) and in one process (``BOOK_WORKERS=1``: the
figure is the layout's cost, not the workers'). It records the HTML and CSS of the
book's last layout pass as they reach :class:`inventaire.book.layout.Renderer`.
The bare child then gives that same HTML and CSS to WeasyPrint, once, and writes
the PDF. Figures (each side's best of ``repeat`` rounds, the two children in turn):
``book.build_N`` (target ≤ 1.3× bare), pages per second of each, and the peak
memory (``ru_maxrss``) of each child.

The book is laid out in parts (front matter, chapters, back matter, each once), so
"its own HTML" is the whole book in one document with the final page numbers
(``part="all"``), which the bare child lays out once.

Parallel chapters: the same day's book (10,000 posts, or 3,000 with ``--quick``) in
one process (``BOOK_WORKERS=1``) and with two workers, interleaved, best of
``repeat`` rounds: ``book.parallel_N`` (target ≤ 0.7× one process), pages per
second, CPU seconds (the workers' own, as they report them: they are children of
multiprocessing's fork server), the peak memory of the main process and of the
largest worker (target ≤ 1.5 GB each), and the size of the joined PDF (fonts are
subset once per part).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import child_result, cpu_seconds, run_child
from .report import Line, failed, info, measure
from .synth import generate

BOOK_TARGET = 1.3
PARALLEL_TARGET = 0.7
MEMORY_LIMIT_MB = 1536.0
PRINT_ONLY = {"BOOK_SCREEN": False, "BOOK_COVER": False, "BOOK_CRIERS": False}


def book_settings(project: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """The project's settings as ``inventaire build`` reads them, its book cache removed
    so that the step lays the book out (a cold ``make book``), never skips it."""
    from inventaire.commands import build

    settings = build.load_settings(project, overrides=overrides)
    shutil.rmtree(Path(settings["CACHE_PATH"]), ignore_errors=True)
    return settings


def run_step(settings: dict[str, Any]) -> tuple[Any, dict[str, float]]:
    """The book step, as ``inventaire build`` calls it (its clock pinned to the day);
    its wall and CPU seconds (this process and the children it waited for)."""
    from inventaire.book.step import build_book
    from inventaire.commands import build
    from inventaire.core.day import source_date

    with source_date(build.day_epoch(settings)):
        begin, cpu = time.perf_counter(), cpu_seconds()
        result = build_book(settings, Path(settings["PATH"]), Path(settings["CACHE_PATH"]))
        timing = {"seconds": time.perf_counter() - begin, "cpu_seconds": cpu_seconds() - cpu}
    if not result.built:
        raise RuntimeError("the book step laid out no book (see the errors above)")
    return result, timing


def child_book(project: Path, capture: Path, full: bool) -> dict[str, Any]:
    """The book step in one process; keeps the last pass's HTML and CSS for the bare
    child (the time spent keeping them is taken off)."""
    from inventaire.book import interior, layout

    passes: list[dict[str, Any]] = []
    render = layout.Renderer.render
    build_interior = interior.InteriorBuilder.build

    def recording(self: Any, html: str, css: str, label: str, **options: Any) -> Any:
        document = render(self, html, css, label, **options)
        passes.append({"label": label, "pages": len(document.pages)})
        return document

    def keeping(self: Any, articles: Any, renderer: Any) -> Any:
        """Build as usual; then, untimed, the whole book's HTML with its final numbers."""
        result = build_interior(self, articles, renderer)
        begin = time.perf_counter()
        shared = self.edition.color == "rgb" and self.edition.screen
        pages = dict(result.post_pages)
        files = {name: Path(path).resolve().as_uri()
                 for name, path in renderer.fetcher.files.items()}
        whole.update(html=self.html(result.content, pages, self.edition.color, shared),
                     css=self.css(self.edition.color, bleed=True, interactive=shared),
                     files=files, base_url=renderer.base_url, pages=result.pages)
        untimed.append(time.perf_counter() - begin)
        return result

    whole: dict[str, Any] = {}
    untimed: list[float] = []
    layout.Renderer.render = recording  # type: ignore[method-assign]
    interior.InteriorBuilder.build = keeping  # type: ignore[method-assign]
    # One process on both sides: this figure is the layout's cost, not the workers'.
    overrides: dict[str, Any] = {"BOOK_WORKERS": 1}
    if not full:
        overrides.update(PRINT_ONLY)
    result, timing = run_step(book_settings(project, overrides))
    if not whole:
        raise RuntimeError("the book laid out no interior")
    capture.write_text(json.dumps({k: whole[k] for k in ("html", "css", "base_url", "files")}),
                       encoding="utf-8")
    timing["seconds"] -= sum(untimed)
    pdf = Path(result.folder) / "livre.pdf"
    return {**timing, "pages": whole["pages"], "passes": [p["label"] for p in passes],
            "pdf_bytes": pdf.stat().st_size if pdf.is_file() else 0}


def child_parallel(project: Path, workers: int) -> dict[str, Any]:
    """The print interior of ``project`` with ``workers`` processes (1: this one).

    The workers are children of multiprocessing's fork server, which this process
    never waits for: their CPU seconds are the ones they report (``LAST_WORKERS``).
    """
    from inventaire.book import parallel

    parallel.LAST_WORKERS.clear()
    result, timing = run_step(book_settings(project, {**PRINT_ONLY, "BOOK_WORKERS": workers}))
    timing["cpu_seconds"] += sum(w["layout_cpu"] + w["write_cpu"]
                                 for w in parallel.LAST_WORKERS)
    pdf = Path(result.folder) / "livre.pdf"
    import pypdf

    return {**timing, "pages": len(pypdf.PdfReader(pdf).pages),
            "pdf_bytes": pdf.stat().st_size, "workers": list(parallel.LAST_WORKERS)}


def child_bare(capture: Path, out: Path) -> dict[str, Any]:
    """Bare WeasyPrint: the book's HTML and CSS, laid out once, written once."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    data = json.loads(capture.read_text(encoding="utf-8"))
    html, css = data["html"], data["css"]
    # The book names its images ``inventaire:<name>`` for its own fetcher (stable PDF
    # bytes); bare WeasyPrint gets the same files by their file: URLs.
    for name, uri in sorted(data["files"].items(), key=lambda item: -len(item[0])):
        html = html.replace(f"inventaire:{name}", uri)
        css = css.replace(f"inventaire:{name}", uri)
    begin, cpu = time.perf_counter(), cpu_seconds()
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=data["base_url"]).render(
        stylesheets=[CSS(string=css, font_config=fonts)], font_config=fonts)
    out.write_bytes(document.write_pdf())
    return {"seconds": time.perf_counter() - begin, "cpu_seconds": cpu_seconds() - cpu,
            "pages": len(document.pages)}


def child_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.bench_book child")
    parser.add_argument("kind", choices=("book", "bare", "parallel"))
    parser.add_argument("path", type=Path, help="the project (book) or the capture (bare)")
    parser.add_argument("--capture", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--full", action="store_true",
                        help="every edition (screen, cover, criers), not the interior alone")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.kind == "book":
        child_result(child_book(args.path, args.capture, args.full))
    elif args.kind == "parallel":
        child_result(child_parallel(args.path, args.workers))
    else:
        child_result(child_bare(args.path, args.out))
    return 0


def run(work: Path, size: int, parallel_size: int | None = None,
        repeat: int = 1) -> Iterator[Line]:
    """The book of ``size`` posts against bare WeasyPrint, side by side; then the
    parallel chapters (``parallel_size`` posts: 10,000, or 3,000 when ``size`` is the
    quick one, from 1,000 to 2,000; none for the tests' tiny books); each
    comparison the best of ``repeat`` rounds of both sides."""
    yield from run_overhead(work, size, repeat)
    if parallel_size is None:
        parallel_size = 10_000 if size >= 2000 else 3000 if size >= 1000 else 0
    if parallel_size:
        yield from run_parallel(work, parallel_size, repeat=repeat)


def run_overhead(work: Path, size: int, repeat: int = 1) -> list[Line]:
    """The book of ``size`` posts against bare WeasyPrint, interleaved, each side's
    best of ``repeat`` rounds."""
    day = generate(size, work / f"book-{size}")
    capture = work / f"book-{size}.json"
    books, bares = [], []
    try:
        for _round in range(repeat):
            books.append(run_child("benchmarks.bench_book", [
                "child", "book", str(day.project), "--capture", str(capture)]))
            bares.append(run_child("benchmarks.bench_book", [
                "child", "bare", str(capture), "--out", str(work / "bare.pdf")]))
    except RuntimeError as error:
        return [failed(f"book.build_{size}", str(error).splitlines()[0])]
    book = min(books, key=lambda r: r["seconds"])
    bare = min(bares, key=lambda r: r["seconds"])
    pages = book["pages"]
    return [
        measure(f"book.build_{size}", book["seconds"], "s", bare["seconds"], BOOK_TARGET),
        measure(f"book.build_{size}_cpu", book["cpu_seconds"], "s cpu", bare["cpu_seconds"]),
        info(f"book.pages_{size}", pages, "pages"),
        info(f"book.layout_passes_{size}", len(book["passes"]), "renders"),
        measure(f"book.pages_per_second_{size}", pages / book["seconds"], "pages/s",
                bare["pages"] / bare["seconds"]),
        measure(f"book.peak_memory_{size}", book["maxrss_mb"], "MB", bare["maxrss_mb"]),
    ]


def run_parallel(work: Path, size: int, workers: int = 2, repeat: int = 1) -> list[Line]:
    """The print interior in one process against ``workers`` processes, interleaved
    (the faster of ``repeat`` rounds of each: the machine's noise is not the code's)."""
    day = generate(size, work / f"book-parallel-{size}")
    ones, manies = [], []

    def lay_out(count: int) -> dict[str, Any]:
        return run_child("benchmarks.bench_book",
                         ["child", "parallel", str(day.project), "--workers", str(count)])

    try:
        for _round in range(repeat):
            ones.append(lay_out(1))
            manies.append(lay_out(workers))
    except RuntimeError as error:
        return [failed(f"book.parallel_{size}", str(error).splitlines()[0])]
    one = min(ones, key=lambda r: r["seconds"])
    many = min(manies, key=lambda r: r["seconds"])
    worker_mb = max((w["maxrss_mb"] for w in many["workers"]), default=0.0)
    return [
        measure(f"book.parallel_{size}", many["seconds"], "s", one["seconds"],
                PARALLEL_TARGET),
        measure(f"book.parallel_{size}_cpu", many["cpu_seconds"], "s cpu",
                one["cpu_seconds"]),
        measure(f"book.parallel_pages_{size}", many["pages"], "pages", one["pages"], 1.0),
        measure(f"book.parallel_pages_per_second_{size}", many["pages"] / many["seconds"],
                "pages/s", one["pages"] / one["seconds"]),
        measure(f"book.parallel_main_memory_{size}", many["maxrss_mb"], "MB",
                one["maxrss_mb"]),
        measure(f"book.parallel_worker_memory_{size}", worker_mb, "MB", MEMORY_LIMIT_MB,
                1.0),
        measure(f"book.single_memory_{size}", one["maxrss_mb"], "MB", MEMORY_LIMIT_MB, 1.0),
        measure(f"book.parallel_pdf_size_{size}", many["pdf_bytes"] / 1e6, "MB",
                one["pdf_bytes"] / 1e6),
    ]


def main(argv: list[str] | None = None) -> int:
    import tempfile

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--parallel-posts", type=int, default=None,
                        help="posts of the parallel comparison (0: skip it)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        for line in run(Path(folder), args.posts, args.parallel_posts):
            print(line.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
