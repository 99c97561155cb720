"""The processes that work beside a build keep off the CPU that Pelican uses.

A build starts helpers that run while Pelican reads and renders in its one thread:
``cp -al`` seeding the new output folder, ``rm -rf`` deleting the one before last
(``output.py``), and Pagefind reading the unchanged pages (``site/search_prefeed.py``).
On two CPUs, left to the scheduler, they took turns with Pelican on its CPU: the
Pagefind reading that saved 0.3 s at the end of a rebuild cost as much in the
middle. Pinned to every CPU but one, they share the others, and Pelican keeps one.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable


def helper_cpus() -> set[int] | None:
    """Every CPU this process may run on but one (none at all on a single CPU);
    None where a process cannot be pinned (not Linux)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    return set(sorted(os.sched_getaffinity(0))[1:])


def beside_pelican() -> Callable[[], None] | None:
    """A ``preexec_fn`` that pins a helper process to :func:`helper_cpus` before it
    starts its threads; None when there is nothing to pin (not Linux, one CPU)."""
    cpus = helper_cpus()
    if not cpus:
        return None
    return functools.partial(os.sched_setaffinity, 0, cpus)
