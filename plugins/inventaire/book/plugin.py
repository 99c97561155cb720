"""Signal handlers of the book plugin."""

from __future__ import annotations

from typing import Any

from inventaire.book.generator import BookGenerator


def get_generators(pelican: Any) -> type[BookGenerator]:
    return BookGenerator
