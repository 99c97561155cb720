"""The preview's builder sets what is alive aside from Python's collector after each
build, and collects it all when idle or, between builds in a row, when it has
grown threefold (``commands/builder_memory.py``): garbage set aside is never kept
for good, and a build asked for at once never waits for a collection."""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterator

import pytest
from inventaire.commands.builder_memory import SetAside, waiting


class Cycle:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def memory() -> Iterator[SetAside]:
    try:
        yield SetAside()
    finally:
        gc.unfreeze()


def test_a_builds_cycles_set_aside_are_collected_once_idle(memory: SetAside) -> None:
    memory.build_done()  # the first build answered: its objects set aside
    cycle = Cycle()
    alive = weakref.ref(cycle)
    memory.build_done()  # the next one too
    del cycle
    gc.collect()
    assert alive() is not None  # not gone through during the next build
    memory.collect()
    assert alive() is None


def test_builds_in_a_row_collect_only_once_the_memory_tripled(memory: SetAside) -> None:
    memory.build_done()
    first = memory.after_collection
    memory.after_collection = first * 2 // 5  # as if the build had held 2.5 times more
    cycle = Cycle()
    alive = weakref.ref(cycle)
    del cycle
    memory.build_done()  # a second build in a row: grown 2.5 times, no collection
    assert alive() is not None
    memory.after_collection = 1  # as if the first build had left almost nothing
    memory.build_done()  # grown past three times: collected before the next build
    assert alive() is None
    after = memory.after_collection
    assert after > 1
    cycle = Cycle()
    alive = weakref.ref(cycle)
    del cycle
    memory.build_done()  # grown by little since: no full collection on the way
    assert alive() is not None and memory.after_collection == after


def test_an_idle_builder_collects_once_per_build(memory: SetAside,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    collections: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
    memory.idle()  # nothing set aside yet: nothing to collect
    assert collections == []
    memory.build_done()
    memory.idle()
    memory.idle()  # still idle, nothing new since
    assert collections == [1]
    memory.build_done()
    memory.idle()
    assert collections == [1, 1]


def test_the_builder_is_idle_only_when_no_request_waits() -> None:
    read, write = os.pipe()
    with os.fdopen(read, "r") as stream, os.fdopen(write, "w") as requests:
        assert not waiting(stream, 0.01)
        requests.write("build\n")
        requests.flush()
        assert waiting(stream, 0.01)
        assert stream.readline() == "build\n"
        assert not waiting(stream, 0.01)
        requests.close()
        assert waiting(stream, 0.01)  # the server left: the loop reads the end
