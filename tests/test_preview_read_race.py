"""A post saved again while the preview builds: its page is rendered again next time.

The preview keeps a page when the post it shows has the same bytes as when the page
was written (``site/reuse.py``). The bytes that count are those the build read and
rendered (the post's ``source_key``), not the file as it is when the page is keyed
later in the same build: else a save that lands between the two would give the page
made from the older text the newer text's key, and every later preview would keep
that stale page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from inventaire.site import readmemo
from test_preview_reuse import change, full, posts, preview, project, snapshot

__all__ = ["project"]  # the fixture, shared with the reuse tests


def test_a_save_during_the_build_is_not_lost(project: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = posts(project)[5]
    before = target.read_bytes()
    change(target, project, text="Texte d'avant la sauvegarde")
    older = target.read_bytes()
    change(target, project, text="Texte sauvegardé pendant la construction")
    real = Path.read_bytes

    def read_as_before(path: Path) -> bytes:
        """The build reads the older text of the target, as if the newer one were
        saved just after."""
        return older if path == target else real(path)

    try:
        monkeypatch.setattr(Path, "read_bytes", read_as_before)
        preview(project)
        monkeypatch.undo()
        assert before != older
        page = [text for text in (p.read_text(encoding="utf-8") for p in
                (project / "output").rglob("*.html")) if "avant la sauvegarde" in text]
        assert page, "the build did not read the older text (the test's premise)"
        preview(project)  # nothing changed since: the newer text must show now
    finally:
        readmemo.forget()
    assert snapshot(project / "output") == snapshot(full(project, tmp_path / "full"))
