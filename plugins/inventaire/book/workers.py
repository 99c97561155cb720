"""The parallel book's worker processes: started early, and given their start pages as
soon as each is known.

A worker comes from multiprocessing's fork server, which imports WeasyPrint first:
about two seconds before the first worker can read its job, during which the main
process, had it just asked for them, would wait with a core idle. So the workers are
asked for as soon as the book is known to be big (:meth:`Workers.start`), and the
fork server imports while the main process reads the posts' text, plates and emoji.

Each worker reports its group's page count, then waits for the book page its group
starts at, which only the counts of the groups before it tell. :class:`Starts` waits
for the counts in a thread of its own and sends each start the moment it is known,
whatever the main process is doing meanwhile (laying out the folios ahead,
:mod:`.folio_pages`): a worker that has finished its layout never waits for the main
process, only for the groups before it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

# what a worker reports once laid out: pages, anchors, blank pages
Count = dict[str, Any]
Receive = Callable[[Any, int], dict[str, Any]]


@dataclass
class Workers:
    """Worker processes, each with the main process's end of its pipe."""

    processes: list[Any] = field(default_factory=list)
    conns: list[Any] = field(default_factory=list)

    @classmethod
    def start(cls, count: int, target: Callable[[Any], None], context: Any) -> Workers:
        """``count`` processes running ``target`` (given their end of a pipe), each
        waiting for its job."""
        workers = cls()
        try:
            for _ in range(count):
                conn, child = context.Pipe()
                process = context.Process(target=target, args=(child,), daemon=True)
                process.start()
                child.close()
                workers.processes.append(process)
                workers.conns.append(conn)
        except BaseException:
            workers.close()
            raise
        return workers

    def keep(self, count: int) -> None:
        """Only the first ``count`` workers go on; the others are stopped (a book of
        fewer chapters than workers)."""
        for process, conn in zip(self.processes[count:], self.conns[count:], strict=True):
            stop(process, conn)
        del self.processes[count:], self.conns[count:]

    def close(self) -> None:
        """Stop every worker: a worker blocked on its pipe reads its end and returns."""
        self.keep(0)


def stop(process: Any, conn: Any) -> None:
    conn.close()
    process.join(timeout=10)
    if process.is_alive():
        process.terminate()


def worker_context(preload: list[str]) -> Any:
    """Workers forked from a fork server that has ``preload`` imported (fast to start).
    As with ``spawn``, a worker imports the parent's ``__main__`` module first, so a
    script that builds the book needs an ``if __name__ == "__main__"`` guard."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return context


class Starts:
    """A thread that receives every worker's count, in whatever order they finish, and
    sends each worker its start page as soon as the counts before it are in.

    The main process reads the counts from :meth:`next` as they come; an error of a
    worker (or a dead one) is raised there. Only this thread uses the pipes until
    :meth:`join` returns."""

    def __init__(self, conns: list[Any], first: int, receive: Receive) -> None:
        self.conns = conns
        self.first = first
        self.receive = receive
        self.counts: dict[int, Count] = {}
        self.starts: list[int] = []  # each group's first page, as sent (read after join)
        self.events: queue.Queue[tuple[int, Count] | BaseException] = queue.Queue()
        self.thread = threading.Thread(target=self.run, name="book-starts", daemon=True)
        self.thread.start()

    def run(self) -> None:
        try:
            sent = 0
            start = self.first
            pending = dict(enumerate(self.conns))
            while True:
                # A group's start needs the count of the group before it (and those
                # before that one were in when its own start was sent).
                while sent < len(self.conns) and (sent == 0 or sent - 1 in self.counts):
                    if sent:
                        start += self.counts[sent - 1]["pages"]
                    self.conns[sent].send(start)
                    self.starts.append(start)
                    sent += 1
                if not pending:
                    return
                for conn in wait(list(pending.values())):
                    index = next(i for i, c in pending.items() if c is conn)
                    del pending[index]
                    self.counts[index] = self.receive(conn, index)
                    self.events.put((index, self.counts[index]))
        except BaseException as error:  # handed to the main process
            self.events.put(error)

    def next(self) -> tuple[int, Count]:
        """The next count to come in: (group index, count)."""
        item = self.events.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def ready(self) -> list[tuple[int, Count]]:
        """The counts in already, without waiting."""
        items = []
        with contextlib.suppress(queue.Empty):
            while True:
                item = self.events.get_nowait()
                if isinstance(item, BaseException):
                    raise item
                items.append(item)
        return items

    def join(self) -> None:
        self.thread.join()
