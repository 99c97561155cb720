"""Python's garbage collector during a build or a layout: paused while they make
objects that live on, then told to leave those alone.

A build makes its long-lived objects first: every post's Article, its metadata, the
groups and the context (millions of objects at 10,000 posts). The collector's
thresholds count allocations, so while they are made it ran again and again over the
same growing heap, two full passes among them, and found nothing to free: none of it
is garbage before the pages are written. So the build pauses the collector from its
start (:func:`paused`) until every generator has built its context; then
:func:`settle` sets what is alive aside (``gc.freeze``) and lets the collector run
again, over the objects rendering makes only. The render workers forked then inherit
a collector that never walks the shared heap, so it is not copied page by page into
each of them either.

What a build sets aside is freed as usual when nothing refers to it; only objects in
a reference cycle wait for a full collection after ``gc.unfreeze`` (the preview's
builder does that when idle, :mod:`inventaire.commands.builder_memory`); a command
that builds once just exits. The book pauses it for each layout the same way
(:mod:`inventaire.book.layout`), and collects once after (``release``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (until :func:`settle`); after it the
    collector is as it was before, even when the block raised. A caller that had
    paused it already keeps it paused."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle() -> None:
    """Set aside what is alive now and let the collector run again, if it was paused.

    Called once the context is built, before the render workers are forked."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def before_exit() -> None:
    """Set aside what is alive: a command's objects are not walked again on its way out.

    The interpreter's exit runs a full collection over everything not set aside: after
    a build of 10,000 posts that took longer than the summary it prints. Called by
    the command line once a command is done; a process that goes on (a test run)
    gives them back to the collector with ``gc.unfreeze``."""
    gc.freeze()
