"""Python's collector during a build: paused while the context is made, then running
over the new objects only (``inventaire/core/collector.py``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core import collector
from pelican.plugins import signals


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, posts=[made_up_post(i) for i in range(6)])


@pytest.fixture
def events() -> Iterator[list[str]]:
    """Every automatic collection and the build's signals, in order."""
    seen: list[str] = []

    def collected(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(f"collection {info['generation']}")

    def signal(name: str) -> Any:
        def handler(*_args: Any, **_kwargs: Any) -> None:
            seen.append(f"{name} enabled={gc.isenabled()} frozen={gc.get_freeze_count()}")
        return handler

    handlers = {name: signal(name) for name in
                ("initialized", "all_generators_finalized", "article_writer_finalized")}
    for name, handler in handlers.items():
        getattr(signals, name).connect(handler, weak=False)
    gc.callbacks.append(collected)
    gc.unfreeze()
    try:
        yield seen
    finally:
        gc.callbacks.remove(collected)
        for name, handler in handlers.items():
            getattr(signals, name).disconnect(handler)
        gc.unfreeze()


def test_paused_gives_the_collector_back_and_keeps_a_callers_choice() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            collector.settle()  # resumes a paused collector only
        assert gc.isenabled()
    finally:
        gc.enable()


def test_settle_sets_aside_what_is_alive_only_when_paused() -> None:
    gc.unfreeze()
    collector.settle()
    assert gc.get_freeze_count() == 0  # not paused: nothing to do
    with collector.paused():
        kept = [[index] for index in range(1000)]
        collector.settle()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)
    gc.unfreeze()


def test_a_build_makes_no_collection_until_its_context_is_built(
        project: Path, tmp_path: Path, events: list[str]) -> None:
    build(project, output=tmp_path / "out", book=False,
          overrides={"INVENTAIRE_SEARCH": False, "INVENTAIRE_RENDER_WORKERS": 1})
    assert gc.isenabled()
    names = [event.split()[0] for event in events]
    start = names.index("initialized")
    context_built = names.index("all_generators_finalized")
    written = names.index("article_writer_finalized")
    assert "collection" not in names[start:context_built]
    assert events[start].startswith("initialized enabled=False")
    # The render runs with the collector on, over new objects: the context is set aside.
    after = events[written]
    assert "enabled=True" in after and not after.endswith("frozen=0")


def test_a_failed_build_gives_the_collector_back(project: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from inventaire.site import workers

    def broken(_generators: Any) -> None:
        raise RuntimeError("a page could not be rendered")

    monkeypatch.setattr(workers, "start", broken)
    with pytest.raises(RuntimeError):
        build(project, output=tmp_path / "out", book=False,
              overrides={"INVENTAIRE_SEARCH": False, "INVENTAIRE_RENDER_WORKERS": 1})
    assert gc.isenabled()
