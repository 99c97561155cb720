"""The preview's builder sets what is alive aside from Python's collector after each
build, and collects it all when idle or when it has doubled
(``commands/builder_memory.py``): garbage set aside is never kept for good."""

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


def test_garbage_set_aside_is_collected_when_it_doubled(memory: SetAside) -> None:
    memory.build_done()
    memory.after_collection = 1  # as if the first build had left almost nothing
    cycle = Cycle()
    alive = weakref.ref(cycle)
    del cycle
    memory.build_done()  # no pause before the next build, but twice as much set aside
    assert alive() is None
    after = memory.after_collection
    assert after > 1
    cycle = Cycle()
    alive = weakref.ref(cycle)
    del cycle
    memory.build_done()  # grown by little since: no full collection on the way
    assert alive() is not None and memory.after_collection == after


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
