"""The parallel book's helpers: starts sent as counts come in, folios laid out ahead.

:class:`inventaire.book.workers.Starts` is fed by pipes standing in for the workers
(in this process), so the order the counts come in is the test's: each worker gets
its start once the counts of the groups before it are in, never before. The folios
laid out in parts (:class:`inventaire.book.folio_pages.FolioPages`) are the same
pages as one document of them all: same number, same side, same place.
"""

from __future__ import annotations

import io
import multiprocessing
from typing import Any

import pypdf
import pytest
from inventaire.book.folio_pages import FolioPages
from inventaire.book.layout import Renderer
from inventaire.book.workers import Starts

CSS = """
@page { size: 100mm 140mm; margin: 10mm 12mm 15mm 20mm; }
@page :left { margin: 10mm 20mm 15mm 12mm; @bottom-left { content: counter(page); } }
@page :right { @bottom-right { content: counter(page); } }
"""


def receive(conn: Any, index: int) -> dict[str, Any]:
    message: dict[str, Any] = conn.recv()
    return message


def pipes(count: int) -> tuple[list[Any], list[Any]]:
    ends = [multiprocessing.Pipe() for _ in range(count)]
    return [main for main, _ in ends], [worker for _, worker in ends]


def test_each_start_is_sent_once_the_counts_before_it_are_in() -> None:
    mains, workers = pipes(3)
    starts = Starts(mains, 5, receive)
    assert workers[0].poll(5) and workers[0].recv() == 5  # known from the front matter
    workers[2].send({"pages": 7})  # the last group first: nothing can be sent yet
    assert starts.next() == (2, {"pages": 7})
    assert not workers[1].poll(0.2) and not workers[2].poll(0)
    workers[0].send({"pages": 10})
    assert starts.next() == (0, {"pages": 10})
    assert workers[1].poll(5) and workers[1].recv() == 15
    assert not workers[2].poll(0.2)
    workers[1].send({"pages": 4})
    assert starts.next() == (1, {"pages": 4})
    assert workers[2].poll(5) and workers[2].recv() == 19
    starts.join()
    assert starts.starts == [5, 15, 19]  # what the main process shifts the anchors by


def test_an_error_of_a_worker_reaches_the_main_process() -> None:
    mains, workers = pipes(2)

    def failing(conn: Any, index: int) -> dict[str, Any]:
        conn.recv()
        raise RuntimeError(f"group {index + 1} failed")

    starts = Starts(mains, 1, failing)
    workers[1].send({"pages": 3})
    with pytest.raises(RuntimeError, match="group 2 failed"):
        starts.next()
    starts.join()


def folios(document: Any) -> list[tuple[str, float]]:
    """Each page's folio and where it starts (points from the page's left), as written."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(document.write_pdf())).pages:
        xs: list[float] = []
        text = page.extract_text(visitor_text=lambda text, cm, tm, *_, xs=xs: xs.append(
            cm[0] * tm[4] + cm[2] * tm[5] + cm[4]) if text.strip() else None)
        found.append((text.strip(), round(min(xs), 2)))
    return found


@pytest.mark.parametrize("ahead", [0, 6, 7, 20])
def test_folios_laid_out_ahead_are_the_whole_documents_pages(ahead: int,
                                                             tmp_path: Any) -> None:
    renderer = Renderer(tmp_path)
    whole = FolioPages(renderer, "<html lang='fr'>", CSS, {}, 3).document(11)
    parts = FolioPages(renderer, "<html lang='fr'>", CSS, {}, 3)
    if ahead:
        parts.ahead(ahead)
    document = parts.document(11)
    assert len(document.pages) == 11
    assert folios(document) == folios(whole)
    assert [f for f, _ in folios(whole)] == [str(n) for n in range(3, 14)]
