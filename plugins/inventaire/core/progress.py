"""What a long command says while it works: its steps, their counts, their seconds.

A build was 13 to 30 seconds of silence; an import showed « 0 posts » and then wrote
5,000 files with nothing on screen. Commands now go through named steps
(:meth:`Progress.step`). On a terminal the running step is one line redrawn in place
(its name, its count, its seconds), replaced by a line saying what it did when it
ends; in a log or a pipe only that last line is written, one per step, so a CI log
reads as a list. ``--quiet`` says nothing (errors still do); ``--verbose`` adds the
libraries' own information (Pelican's, the book's).

Everything goes to standard error: standard output keeps the command's result (the
build's summary, ``stats --json``).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

QUIET, NORMAL, VERBOSE = 0, 1, 2

# The build forks its page renderers while a terminal's line is being redrawn by a
# thread. A fork taken while that thread writes would leave the child a locked
# stream; so no fork happens during a write: the locks of the running tickers are
# taken before a fork and given back after it (new ones in the child).
_TICKING: dict[int, Progress] = {}
_HELD: list[threading.Lock] = []


def _before_fork() -> None:
    _HELD[:] = [progress._lock for progress in _TICKING.values()]
    for lock in _HELD:
        lock.acquire()


def _after_fork_in_parent() -> None:
    for lock in _HELD:
        lock.release()
    _HELD.clear()


def _after_fork_in_child() -> None:
    for progress in _TICKING.values():  # the child has no ticker thread
        progress._lock = threading.Lock()
        progress.live = False
    _HELD.clear()
    _TICKING.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent,
                        after_in_child=_after_fork_in_child)


def figure(count: int) -> str:
    """12 345 with a narrow no-break space, as the site writes its figures."""
    return f"{count:,}".replace(",", "\u202f")


def level_of(args: object) -> int:
    """The level a command's ``--quiet`` / ``--verbose`` flags ask for."""
    if getattr(args, "quiet", False):
        return QUIET
    return VERBOSE if getattr(args, "verbose", False) else NORMAL


@dataclass
class Step:
    """A running step: what it has done so far, shown on the terminal's line."""

    label: str
    started: float
    count: int = 0
    total: int = 0
    unit: str = ""
    done: str = ""  # what the step did, for its last line (default: its count)

    def advance(self, by: int = 1) -> None:
        self.count += by

    def shown(self, now: float) -> str:
        if self.total:
            amount = f"{figure(self.count)}/{figure(self.total)} {self.unit}"
        elif self.count:
            amount = f"{figure(self.count)} {self.unit}"
        else:
            amount = ""
        return " ".join(part for part in (f"{self.label}…", amount.strip(),
                                          f"{now - self.started:.0f} s") if part)


@dataclass
class Progress:
    """The steps of one command, written to ``stream`` (standard error)."""

    level: int = NORMAL
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    live: bool | None = None  # redraw a line in place; None: when ``stream`` is a terminal
    clock: Callable[[], float] = time.monotonic
    interval: float = 0.25
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.live is None:
            isatty = getattr(self.stream, "isatty", None)
            self.live = bool(isatty and isatty())

    @property
    def quiet(self) -> bool:
        return self.level <= QUIET

    @property
    def verbose(self) -> bool:
        return self.level >= VERBOSE

    def line(self, text: str) -> None:
        """A line of its own (nothing when quiet)."""
        if not self.quiet:
            with self._lock:
                self.stream.write(text + "\n")
                self.stream.flush()

    @contextmanager
    def step(self, label: str, unit: str = "", total: int = 0) -> Iterator[Step]:
        """A step: redrawn while it runs on a terminal, one line when it ends."""
        step = Step(label, self.clock(), total=total, unit=unit)
        stop = threading.Event()
        ticker = None
        if self.live and not self.quiet:
            ticker = threading.Thread(target=self._tick, args=(step, stop), daemon=True)
            _TICKING[id(self)] = self
            ticker.start()
        failed = False
        try:
            yield step
        except BaseException:
            failed = True
            raise
        finally:
            stop.set()
            if ticker is not None:
                ticker.join()
                _TICKING.pop(id(self), None)
            self._finish(step, failed)

    def _tick(self, step: Step, stop: threading.Event) -> None:
        while True:
            with self._lock:
                self.stream.write("\r\x1b[K" + step.shown(self.clock()))
                self.stream.flush()
            if stop.wait(self.interval):
                return

    def _finish(self, step: Step, failed: bool) -> None:
        if self.quiet:
            return
        seconds = self.clock() - step.started
        what = "stopped" if failed else (step.done or (
            f"{figure(step.count)} {step.unit}" if step.count or step.unit else "done"))
        text = f"{step.label}: {what} ({seconds:.1f} s)"
        with self._lock:
            self.stream.write(("\r\x1b[K" if self.live else "") + text + "\n")
            self.stream.flush()
