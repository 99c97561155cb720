"""The book's layouts let go of what they no longer need (book/layout.py, « Memory »).

A 10,000-post book laid out in one process peaked at 1.86 GB: the chapters' whole
layout (every element's styles, the element tree, the boxes) was kept to the end of
the build by an emoji in the image cache every pass shares, and a refined layout of
the chapters was made while the one before it was still held.
"""

from __future__ import annotations

import tracemalloc
import weakref
from pathlib import Path
from typing import Any

from inventaire.book.layout import Renderer, release
from inventaire.book.parts import PartsLayout

DOT = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       '<circle cx="5" cy="5" r="4"/></svg>')


def held_after_layout(tmp_path: Path, load_drawings: bool) -> tuple[int, int]:
    """Bytes still held once a 200-paragraph document with a cached SVG in each is
    dropped and collected, and the most its layout held."""
    tmp_path.mkdir()
    svg = tmp_path / "dot.svg"
    svg.write_text(DOT, encoding="utf-8")
    renderer = Renderer(tmp_path)
    url = renderer.fetcher.register("emoji/dot.svg", svg)
    if not load_drawings:
        renderer.load_drawings = lambda **options: None  # type: ignore[method-assign]
    renderer.render("<p>imports and fonts</p>", "", "warm")
    release()
    html = "".join(f"<p id='p{i}'>Une entrée <span>{i}</span> <img src='{url}'></p>"
                   for i in range(200))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        document = renderer.render(html, "@page { size: A5 }", "chapters")
        assert len(document.pages) > 1
        peak = tracemalloc.get_traced_memory()[1] - before
        del document
        release()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return held, peak


def test_a_cached_drawing_keeps_none_of_the_layout_that_met_it(tmp_path: Path) -> None:
    held, peak = held_after_layout(tmp_path / "loaded", load_drawings=True)
    assert held < 0.05 * peak, f"{held} bytes of a {peak}-byte layout still held"  # 0.5 %
    # Without loading the drawings apart, the SVG kept most of that layout alive.
    kept, kept_peak = held_after_layout(tmp_path / "met", load_drawings=False)
    assert kept > 0.5 * kept_peak, f"{kept} of {kept_peak} bytes held"  # 75 % at 200


class Page:
    def __init__(self, anchors: dict[str, Any]) -> None:
        self.anchors = anchors


class Document:
    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages

    def copy(self, pages: list[Page]) -> Document:
        return Document(list(pages))


class Layouts:
    """A stand-in renderer: each chapters' layout is watched, and whether the ones
    before it were still alive is noted as each layout starts."""

    def __init__(self) -> None:
        self.chapters: list[weakref.ref[Document]] = []
        self.alive_at_start: dict[str, list[bool]] = {}

    def render(self, html: str, css: str, label: str, **options: Any) -> Document:
        self.alive_at_start[label] = [ref() is not None for ref in self.chapters]
        document = Document([Page({f"{html}-{label}": (0, 0, 0, 10)}), Page({})])
        if html == "body":
            self.chapters.append(weakref.ref(document))
        return document


def test_a_refined_layout_is_made_after_the_one_before_is_let_go() -> None:
    layouts = Layouts()
    calls: list[int] = []

    def refine(body: Any, start: int, done: int) -> int:
        calls.append(done)
        return 1 if done < 3 else 0  # plates floated, then spreads balanced

    blank = Document([Page({}) for _ in range(3)])
    parts = PartsLayout(layouts, lambda part, **_: part, "", blank, {},  # type: ignore[arg-type]
                        refine=refine)
    book, where = parts.lay_out()
    assert calls == [1, 2, 3]
    assert layouts.alive_at_start["body, refined 1"] == [False]
    assert layouts.alive_at_start["body, refined 2"] == [False, False]
    assert layouts.alive_at_start["back"] == [False, False, True]  # the one printed
    assert where.body_pages == 2 and len(book.pages) == where.total


def test_a_layout_pauses_the_cycle_collector_and_gives_it_back() -> None:
    import gc

    from inventaire.core.collector import paused as collection_paused

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
