"""Benchmarks of Inventaire against plain tools, measured side by side in one run.

``python -m benchmarks [--quick]`` (``make bench`` / ``make bench-quick``) runs them
all and prints one JSON object per line, then a table (:mod:`benchmarks.report`).
Every measured build runs in a child process of its own (:func:`run_child`), so that
one build's imports, caches and memory never flatter or burden the next, and so that
its peak memory is its own (``getrusage(RUSAGE_SELF)`` read in the child).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_PREFIX = "BENCH-RESULT "


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Pagefind), user + system.

    On a machine shared with other jobs the wall clock of a build swings by half; its
    CPU time does not, so the site figures give both.
    """
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def child_result(data: dict[str, Any]) -> None:
    """Print a child's result where :func:`run_child` finds it, with its peak memory."""
    import resource

    data["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(RESULT_PREFIX + json.dumps(data), flush=True)


def run_child(module: str, args: list[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run ``python -m module args`` and return the dict it passed to :func:`child_result`.

    The child's own output (Pelican's log) is kept out of the benchmark's lines; it is
    shown only when the child fails, so that a broken build says why.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX):])
            return result
    tail = (done.stderr or done.stdout).strip()[-2000:]
    raise RuntimeError(f"{module} {' '.join(args)} failed (exit {done.returncode}):\n{tail}")
