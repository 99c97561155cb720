"""A ``/usr/bin/time`` that counts every process a command starts, orphans included.

The benchmarks time commands as people run them (``inventaire import``, ``inventaire
build``, ``pelican``), each as a subprocess, with CPU seconds beside wall time so a
machine shared with other jobs can be read. ``getrusage(RUSAGE_CHILDREN)`` only adds
a process's CPU once its parent has waited for it, and the book's workers are
children of multiprocessing's fork server, which nobody waits for: its CPU, and so
the workers', would be lost. This script therefore makes itself a *child
subreaper* (Linux ``prctl``): descendants orphaned by their parent's exit are handed
to it, and it reaps them all before reading its children's usage.

Run as a script, never as ``-m benchmarks.timer``: the command must not inherit a
``sys.path`` holding the repository's root, whose ``pelicanconf.py`` would be
imported in place of a synthetic project's. Standard library only, for that reason::

    python benchmarks/timer.py --log build.log -- inventaire build

prints one JSON object: ``seconds`` (wall, until the command itself exits),
``cpu_seconds`` (user + system of every reaped descendant), ``maxrss_mb`` (the
largest single process), ``returncode`` and ``orphans_left`` (descendants still
running after ``--reap-timeout``; their CPU is not counted).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Adopt this process's orphaned descendants; False where Linux's prctl is missing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def reap_orphans(timeout: float) -> int:
    """Wait for every adopted descendant (up to ``timeout`` seconds); how many are left."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return 0
        if pid:
            continue
        if time.monotonic() >= deadline:
            return _children_left()
        time.sleep(0.02)


def _children_left() -> int:
    """Processes whose parent is this one (read from /proc; 0 where there is none)."""
    me, count = str(os.getpid()), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += fields[1] == me
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, required=True,
                        help="file for the command's own stdout and stderr")
    parser.add_argument("--reap-timeout", type=float, default=60.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    subreaper = become_subreaper()
    with open(args.log, "wb") as log:
        begin = time.perf_counter()
        returncode = subprocess.call(command, stdout=log, stderr=subprocess.STDOUT)
        seconds = time.perf_counter() - begin
    left = reap_orphans(args.reap_timeout)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                      "maxrss_mb": usage.ru_maxrss / 1024, "returncode": returncode,
                      "orphans_left": left, "subreaper": subreaper}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
