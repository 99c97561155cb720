"""A big book's chapters laid out in worker processes, joined by pypdf.

The chapters are cut into consecutive groups (whole chapters, so no post and no
running head crosses a cut). A group's folios must continue the previous group's,
and its first page must be on the right side, so it needs the page count of every
group before it. Counting is a layout: the worker that lays out the first group for
good (its start is known from the front matter) runs beside workers that only count
the groups before the last, then the remaining groups are laid out for good, each at
its own page. The first group is the largest so that the two phases balance.

Each worker sends back its group's PDF (print, and the screen edition's when both
come from one layout) and the page of each anchor; the main process lays out the
front and back matter itself and joins every PDF with pypdf, keeping the pages'
boxes. Fonts are subset per part, so the joined file carries one subset per part.
"""

from __future__ import annotations

import copy
import io
import logging
import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .chapters import BookContent, Chapter
from .layout import Timing, anchor_pages
from .parts import Parts, PartsLayout, next_recto, shifted, start_css

logger = logging.getLogger(__name__)

# What the workers of the last parallel build reported (pages, seconds, maxrss_mb),
# for the benchmark: their peak memory is theirs, not the main process's.
LAST_WORKERS: list[dict[str, Any]] = []


@dataclass
class Job:
    """What a worker needs: the group's HTML and CSS, files, where it starts."""

    html: str
    css: str
    base_url: str
    files: dict[str, Path]
    options: dict[str, Any]
    start: int  # 0: only count the pages
    screen: bool


def run_job(job: Job) -> dict[str, Any]:
    """In the worker: lay the group out; count its pages, or write its PDFs."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from .fetcher import BookFetcher

    begin = time.perf_counter()
    fetcher = BookFetcher()
    fetcher.files.update(job.files)
    fonts = FontConfiguration()
    profiles: dict[str, Any] = {}
    css = (start_css(job.start) if job.start else start_css(1)) + job.css
    stylesheet = CSS(string=css, font_config=fonts, url_fetcher=fetcher,
                     color_profiles=profiles)
    document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher).render(
        stylesheets=[stylesheet], font_config=fonts, color_profiles=profiles, **job.options)
    result: dict[str, Any] = {"pages": len(document.pages)}
    if job.start:
        result["anchors"] = anchor_pages(document)
        printed = []
        for page in document.pages:
            page = copy.copy(page)
            page.links, page.bookmarks = [], []
            printed.append(page)
        result["print"] = bytes(document.copy(printed).write_pdf(**job.options))
        if job.screen:
            trimmed = []
            for page in document.pages:
                page = copy.copy(page)
                page.bleed = dict.fromkeys(page.bleed, 0)
                trimmed.append(page)
            result["screen"] = bytes(document.copy(trimmed).write_pdf())
    import resource

    result["seconds"] = time.perf_counter() - begin
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def split_chapters(chapters: list[Chapter], groups: int) -> list[list[Chapter]]:
    """Consecutive groups of whole chapters, the first about three times the others'
    size: it is laid out for good while another worker counts its pages, after which
    that worker lays out the rest (with writing a quarter of the time, 3:1 balances
    two workers)."""
    if groups <= 1 or len(chapters) <= 1:
        return [chapters]
    groups = min(groups, len(chapters))
    weights = [3.0] + [1.0] * (groups - 1)
    total_posts = sum(len(c.posts) for c in chapters)
    bounds, running, share = [], 0, 0.0
    for weight in weights[:-1]:
        share += weight / sum(weights)
        bounds.append(share * total_posts)
    result: list[list[Chapter]] = [[]]
    for chapter in chapters:
        if len(result) <= len(bounds) and running >= bounds[len(result) - 1] and result[-1]:
            result.append([])
        result[-1].append(chapter)
        running += len(chapter.posts)
    return [g for g in result if g]


def build_parallel(builder: Any, articles: Any, content: BookContent, layout: PartsLayout,
                   shared: bool) -> Any:
    """The interior with its chapters laid out by ``BOOK_WORKERS`` processes."""
    from .interior import Interior, for_print, for_screen

    e = builder.edition
    renderer = layout.renderer
    begin = time.perf_counter()
    front = layout.front(None, "front")
    parts = Parts(front_pages=len(front.pages))
    groups = split_chapters(content.chapters, e.workers)
    jobs = [Job(layout.html_of("body", chapters=g), layout.css, renderer.base_url,
                dict(renderer.fetcher.files), layout.options, 0, shared) for g in groups]
    results: list[dict[str, Any]] = [{} for _ in groups]
    context = worker_context()
    with ProcessPoolExecutor(max_workers=min(e.workers, len(groups)),
                             mp_context=context) as pool:
        body_start = next_recto(parts.front_pages)
        first: Future[dict[str, Any]] = pool.submit(run_job, with_start(jobs[0], body_start))
        counts = [pool.submit(run_job, job) for job in jobs[:-1]]
        pages = [f.result()["pages"] for f in counts]
        starts, start = [], body_start
        for count in [0, *pages]:
            start += count
            starts.append(start)
        finals = [first] + [pool.submit(run_job, with_start(job, starts[i]))
                            for i, job in enumerate(jobs) if i > 0]
        results = [f.result() for f in finals]
    for index, result in enumerate(results):
        if index < len(pages) and result["pages"] != pages[index]:
            raise RuntimeError(f"book: group {index + 1} counted {pages[index]} pages but "
                               f"laid out {result['pages']}; set BOOK_WORKERS = 1")
        parts.anchors.update(shifted(result["anchors"], starts[index]))
    parts.place_body(parts.front_pages, sum(r["pages"] for r in results))
    renderer.timings.append(Timing(f"chapters in {len(groups)} processes",
                                   time.perf_counter() - begin, parts.body_pages))
    back = layout.back(parts)
    front = layout.final_front(parts, front)
    if len(front.pages) != parts.front_pages:
        raise RuntimeError("book: the numbered contents took another page; "
                           "set BOOK_WORKERS = 1")
    head = front.copy([*front.pages, *layout.blanks(parts.body_start - parts.front_pages - 1)])
    lead = layout.blanks(parts.back_start - parts.body_end - 1)
    total = parts.total
    tail = back.copy([*lead, *back.pages, *layout.blanks(-total % 4)])
    print_parts: list[tuple[bytes, set[str] | None]] = [
        (renderer.write(for_print(head), "write front", **layout.options), None),
        *[(r["print"], None) for r in results],
        (renderer.write(for_print(tail), "write back", **layout.options), None)]
    print_pdf = join_pdfs(print_parts)
    screen_pdf, screen_pages = None, 0
    if shared:
        screen_tail = back.copy([*lead, *back.pages])
        screen_head, head_own = with_targets(for_screen(head))
        screen_tail, tail_own = with_targets(for_screen(screen_tail))
        screen_pdf = join_pdfs([
            (renderer.write(screen_head, "write front (screen)"), head_own),
            *[(r["screen"], None) for r in results],
            (renderer.write(screen_tail, "write back (screen)"), tail_own)])
        screen_pages = total
    elif e.screen:
        screen_pdf, screen_pages = builder.screen(articles, parts.anchors, renderer)
    LAST_WORKERS[:] = [{k: r[k] for k in ("pages", "seconds", "maxrss_mb")}
                       for r in results]
    for index, result in enumerate(results):
        logger.info("Book: group %d, %d pages, %.1f s, peak memory %.0f MB", index + 1,
                    result["pages"], result["seconds"], result["maxrss_mb"])
    post_pages = {p.anchor: parts.anchors[p.anchor] for p in content.posts}
    padded_pages = total + (-total % 4)
    return Interior(print_pdf, screen_pdf, padded_pages, screen_pages, post_pages, content,
                    renderer)


def worker_context() -> Any:
    """Workers forked from a fork server that has WeasyPrint imported (fast to start)
    and that never runs the parent's ``__main__`` again (a script without a
    ``__name__`` guard would build the book once more in every worker)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", "inventaire.book.parallel"])
    return context


def with_start(job: Job, start: int) -> Job:
    return Job(job.html, job.css, job.base_url, job.files, job.options, start, job.screen)


def with_targets(document: Any) -> tuple[Any, set[str]]:
    """The document with a stand-in anchor for every link to another part, and its own
    anchors. WeasyPrint drops a link whose anchor it cannot see; with the stand-in
    it writes the link to the named destination, which :func:`join_pdfs` then points
    at the real page (stand-ins are not kept)."""
    own = {name for page in document.pages for name in page.anchors}
    pages = []
    for page in document.pages:
        page = copy.copy(page)
        page.anchors = dict(page.anchors)
        for kind, target, _rect, _box in page.links:
            if kind == "internal" and target not in own:
                page.anchors.setdefault(target, (0, 0, 0, 0))
        pages.append(page)
    return document.copy(pages), own


def join_pdfs(parts: list[tuple[bytes, set[str] | None]]) -> bytes:
    """The parts' pages in order in one PDF (page objects copied with their boxes and
    links), with the first part's metadata and output intent, one tree of named
    destinations (each part's own, at their new pages: ``None`` keeps them all) and
    the parts' bookmarks in order."""
    import pypdf
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject

    writer = pypdf.PdfWriter()
    first = pypdf.PdfReader(io.BytesIO(parts[0][0]))
    writer.pdf_header = first.pdf_header
    names: dict[str, tuple[int, Any, Any]] = {}
    marks: list[tuple[str, int, Any, Any]] = []  # bookmarks: title, page, x, y
    for data, keep in parts:
        reader = first if data is parts[0][0] else pypdf.PdfReader(io.BytesIO(data))
        offset = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        for name, dest in reader.named_destinations.items():
            if keep is None or name in keep:
                names.setdefault(name, (offset + (reader.get_destination_page_number(dest) or 0),
                                        dest.left, dest.top))
        marks.extend((str(item.title), offset + (reader.get_destination_page_number(item) or 0),
                      item.left, item.top)
                     for item in reader.outline if not isinstance(item, list))
    tree = writer.get_named_dest_root()
    for name in sorted(names):
        index, left, top = names[name]
        tree.extend([pypdf.generic.TextStringObject(name), ArrayObject([
            writer.pages[index].indirect_reference, NameObject("/XYZ"),
            FloatObject(left or 0), FloatObject(top or 0), NumberObject(0)])])
    for title, index, left, top in marks:
        writer.add_outline_item(title=title, page_number=index,
                                fit=pypdf.generic.Fit.xyz(left, top, 0))
    if first.metadata:
        writer.add_metadata(dict(first.metadata))
    for key in ("/OutputIntents", "/Lang"):
        if key in first.root_object:
            writer.root_object[NameObject(key)] = first.root_object[key].clone(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
