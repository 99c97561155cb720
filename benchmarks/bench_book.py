"""Book benchmark: the book plugin against bare WeasyPrint rendering the book's own HTML.

The book child builds the site and the book of a synthetic day, timing only the book
generator (its ``generate_context`` lays out, its ``generate_output`` writes), for
the print interior alone (no screen edition, cover or criers' sheets, so both sides
make the same one PDF). It records the HTML and CSS
of the book's last layout pass as they reach :class:`inventaire.book.layout.Renderer`.
The bare child then gives that same HTML and CSS to WeasyPrint, once, and writes the
PDF. Figures: ``book.build_N`` (target ≤ 1.3× bare), pages per second of each, and
the peak memory (``ru_maxrss``) of each child.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from . import child_result, cpu_seconds, run_child
from .report import Line, failed, info, measure
from .synth import generate

BOOK_TARGET = 1.3
PRINT_ONLY = {"BOOK_SCREEN": False, "BOOK_COVER": False, "BOOK_CRIERS": False}


def child_book(project: Path, capture: Path, full: bool) -> dict[str, Any]:
    """Build site and book; time the book generator; keep the last pass's HTML and CSS."""
    from inventaire import build
    from inventaire.book import generator, layout
    from inventaire.site import plugin

    plugin.index_site = lambda output: True  # search is not the book's cost
    passes: list[dict[str, Any]] = []
    render = layout.Renderer.render

    def recording(self: Any, html: str, css: str, label: str, **options: Any) -> Any:
        document = render(self, html, css, label, **options)
        files = {name: Path(path).resolve().as_uri()
                 for name, path in getattr(getattr(self, "fetcher", None), "files", {}).items()}
        passes.append({"label": label, "html": html, "css": css, "files": files,
                       "pages": len(document.pages), "base_url": self.base_url})
        return document

    layout.Renderer.render = recording  # type: ignore[method-assign]
    timing = {"seconds": 0.0, "cpu_seconds": 0.0}

    def timed(method: Any) -> Any:
        def wrapper(self: Any, *args: Any) -> Any:
            begin, cpu = time.perf_counter(), cpu_seconds()
            try:
                return method(self, *args)
            finally:
                timing["seconds"] += time.perf_counter() - begin
                timing["cpu_seconds"] += cpu_seconds() - cpu
        return wrapper

    # The book lays out in generate_context and writes in generate_output: time both.
    book_class = generator.BookGenerator
    book_class.generate_context = timed(book_class.generate_context)  # type: ignore[method-assign]
    book_class.generate_output = timed(book_class.generate_output)  # type: ignore[method-assign]
    overrides = {} if full else dict(PRINT_ONLY)
    build.build(project, overrides=overrides, output=project / "output")
    laid_out = [p for p in passes if p["label"].startswith("pass")]
    if not laid_out:
        raise RuntimeError("the book rendered no 'pass' through Renderer.render")
    last = laid_out[-1]
    capture.write_text(json.dumps({k: last[k] for k in ("html", "css", "base_url", "files")}),
                       encoding="utf-8")
    pdfs = sorted((project / "output").rglob("livre.pdf"))
    return {**timing, "pages": last["pages"],
            "passes": [p["label"] for p in passes],
            "pdf_bytes": pdfs[0].stat().st_size if pdfs else 0}


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
    parser.add_argument("kind", choices=("book", "bare"))
    parser.add_argument("path", type=Path, help="the project (book) or the capture (bare)")
    parser.add_argument("--capture", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args(argv)
    if args.kind == "book":
        child_result(child_book(args.path, args.capture, args.full))
    else:
        child_result(child_bare(args.path, args.out))
    return 0


def run(work: Path, size: int) -> list[Line]:
    """The book of ``size`` posts against bare WeasyPrint, side by side."""
    day = generate(size, work / f"book-{size}")
    capture = work / f"book-{size}.json"
    try:
        book = run_child("benchmarks.bench_book",
                         ["child", "book", str(day.project), "--capture", str(capture)])
        bare = run_child("benchmarks.bench_book",
                         ["child", "bare", str(capture), "--out", str(work / "bare.pdf")])
    except RuntimeError as error:
        return [failed(f"book.build_{size}", str(error).splitlines()[-1])]
    pages = book["pages"]
    return [
        measure(f"book.build_{size}", book["seconds"], "s", bare["seconds"], BOOK_TARGET),
        measure(f"book.build_{size}_cpu", book["cpu_seconds"], "s cpu", bare["cpu_seconds"],
                None),
        info(f"book.pages_{size}", pages, "pages"),
        info(f"book.layout_passes_{size}", len(book["passes"]), "renders"),
        measure(f"book.pages_per_second_{size}", pages / book["seconds"], "pages/s",
                bare["pages"] / bare["seconds"], None),
        measure(f"book.peak_memory_{size}", book["maxrss_mb"], "MB", bare["maxrss_mb"], None),
    ]


def main(argv: list[str] | None = None) -> int:
    import tempfile

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        for line in run(Path(folder), args.posts):
            print(line.to_json())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
