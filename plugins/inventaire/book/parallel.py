"""A big book's chapters laid out in worker processes, joined by pypdf.

The chapters are cut into as many consecutive groups as there are workers (whole
chapters, so no post and no running head crosses a cut), of about as many posts
each. A group's folios continue the previous group's and its pages' sides follow
from where it starts, which only the page counts of the groups before it tell; so
each worker lays its group out once as if it started on a recto, without folios
(:mod:`.folios`), and reports its page count and anchors while the main process lays
out the front matter. The workers are started before the book's content is made, and
each is sent its start as soon as the counts before it are in (:mod:`.workers`);
meanwhile the main process lays out the folios ahead (:mod:`.folio_pages`). Each
worker then puts its pages on their real sides and writes its PDF (print, and the
screen edition's when both come from one layout), while the main process lays out
the back matter, the numbered contents and the rest of the folios. The parts are
joined with pypdf, keeping the pages' boxes, and the folios are drawn over the body's
pages. Fonts are subset per part, so the joined file carries one subset per part.

Hours that run on (:attr:`BookEdition.run_on`) run on within a group: each group's
first hour starts a page, as a worker cannot know the room the group before it
leaves. So a big book laid out in parallel has up to ``BOOK_WORKERS - 1`` more hours
opening a page than the same book in one process; with ``BOOK_HOUR_NEW_PAGE`` the
two are the same page for page.
"""

from __future__ import annotations

import contextlib
import copy
import io
import logging
import math
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventaire.book.chapters import BookContent, Chapter
from inventaire.book.folio_pages import FolioPages
from inventaire.book.folios import WORKER_CSS, is_blank, placed, stamp_pages
from inventaire.book.layout import Renderer, Timing, anchor_pages, release
from inventaire.book.parts import Parts, PartsLayout, next_recto, shifted, start_css
from inventaire.book.press import Interior, for_print, for_screen, screen_post_pages
from inventaire.book.workers import Count, Starts, Workers, worker_context
from inventaire.core import collector

logger = logging.getLogger(__name__)

# What the workers of the last parallel build reported (pages, seconds, layout_cpu,
# write_cpu, maxrss_mb),
# for the benchmark: their peak memory is theirs, not the main process's.
LAST_WORKERS: list[dict[str, Any]] = []
# The folios laid out ahead: for this many times the pages the first counts let
# expect (a few too many cost less than a second part laid out after the counts).
AHEAD_MARGIN = 1.05


@dataclass
class Job:
    """What a worker needs: the group's HTML and CSS, files, options."""

    html: str
    css: str
    base_url: str
    files: dict[str, Path]
    options: dict[str, Any]
    screen: bool
    epoch: str = ""  # SOURCE_DATE_EPOCH: a fork server's children keep its environment


def serve(conn: Any) -> None:
    """In the worker: receive a :class:`Job`, lay it out, send its page count, blank
    pages and anchors; receive the book page it starts at (``None``: stop), send its
    PDFs. An error is sent back as its traceback."""
    try:
        job = conn.recv()
        if job.epoch:
            os.environ["SOURCE_DATE_EPOCH"] = job.epoch
        else:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        begin, cpu = time.perf_counter(), time.process_time()
        document = lay_out(job)
        laid_out = time.process_time() - cpu
        conn.send({"pages": len(document.pages), "anchors": anchor_pages(document),
                   "blank": [i for i, page in enumerate(document.pages) if is_blank(page)]})
        waited = time.perf_counter()
        start = conn.recv()
        if start is None:
            return
        resumed, cpu = time.perf_counter(), time.process_time()
        result = write(job, document, start)
        import resource

        result["seconds"] = time.perf_counter() - begin - (resumed - waited)
        result["layout_cpu"], result["write_cpu"] = laid_out, time.process_time() - cpu
        result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(result)
    except (EOFError, BrokenPipeError):  # the main process gave up
        return
    except Exception:
        with contextlib.suppress(OSError):
            conn.send({"error": traceback.format_exc()})
    finally:
        conn.close()


def lay_out(job: Job) -> Any:
    """The group laid out from a recto, without folios, with both running heads.

    Through a :class:`Renderer` of its own, so that its drawings are loaded apart and
    the layout's own structures are freed before the group is written
    (:mod:`.layout`, « Memory »)."""
    renderer = Renderer(job.base_url)
    renderer.fetcher.files.update(job.files)
    document = renderer.render(job.html, start_css(1) + job.css + WORKER_CSS, "group",
                               **job.options)
    release()
    return document


def write(job: Job, document: Any, start: int) -> dict[str, Any]:
    """The group's PDFs, its first page being the book's page ``start``."""
    pages = [placed(page, (start + index) % 2 == 1)
             for index, page in enumerate(document.pages)]
    printed = []
    for page in pages:
        page = copy.copy(page)
        page.links, page.bookmarks = [], []
        printed.append(page)
    result: dict[str, Any] = {
        "print": bytes(document.copy(printed).write_pdf(**job.options))}
    if job.screen:
        trimmed = []
        for page in pages:
            page = copy.copy(page)
            page.bleed = dict.fromkeys(page.bleed, 0)
            trimmed.append(page)
        result["screen"] = bytes(document.copy(trimmed).write_pdf())
    return result


def receive(conn: Any, index: int) -> dict[str, Any]:
    try:
        message: dict[str, Any] = conn.recv()
    except EOFError:
        raise RuntimeError(f"book: the worker of chapter group {index + 1} died; "
                           "set BOOK_WORKERS = 1") from None
    if "error" in message:
        raise RuntimeError(f"book: chapter group {index + 1} failed in its worker:\n"
                           f"{message['error']}")
    return message


def split_chapters(chapters: list[Chapter], groups: int) -> list[list[Chapter]]:
    """Consecutive groups of whole chapters with about as many posts each (each group
    is laid out once, all at the same time)."""
    if groups <= 1 or len(chapters) <= 1:
        return [chapters]
    groups = min(groups, len(chapters))
    total_posts = sum(len(c.posts) for c in chapters)
    bounds = [total_posts * (k + 1) / groups for k in range(groups - 1)]
    result: list[list[Chapter]] = [[]]
    running = 0
    for chapter in chapters:
        size = len(chapter.posts)
        if (len(result) <= len(bounds) and result[-1]
                and running + size / 2 > bounds[len(result) - 1]):
            result.append([])
        result[-1].append(chapter)
        running += size
    return [g for g in result if g]


def start_workers(count: int) -> Workers:
    """The workers of a big book, started before its content is made (:mod:`.workers`)."""
    return Workers.start(count, serve, worker_context(["weasyprint", __name__]))


def build_parallel(builder: Any, articles: Any, content: BookContent, layout: PartsLayout,
                   shared: bool, workers: Workers) -> Any:
    """The interior with its chapters laid out by ``workers`` (as many as
    ``BOOK_WORKERS``; those left without a group are stopped). The caller closes them."""
    renderer = layout.renderer
    begin = time.perf_counter()
    groups = split_chapters(content.chapters, len(workers.conns))
    workers.keep(len(groups))
    htmls = [layout.html_of("body", chapters=group) for group in groups]
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    for conn, html in zip(workers.conns, htmls, strict=True):
        conn.send(Job(html, layout.css, renderer.base_url, dict(renderer.fetcher.files),
                      layout.options, shared, epoch))
    posts = [sum(len(chapter.posts) for chapter in group) for group in groups]
    return assemble(builder, articles, content, layout, shared, workers.conns, htmls[0],
                    posts, begin)


def counted(starts: Starts, folios: FolioPages,
            posts: list[int]) -> tuple[list[Count], list[int]]:
    """Every group's count and its first page, in order. While some are still laying
    out, the folios are laid out ahead for the pages the counts in let expect
    (:mod:`.folio_pages`)."""
    counts = dict([starts.next(), *starts.ready()])
    if len(counts) < len(posts):
        pages = sum(count["pages"] for count in counts.values())
        done = sum(posts[index] for index in counts)
        folios.ahead(math.ceil(pages * sum(posts) / done * AHEAD_MARGIN))
    while len(counts) < len(posts):
        index, count = starts.next()
        counts[index] = count
    starts.join()
    return [counts[index] for index in range(len(posts))], starts.starts


def assemble(builder: Any, articles: Any, content: BookContent, layout: PartsLayout,
             shared: bool, conns: list[Any], body_html: str, posts: list[int],
             begin: float) -> Any:
    """The front matter while the workers lay out; then every start to the workers as
    soon as known, the folios ahead and, while they write, the back matter, the
    contents and the rest of the folios; then the join."""
    e = builder.edition
    renderer = layout.renderer
    front = layout.front(None, "front")
    parts = Parts(front_pages=len(front.pages))
    body_start = next_recto(parts.front_pages)
    folio_pages = FolioPages(renderer, body_html, layout.css, layout.options, body_start)
    counts, starts = counted(Starts(conns, body_start, receive), folio_pages, posts)
    for count, start in zip(counts, starts, strict=True):
        parts.anchors.update(shifted(count["anchors"], start))
    parts.place_body(parts.front_pages, sum(c["pages"] for c in counts))
    blank = {start - parts.body_start + i
             for count, start in zip(counts, starts, strict=True) for i in count["blank"]}
    back = layout.back(parts)
    front = layout.final_front(parts, front)
    if len(front.pages) != parts.front_pages:
        raise RuntimeError("book: the numbered contents took another page; "
                           "set BOOK_WORKERS = 1")
    folios = folio_pages.document(parts.body_pages)
    head = front.copy([*front.pages, *layout.blanks(parts.body_start - parts.front_pages - 1)])
    lead = layout.blanks(parts.back_start - parts.body_end - 1)
    total = parts.total
    tail = back.copy([*lead, *back.pages, *layout.padding(-total % e.signature)])
    head_pdf = renderer.write(for_print(head), "write front", **layout.options)
    tail_pdf = renderer.write(for_print(tail), "write back", **layout.options)
    folio_pdf = renderer.write(folios, "write folios", **layout.options)
    screen_parts: list[tuple[bytes, set[str] | None]] = []
    screen_folios = b""
    if shared:
        screen_tail = back.copy([*lead, *back.pages])
        screen_head, head_own = with_targets(for_screen(head))
        screen_tail, tail_own = with_targets(for_screen(screen_tail))
        screen_parts = [(renderer.write(screen_head, "write front (screen)"), head_own),
                        (renderer.write(screen_tail, "write back (screen)"), tail_own)]
        screen_folios = renderer.write(for_screen(folios), "write folios (screen)")
    results = [receive(conn, index) for index, conn in enumerate(conns)]
    renderer.timings.append(Timing(f"chapters in {len(conns)} processes",
                                   time.perf_counter() - begin, parts.body_pages))
    stamp = (folio_pdf, parts.body_start - 1, blank)
    print_pdf = join_pdfs([(head_pdf, None), *[(r["print"], None) for r in results],
                           (tail_pdf, None)], stamp)
    screen_pdf, screen_pages = None, 0
    if shared:
        screen_pdf = join_pdfs([screen_parts[0], *[(r["screen"], None) for r in results],
                                screen_parts[1]], (screen_folios, parts.body_start - 1, blank))
        screen_pages = total
    on_screen: dict[str, int] = parts.anchors if shared else {}  # the same pages, blanks too
    if not shared and e.screen:
        screen_pdf, screen_pages, on_screen = builder.screen(articles, parts.anchors, renderer)
    LAST_WORKERS[:] = [{"pages": c["pages"], **{k: r[k] for k in (
        "seconds", "layout_cpu", "write_cpu", "maxrss_mb")}}
        for c, r in zip(counts, results, strict=True)]
    for index, worker in enumerate(LAST_WORKERS):
        logger.info("Book: group %d, %d pages, %.1f s, peak memory %.0f MB", index + 1,
                    worker["pages"], worker["seconds"], worker["maxrss_mb"])
    post_pages = {p.anchor: parts.anchors[p.anchor] for p in content.posts}
    padded_pages = total + (-total % e.signature)
    return Interior(print_pdf, screen_pdf, padded_pages, screen_pages, post_pages, content,
                    renderer, screen_post_pages(content, on_screen))


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


def join_pdfs(parts: list[tuple[bytes, set[str] | None]],
              stamp: tuple[bytes, int, set[int]] | None = None) -> bytes:
    """The parts' pages in order in one PDF (page objects copied with their boxes and
    links), with the first part's metadata and output intent, one tree of named
    destinations (each part's own, at their new pages: ``None`` keeps them all) and
    the parts' bookmarks in order; ``stamp`` (a PDF, the page index its first page
    goes over, pages of it to leave out) is drawn over the joined pages.

    The collector is paused meanwhile: pypdf makes some hundred thousand small objects
    per part, and each automatic collection they set off walked the main process's
    whole heap again (half the join's time at 10,000 posts)."""
    with collector.paused():
        return _join_pdfs(parts, stamp)


def _join_pdfs(parts: list[tuple[bytes, set[str] | None]],
               stamp: tuple[bytes, int, set[int]] | None) -> bytes:
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
    if stamp is not None:
        stamp_pages(writer, stamp[1], stamp[0], stamp[2])
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
