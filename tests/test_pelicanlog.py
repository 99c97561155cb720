"""A problem still there is said again at the next build in the same process (the
preview's builder): Pelican's memory of logged messages is forgotten when a build
starts (``site/pelicanlog.py``, the one place that touches it)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core.model import Media
from inventaire.site.pelicanlog import forget_logged_messages


def test_a_repeated_warning_is_said_again_after_forgetting() -> None:
    logger = logging.getLogger("inventaire.site.pictures")
    said: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logger.addHandler(handler)
    try:
        logger.warning("la même chose")
        logger.warning("la même chose")
        assert said == ["la même chose"]  # Pelican's filter: once per process
        forget_logged_messages()
        logger.warning("la même chose")
        assert said == ["la même chose", "la même chose"]
    finally:
        logger.removeHandler(handler)


def test_each_build_says_a_missing_photo(tmp_path: Path,
                                         caplog: pytest.LogCaptureFixture) -> None:
    post = made_up_post(1)
    post.media = [Media(file="media/absente.jpg", alt="Rien")]
    project = make_project(tmp_path, posts=[post])
    overrides = {"INVENTAIRE_SEARCH": False, "INVENTAIRE_RENDER_WORKERS": 1}
    for _build in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            build(project, overrides=dict(overrides), book=False)
        assert any("absente.jpg" in r.getMessage() for r in caplog.records)
