"""The preview's builder and Python's garbage collector.

The builder (:mod:`.preview_worker`) keeps what every build uses for as long as the
code is the same: the modules, the parsed posts' memory, the compiled templates.
Python's collector went through all of it again and again during each build — a
full pass over 2,000 posts' objects took 0.1 s, every other build — and so did the
render worker forked from the builder, copying the memory pages it touched. So
after each build, what is alive is set aside from the collector (``gc.freeze``): a
build's collections go through that build's objects only.

Objects set aside are still freed when nothing refers to them; only those that
became garbage in a reference cycle (the last build's, mostly) wait for a full
collection. It runs when the builder is idle — no build asked for within
:data:`IDLE_SECONDS` of the last one's answer, the editor is reading the page — and
never in front of a build that is waiting: at 10,000 posts a full collection takes
1 to 2.5 seconds, which a build asked for right after the last one's answer (saves
in a row) used to wait for before it could start. Only a stream of builds
without any pause collects between two of them, so that it cannot grow the memory
without bound: once the memory Python holds is :data:`GROWTH` times what it held
after the last full collection (a build's objects and the garbage of two more). That
is measured by its allocated blocks (``sys.getallocatedblocks``: a walk of its
arenas, under a millisecond), not by counting the objects set aside
(``gc.get_freeze_count`` walks every one of them: 20 to 40 ms after each build at
2,000 posts, which the next build waited for when it was asked for at once).
"""

from __future__ import annotations

import gc
import select
import sys
from typing import TextIO

IDLE_SECONDS = 1.0
GROWTH = 3.0  # the memory held, against the last full collection's: collect between builds


class SetAside:
    """The builder's collector policy: :meth:`build_done` after each build's answer,
    :meth:`collect` when idle."""

    def __init__(self) -> None:
        self.after_collection = 0  # blocks allocated after the last full collection
        self.set_aside = False  # whether a build set objects aside since then

    def build_done(self) -> None:
        """What is alive now is left out of the next build's collections; a full
        collection first when the memory held has grown :data:`GROWTH` times since
        the last one (builds in a row, no idle moment to collect in)."""
        gc.freeze()
        self.set_aside = True
        held = sys.getallocatedblocks()
        if not self.after_collection:
            self.after_collection = held  # the first build: its own memory
        elif held > GROWTH * self.after_collection:
            self.collect()

    def idle(self) -> None:
        """The builder is idle: a full collection if a build set objects aside since
        the last one (an idle builder does not collect again for nothing)."""
        if self.set_aside:
            self.collect()

    def collect(self) -> None:
        """Every object back in the collector's care, a full collection (the cycles
        left by the last builds), and what survives set aside again."""
        self.set_aside = False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.after_collection = sys.getallocatedblocks()


def waiting(stream: TextIO, seconds: float) -> bool:
    """Whether a line can be read from ``stream`` within ``seconds`` (or the stream
    ended); True when the stream cannot be watched."""
    try:
        ready, _w, _x = select.select([stream], [], [], seconds)
    except (OSError, ValueError):
        return True
    return bool(ready)
