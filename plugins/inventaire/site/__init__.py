"""The Pelican plugin that turns the editors' files into the archive website."""

from __future__ import annotations

from pelican import signals

from . import plugin


def register() -> None:
    signals.readers_init.connect(plugin.add_reader)
