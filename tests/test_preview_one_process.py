"""A preview after an edit renders in one process; any other build on every core.

The page reuse's record says which build signature its pages were written with
(``site.reuse``). When this build has the same, only the pages of what changed are
rendered, and the render workers would cost more than they save
(``site.workers.start``). A new signature (a template, a setting, the code) renders
every page, with the workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from inventaire.site import reuse, workers
from inventaire.site.writer import SHARE


@pytest.fixture
def settings(tmp_path: Path) -> dict[str, Any]:
    return {"CACHE_PATH": str(tmp_path / "cache"), "INVENTAIRE_PREVIOUS_OUTPUT": "",
            "INVENTAIRE_RENDER_WORKERS": 2}


def preview(settings: dict[str, Any], output: Path, signature: str,
            monkeypatch: pytest.MonkeyPatch) -> reuse.PageReuse:
    """One preview's page reuse with build signature ``signature``; saved as a build
    that wrote one page."""
    monkeypatch.setattr(reuse, "build_signature", lambda _settings: signature)
    made = reuse.PageReuse(settings)
    output.mkdir(exist_ok=True)
    (output / "a.html").write_text("a", encoding="utf-8")
    made.keys["a.html"] = "key-a"
    return made


class Generator:
    def __init__(self, settings: dict[str, Any], page_reuse: reuse.PageReuse) -> None:
        self.settings = settings
        self.context: dict[str, Any] = {reuse.REUSE: page_reuse}


def test_same_build_only_after_a_preview_with_the_same_signature(
        settings: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "output"
    first = preview(settings, output, "A", monkeypatch)
    assert not first.same_build  # no record yet
    first.save(output)
    second = preview(settings, output, "A", monkeypatch)
    assert second.same_build
    second.save(output)
    other = preview(settings, output, "B", monkeypatch)  # a template changed, say
    assert not other.same_build
    other.save(output)
    # A record written before the signature was kept in it counts as another build.
    (tmp_path / "cache" / reuse.MANIFEST).write_text('{"pages": {"a.html": ["k"]}}')
    assert not preview(settings, output, "B", monkeypatch).same_build


def test_the_preview_of_an_edit_starts_no_worker(
        settings: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "output"
    preview(settings, output, "A", monkeypatch).save(output)
    edit = preview(settings, output, "A", monkeypatch)
    generator = Generator(settings, edit)
    monkeypatch.setattr(reuse, "begin", lambda generators: None)  # keeps ours
    forks: list[int] = []
    monkeypatch.setattr(workers.os, "fork", lambda: forks.append(1) or 1 / 0)
    workers.start([generator])
    assert forks == [] and SHARE not in generator.context
    other = preview(settings, output, "B", monkeypatch)
    generator = Generator(settings, other)
    with pytest.raises(ZeroDivisionError):  # the fork was asked for
        workers.start([generator])
    assert forks == [1]
