"""The Pelican plugin that turns the same posts into the PDF book."""

from __future__ import annotations

from pelican import signals

from inventaire.book import plugin


def register() -> None:
    signals.get_generators.connect(plugin.get_generators)
